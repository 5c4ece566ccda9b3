// Every grounding verdict on WikiBio dev with each passage's Wikipedia article as a source, as
// `claimfloor audit drafts --sources sources` gives it (bench/lib/evalRun.ts): the count per
// status and every "contradicted" claim with its sentence's label, what it claimed, what the
// source states and the passage, for judging by hand.
//
// `--set factcheck` reads Factcheck-GPT dev against its retrieved evidence instead (`--evidence human`
// for the annotators' notes).
//
//   npx tsx bench/groundingReport.ts [--set wikibio|factcheck] [--evidence auto|human] [--json out.json]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDataset } from './lib/evalData';
import { runProduct } from './lib/evalRun';

const { values: args } = parseArgs({ options: { json: { type: 'string' }, set: { type: 'string', default: 'wikibio' }, evidence: { type: 'string', default: 'auto' } } });
const factcheck = args.set === 'factcheck';

async function main(): Promise<void> {
  const documents = readDataset(factcheck ? 'factcheck' : 'wikibio');
  const run = await runProduct(documents, factcheck ? (args.evidence === 'human' ? 'human' : 'auto') : 'reference');
  const counts = new Map<string, number>();
  const noSubject: string[] = [];
  /** Per status, claims in labelled sentences and how many of those sentences are accurate. */
  const byLabel = new Map<string, { claims: number; accurate: number }>();
  const contradictions: Array<{ document: string; label: string; claim: string; claimed: string; stated: string; attribute?: string; source: string; excerpt: string }> = [];
  for (const d of documents) {
    for (const c of run.claims.get(d.id) ?? []) {
      const g = c.corpus?.grounding;
      const status = g?.status ?? 'none';
      counts.set(status, (counts.get(status) ?? 0) + 1);
      const unitOf = d.units.find((u) => c.start < u.end && c.end > u.start);
      if (unitOf) {
        const entry = byLabel.get(status) ?? { claims: 0, accurate: 0 };
        entry.claims++;
        if (!unitOf.wrong) entry.accurate++;
        byLabel.set(status, entry);
      }
      if (g?.status === 'no-subject-source') noSubject.push(`doc ${d.id} [${c.subject ?? '—'}]: ${c.text}`);
      if (g?.status !== 'contradicted') continue;
      const unit = d.units.find((u) => c.start < u.end && c.end > u.start);
      const at = g.passage!.passage.text.indexOf(g.conflict!.stated);
      const excerpt = g.passage!.passage.text.slice(Math.max(0, at - 120), at + 80);
      contradictions.push({
        document: d.id,
        label: unit?.grade ?? (unit ? (unit.wrong ? 'false' : 'true') : 'unlabelled'),
        claim: c.text,
        claimed: g.conflict!.claimed,
        stated: g.conflict!.stated,
        attribute: g.attribute,
        source: `${g.passage!.document.split('/').pop()}${g.passage!.document.endsWith(`/${d.id.replace(/[^\w.-]/g, '_')}.txt`) ? ' (its own source)' : ' (ANOTHER document\'s source)'}`,
        excerpt,
      });
    }
  }
  console.log(
    factcheck
      ? `Factcheck-GPT dev, ${documents.length} responses, its ${args.evidence === 'human' ? "annotators' evidence" : 'retrieved evidence'} as each response's source (${run.seconds.toFixed(1)} s)`
      : `WikiBio dev, ${documents.length} passages, its article as each passage's source (${run.seconds.toFixed(1)} s)`,
  );
  console.log([...counts].map(([s, n]) => `${s}: ${n}`).join(', '));
  console.log([...byLabel].map(([s, { claims, accurate }]) => `${s}: ${accurate} of ${claims} claims in accurate sentences (${((100 * accurate) / claims).toFixed(0)}%)`).join('\n'));
  console.log(`\n${contradictions.length} contradicted:`);
  contradictions.forEach((x, i) => {
    console.log(`\n${i + 1}. [${x.label}] doc ${x.document}: ${x.claim}`);
    console.log(`   claimed ${x.claimed} (${x.attribute}); source ${x.source} states ${x.stated}: “…${x.excerpt}…”`);
  });
  console.log(`\n${noSubject.length} with no source about their subject:\n${noSubject.join('\n')}`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ counts: Object.fromEntries(counts), byLabel: Object.fromEntries(byLabel), contradictions }, null, 2));
}

void main();
