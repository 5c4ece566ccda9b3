import type { Claim } from '../claims/claim';
import type { ClaimFloorConfig } from '../config/config';
import { MIN_OBSERVATIONS, type TypeSingletonRate } from './typeSingletonRate';
import { CLAIM_TYPE_TABLE } from './claimTypeTable';
import { fanoValueErrorFloor } from './fano';
import { theorem2Floor } from './knvzBounds';
import { falsePositiveFloor, generativeFalseRate } from './rateDistortion';

export interface FloorTerm {
  symbol: string;
  /** Undefined when the quantity is unmeasured. */
  value?: number;
  provenance: 'computed' | 'writer' | 'measured' | 'unmeasured';
  note: string;
}

/** The theoretical floor for a claim's type, with every term and where it came from. */
export interface FloorReading {
  /** `computed`: all terms known; `zero`: systematic type with no statistical floor; `unmeasured`: sr_T unknown. */
  status: 'computed' | 'zero' | 'unmeasured';
  value?: number;
  governingBound: string;
  formula: string;
  terms: FloorTerm[];
  /** Capacity floors (Guo & Li 2026, Fano) when the writer set bits per fact. */
  capacity?: { bitsPerFact: number; fano?: number; falsePositive: number; generativeFalseRate?: number };
  summary: string;
}

/**
 * Computes the KNVZ Theorem 2 floor for the claim's type from what is known, naming what is not.
 * sr_T is the writer's setting if there is one, else the workspace's Good–Turing measurement once
 * it is informative (THEORY.md §9.4).
 */
export function floorFor(claim: Claim, config: ClaimFloorConfig, workspaceRate?: TypeSingletonRate): FloorReading {
  const info = CLAIM_TYPE_TABLE[claim.type];
  const base = { governingBound: info.governingBound, formula: info.formula };
  const b = config.theory.bitsPerFact;
  const size = claim.answerSpace.size;
  const capacity =
    b === undefined
      ? undefined
      : {
          bitsPerFact: b,
          falsePositive: falsePositiveFloor(b),
          fano: Number.isFinite(size) ? fanoValueErrorFloor(size, b) : undefined,
          generativeFalseRate: Number.isFinite(size) && size > 2 ? generativeFalseRate(size, b) : undefined,
        };

  if (info.nature === 'systematic') {
    return { ...base, status: 'zero', value: 0, terms: [], summary: `Floor ≈ 0: ${info.governingBound}.` };
  }
  const minWrong = size - 1;
  if (minWrong <= 1) {
    return {
      ...base,
      status: 'unmeasured',
      terms: [{ symbol: '2/min|E_c|', value: 2 / Math.max(minWrong, 1), provenance: 'computed', note: 'the bound is vacuous for a true/false claim' }],
      capacity,
      summary: 'No clean floor for a universal (true/false) claim; it needs a source.',
    };
  }
  const answerTerm: FloorTerm = { symbol: '2/min|E_c|', value: 2 / minWrong, provenance: 'computed', note: `|E_c| = |R_c| − 1 from ${claim.answerSpace.basis}` };
  const setting = config.theory.singletonRate[claim.type];
  const measured = setting === undefined && workspaceRate?.measured ? workspaceRate : undefined;
  const sr = setting ?? measured?.rate;
  const n = config.theory.trainingFacts[claim.type];
  const delta = config.theory.miscalibration;
  const terms: FloorTerm[] = [
    setting !== undefined
      ? { symbol: 'sr_T', value: setting, provenance: 'writer', note: 'your setting theory.singletonRate' }
      : measured
        ? { symbol: 'sr_T', value: measured.rate, provenance: 'measured', note: `${rateText(measured)} in your workspace (Good–Turing N1/N)` }
        : { symbol: 'sr_T', provenance: 'unmeasured', note: unmeasuredNote(workspaceRate) },
    answerTerm,
    n === undefined
      ? { symbol: '(35 + 6 ln N)/√N', provenance: 'unmeasured', note: 'N_T (training statements of this family) unknown; left out' }
      : { symbol: '(35 + 6 ln N)/√N', value: (35 + 6 * Math.log(n)) / Math.sqrt(n), provenance: 'writer', note: `N = ${n.toExponential(1)} (your setting)` },
    { symbol: 'δ', value: delta, provenance: delta === 0 ? 'computed' : 'writer', note: delta === 0 ? 'calibrated base model (δ ≈ 0 at a cross-entropy optimum, KNVZ §3)' : 'your setting theory.miscalibration' },
  ];
  if (sr === undefined) {
    return { ...base, status: 'unmeasured', terms, capacity, summary: `Floor unmeasured: sr_T unknown; the answer-space term 2/|E_c| = ${formatNumber(answerTerm.value!)}.` };
  }
  const floor = theorem2Floor({ singletonRate: sr, minWrongAnswers: minWrong, trainingFacts: n, miscalibration: delta });
  return { ...base, status: 'computed', value: floor.value, terms, capacity, summary: `Floor ${formatNumber(floor.value)} = max(0, ${formatNumber(floor.raw)}).` };
}

/** "N1/N = 412/1,380 = 0.299 ± 0.16 (95%)". */
export function rateText(rate: TypeSingletonRate): string {
  return `N1/N = ${rate.singletons.toLocaleString('en-US')}/${rate.observations.toLocaleString('en-US')} = ${formatNumber(rate.rate)} ± ${formatNumber(rate.halfWidth)} (95%, McAllester–Ortiz)`;
}

function unmeasuredNote(rate: TypeSingletonRate | undefined): string {
  const published = 'no published singleton rate for any claim type (THEORY.md §6)';
  if (!rate) return `${published}; set theory.singletonRate to explore`;
  const seen = rate.observations === 0 ? 'no claims of this type in your workspace' : `only ${rate.observations.toLocaleString('en-US')} claims of this type in your workspace (N1/N = ${rate.singletons}/${rate.observations}, ± ${formatNumber(rate.halfWidth)})`;
  return `${published}; ${seen}, fewer than the ${MIN_OBSERVATIONS.toLocaleString('en-US')} needed to measure it (THEORY.md §9.4)`;
}

export function formatNumber(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}
