// How loud the product is: the share of claims shown as a warning or an error, against the share
// of wrong claims among them, on the labelled dev sets (out of sample) and on human-written docs
// (npm READMEs, where nothing is labelled and almost every claim is right).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isBelowConfidenceTarget, type RiskAssessment, severityOf } from '../../server/src/engine';
import { audit } from '../../server/src/cli/audit';
import type { LabelledRun } from './riskData';

/** The default confidence target: a claim is flagged when P(correct) < 75%. */
const THRESHOLD = 0.75;

export interface Noise {
  claims: number;
  /** Share of claims labelled wrong (their sentence's label). */
  wrongShare: number;
  /** Claims shown as a warning or an error, and the share of them that are wrong. */
  loud: number;
  loudPrecision: number;
  errors: number;
  errorPrecision: number;
}

/** The severities the product would show under these assessments (a labelled run's claims, out of sample). */
export function noiseOf(run: LabelledRun, assessments: readonly RiskAssessment[]): Noise {
  let loud = 0;
  let loudWrong = 0;
  let errors = 0;
  let errorsWrong = 0;
  run.claims.forEach((e, i) => {
    const a = assessments[i];
    const severity = severityOf(a, isBelowConfidenceTarget(a.risk, THRESHOLD), 'warning');
    if (severity === 'hint' || severity === 'information') return;
    loud++;
    if (e.wrong) loudWrong++;
    if (severity === 'error') {
      errors++;
      if (e.wrong) errorsWrong++;
    }
  });
  const claims = run.claims.length;
  return {
    claims,
    wrongShare: run.claims.filter((e) => e.wrong).length / Math.max(1, claims),
    loud,
    loudPrecision: loudWrong / Math.max(1, loud),
    errors,
    errorPrecision: errorsWrong / Math.max(1, errors),
  };
}

export interface DocsNoise {
  files: number;
  claims: number;
  bySeverity: Record<string, number>;
  /** The loudest files' lines, to read by hand. */
  examples: string[];
}

/**
 * Human-written documentation: the README of every installed npm package between 2 and 40 KB
 * (sorted by name, so the set is the same for the same lockfile), audited as one workspace with
 * the shipped models.
 */
export async function humanDocsNoise(limit = 120): Promise<DocsNoise> {
  const modules = resolve('node_modules');
  const readmes = readdirSync(modules)
    .filter((name) => !name.startsWith('.') && !name.startsWith('@'))
    .sort()
    .map((name) => join(modules, name, 'README.md'))
    .filter((path) => {
      try {
        const size = statSync(path).size;
        return size >= 2_000 && size <= 40_000;
      } catch {
        return false;
      }
    })
    .slice(0, limit);
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-docs-noise-'));
  try {
    mkdirSync(join(root, 'docs'));
    readmes.forEach((path) => writeFileSync(join(root, 'docs', `${path.split('/').at(-2)}.md`), readFileSync(path)));
    const outcome = await audit({ paths: ['docs'], cwd: root, progress: false, minRisk: 0, corpus: { sources: [] }, distDir: resolve('dist'), log: () => undefined });
    const bySeverity: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    const examples: string[] = [];
    let claims = 0;
    for (const r of outcome.results) {
      for (const c of r.analysis?.claims ?? []) {
        claims++;
        bySeverity[c.severity]++;
        if ((c.severity === 'error' || c.severity === 'warning') && examples.length < 12) examples.push(`${r.path}: ${c.severity}: ${c.message}`);
      }
    }
    return { files: readmes.length, claims, bySeverity, examples };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
