#!/usr/bin/env node
// Validates claims-reference.jsonl (schema, offsets, type ids, split rule, provenance) and prints counts.
// Usage: node validate.mjs [path/to/claims-reference.jsonl]
// Exit code 1 on any error. Source re-checks are skipped (with a warning) when the source files are absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, 'claims-reference.jsonl');
// The dev data beside the repository (../shared), and the repository itself (its node_modules for the npm docs).
const BENCH = path.resolve(here, '../../../../shared/bench');
const REPO = path.resolve(here, '../../..');

const TYPES = ['citation', 'quotation', 'event-date', 'biography', 'statistic', 'entity-relation', 'superlative',
  'identifier', 'version', 'definition', 'arithmetic', 'general-fact'];
const REASONS = ['opinion', 'instruction', 'question', 'boilerplate', 'requested-content', 'hedged', 'plan', 'no-fact',
  'heading-or-fragment'];
const SOURCES = { 'factcheck-gpt': /^fcgpt-\d{3}-s\d{2}$/, halueval: /^halueval-\d{4}-s\d{2}$/,
  'npm-docs': /^npm-[a-z0-9@/._-]+-s\d{2}$/, wikibio: /^wikibio-\d{3}-s\d{2}$/ };
const LICENCE = { 'factcheck-gpt': 'Apache-2.0', halueval: 'MIT', wikibio: 'CC-BY-SA-3.0' };
const KEYS = ['id', 'source', 'doc', 'licence', 'origin', 'split', 'text', 'context', 'facts', 'nonClaimReason'];
const FACT_KEYS = ['span', 'start', 'end', 'type', 'note'];

let errors = 0, warnings = 0;
const err = (where, msg) => { errors++; if (errors <= 50) console.error(`ERROR ${where}: ${msg}`); };
const warn = (where, msg) => { warnings++; if (warnings <= 20) console.warn(`warning ${where}: ${msg}`); };

const lines = fs.readFileSync(file, 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
const recs = [];
const ids = new Set();
lines.forEach((line, i) => {
  const where = `line ${i + 1}`;
  let r;
  try { r = JSON.parse(line); } catch (e) { err(where, 'invalid JSON: ' + e.message); return; }
  recs.push(r);
  for (const k of Object.keys(r)) if (!KEYS.includes(k)) err(where, `unknown key ${k}`);
  for (const k of ['id', 'source', 'doc', 'licence', 'origin', 'split', 'text', 'context'])
    if (typeof r[k] !== 'string') err(where, `${k} must be a string`);
  if (typeof r.text === 'string' && r.text.length === 0) err(where, 'empty text');
  if (ids.has(r.id)) err(where, `duplicate id ${r.id}`); ids.add(r.id);
  if (!(r.source in SOURCES)) err(where, `bad source ${r.source}`);
  else if (!SOURCES[r.source].test(r.id)) err(where, `id ${r.id} does not match source ${r.source}`);
  if (LICENCE[r.source] && r.licence !== LICENCE[r.source]) err(where, `licence ${r.licence} != ${LICENCE[r.source]}`);
  if (!r.licence) err(where, 'empty licence');
  if (!r.origin) err(where, 'empty origin');
  if (!['dev', 'test'].includes(r.split)) err(where, `bad split ${r.split}`);
  if (typeof r.context === 'string' && r.context.length > 300) err(where, `context longer than 300 (${r.context.length})`);
  if (!Array.isArray(r.facts)) { err(where, 'facts must be an array'); return; }
  if (r.facts.length === 0) {
    if (!REASONS.includes(r.nonClaimReason)) err(where, `no facts and bad/missing nonClaimReason ${r.nonClaimReason}`);
  } else if ('nonClaimReason' in r) err(where, 'nonClaimReason given although facts is non-empty');
  let prevEnd = -1;
  r.facts.forEach((f, j) => {
    const fw = `${where} (${r.id}) fact ${j}`;
    for (const k of Object.keys(f)) if (!FACT_KEYS.includes(k)) err(fw, `unknown key ${k}`);
    if (typeof f.span !== 'string' || !f.span) err(fw, 'span must be a non-empty string');
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) { err(fw, 'start/end must be integers'); return; }
    if (f.start < 0 || f.end > r.text.length || f.start >= f.end) err(fw, `offsets out of range ${f.start}-${f.end}`);
    // JavaScript strings are UTF-16, so slice() uses UTF-16 code units as required.
    if (r.text.slice(f.start, f.end) !== f.span) err(fw, `text.slice(${f.start},${f.end}) !== span ${JSON.stringify(f.span)}`);
    if (f.span !== f.span.trim()) warn(fw, 'span has leading/trailing whitespace');
    if (!TYPES.includes(f.type)) err(fw, `bad type ${f.type}`);
    if ('note' in f && typeof f.note !== 'string') err(fw, 'note must be a string');
    if (f.start < prevEnd) warn(fw, 'overlaps the previous fact');
    if (j > 0 && f.start < r.facts[j - 1].start) err(fw, 'facts not sorted by start');
    prevEnd = Math.max(prevEnd, f.end);
  });
});

// Documents: contiguous, one split per document, split = test iff (document index within its source) % 3 == 2.
const docOrder = {}; const docSplit = new Map(); const docSource = new Map(); let lastDoc = null; const seenDocs = new Set();
for (const r of recs) {
  if (r.doc !== lastDoc) {
    if (seenDocs.has(r.doc)) err(r.id, `document ${r.doc} is not contiguous`);
    seenDocs.add(r.doc); lastDoc = r.doc;
    (docOrder[r.source] ??= []).push(r.doc);
    const k = docOrder[r.source].length - 1;
    const expected = k % 3 === 2 ? 'test' : 'dev';
    docSplit.set(r.doc, expected); docSource.set(r.doc, r.source);
  }
  if (r.split !== docSplit.get(r.doc)) err(r.id, `split ${r.split} but document ${r.doc} (index ${docOrder[r.source].indexOf(r.doc)}) must be ${docSplit.get(r.doc)}`);
  const prefix = r.id.replace(/-s\d{2}$/, '');
  if (r.source !== 'npm-docs' && prefix !== r.doc) err(r.id, `doc ${r.doc} does not match id`);
}
// Fixed selection rules.
const expectDocs = {
  'factcheck-gpt': Array.from({ length: 47 }, (_, i) => `fcgpt-${String(i).padStart(3, '0')}`),
  halueval: Array.from({ length: 70 }, (_, k) => `halueval-${String(20 * k).padStart(4, '0')}`),
  wikibio: [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77].map(i => `wikibio-${String(i).padStart(3, '0')}`),
};
for (const [src, exp] of Object.entries(expectDocs))
  if (JSON.stringify(docOrder[src] ?? []) !== JSON.stringify(exp)) err(src, 'documents do not follow the stated selection rule');
// Sentences numbered s01.. contiguously within each document.
const perDoc = new Map();
for (const r of recs) { const n = +r.id.slice(-2); const prev = perDoc.get(r.doc) ?? 0; if (n !== prev + 1) err(r.id, `sentence number ${n} after ${prev}`); perDoc.set(r.doc, n); }

// Provenance re-checks against the source files (when present).
function tryRead(p) { try { return fs.readFileSync(p, 'utf8'); } catch { return null; } }
const fcRaw = tryRead(`${BENCH}/factcheck-gpt-dev.jsonl`), heRaw = tryRead(`${BENCH}/halueval-general-dev.jsonl`),
  wbRaw = tryRead(`${BENCH}/wikibio-dev.jsonl`);
let checked = 0;
if (fcRaw) {
  const FC = fcRaw.trim().split('\n').map(JSON.parse);
  for (const r of recs.filter(r => r.source === 'factcheck-gpt')) {
    const i = +r.id.slice(6, 9), j = +r.id.slice(-2);
    const s = FC[i]?.sentences?.[`sentence${j}`];
    if (!s || s.text !== r.text) err(r.id, 'text differs from sentences.sentenceN.text'); else checked++;
    if (Object.keys(FC[i].sentences).length !== recs.filter(x => x.doc === r.doc).length) err(r.id, 'not all sentences of the record are present');
  }
} else warn('factcheck-gpt', 'source file not found, provenance not re-checked');
if (heRaw) {
  const HE = heRaw.trim().split('\n');
  const covered = new Map();
  for (const r of recs.filter(r => r.source === 'halueval')) {
    const idx = +r.id.slice(9, 13); const d = JSON.parse(HE[idx]);
    const m = r.origin.match(/chatgpt_response\[(\d+):(\d+)\]/);
    if (!m || d.chatgpt_response.slice(+m[1], +m[2]) !== r.text) err(r.id, 'text is not chatgpt_response[start:end]'); else checked++;
    if (!r.origin.includes(`ID ${d.ID};`)) err(r.id, 'origin does not name the record ID');
    if (m) { const c = covered.get(idx) ?? []; c.push([+m[1], +m[2]]); covered.set(idx, c); }
  }
  // every non-whitespace character of each selected response belongs to some sentence
  for (const [idx, spans] of covered) {
    const R = JSON.parse(HE[idx]).chatgpt_response; const mask = new Array(R.length).fill(false);
    for (const [a, b] of spans) for (let k = a; k < b; k++) mask[k] = true;
    for (let k = 0; k < R.length; k++) if (!mask[k] && !/\s/.test(R[k])) { err(`halueval-${idx}`, `character ${k} ${JSON.stringify(R[k])} not covered by any sentence`); break; }
  }
} else warn('halueval', 'source file not found, provenance not re-checked');
if (wbRaw) {
  const WB = wbRaw.trim().split('\n').map(JSON.parse);
  for (const r of recs.filter(r => r.source === 'wikibio')) {
    const id = +r.id.slice(8, 11), j = +r.id.slice(-2) - 1;
    if (WB[id]?.gpt3_sentences?.[j] !== r.text) err(r.id, 'text differs from gpt3_sentences[j]'); else checked++;
    if (WB[id].gpt3_sentences.length !== recs.filter(x => x.doc === r.doc).length) err(r.id, 'not all sentences of the passage are present');
  }
} else warn('wikibio', 'source file not found, provenance not re-checked');
for (const r of recs.filter(r => r.source === 'npm-docs')) {
  const m = r.origin.match(/^npm (\S+)@(\d[^ ]*) (node_modules\/\S+) .*chars (\d+)-(\d+)$/);
  if (!m) { err(r.id, 'npm origin not parseable'); continue; }
  const [, pkg, ver, rel, a, b] = m;
  const pj = tryRead(`${REPO}/node_modules/${pkg}/package.json`), src = tryRead(`${REPO}/${rel}`);
  if (!pj || !src) { warn(r.id, 'npm source not found, provenance not re-checked'); continue; }
  const p = JSON.parse(pj);
  if (p.version !== ver) err(r.id, `version ${ver} != package.json ${p.version}`);
  if (p.license !== r.licence) err(r.id, `licence ${r.licence} != package.json ${p.license}`);
  if (src.slice(+a, +b) !== r.text) err(r.id, 'text is not README[start:end]'); else checked++;
  if (!r.doc.startsWith(`${pkg}@${ver}/`)) err(r.id, 'doc does not name package@version');
}

// Counts.
const count = (arr, key) => arr.reduce((m, x) => (m[key(x)] = (m[key(x)] ?? 0) + 1, m), {});
const facts = recs.flatMap(r => r.facts.map(f => ({ ...f, source: r.source, split: r.split })));
const table = (rows, cols, get) => {
  const w = Math.max(...rows.map(r => r.length), 6);
  console.log(''.padEnd(w) + cols.map(c => c.padStart(14)).join(''));
  for (const r of rows) console.log(r.padEnd(w) + cols.map(c => String(get(r, c) ?? 0).padStart(14)).join(''));
};
const srcs = Object.keys(SOURCES);
console.log(`\nfile: ${file}`);
console.log(`sentences: ${recs.length}   facts: ${facts.length}   sentences with >=1 fact: ${recs.filter(r => r.facts.length).length}   sentences with no fact: ${recs.filter(r => !r.facts.length).length}`);
console.log(`documents: ${seenDocs.size} (${srcs.map(s => `${s} ${docOrder[s]?.length ?? 0}`).join(', ')})`);
console.log(`source texts re-checked: ${checked}/${recs.length}\n`);
console.log('per source:');
table(srcs, ['documents', 'sentences', 'with facts', 'no fact', 'facts'], (s, c) => ({
  documents: docOrder[s]?.length, sentences: recs.filter(r => r.source === s).length,
  'with facts': recs.filter(r => r.source === s && r.facts.length).length,
  'no fact': recs.filter(r => r.source === s && !r.facts.length).length, facts: facts.filter(f => f.source === s).length })[c]);
console.log('\nper split:');
table(['dev', 'test'], ['documents', 'sentences', 'no fact', 'facts'], (s, c) => ({
  documents: [...docSplit.values()].filter(x => x === s).length, sentences: recs.filter(r => r.split === s).length,
  'no fact': recs.filter(r => r.split === s && !r.facts.length).length, facts: facts.filter(f => f.split === s).length })[c]);
console.log('\nfacts per type x source:');
const byTS = count(facts, f => `${f.type}|${f.source}`), byT = count(facts, f => f.type), byTSp = count(facts, f => `${f.type}|${f.split}`);
table(TYPES, [...srcs, 'dev', 'test', 'total'], (t, c) => c === 'total' ? byT[t] : (c === 'dev' || c === 'test') ? byTSp[`${t}|${c}`] : byTS[`${t}|${c}`]);
console.log('\nsentences with no fact, per nonClaimReason x source:');
const nf = recs.filter(r => !r.facts.length);
const byRS = count(nf, r => `${r.nonClaimReason}|${r.source}`), byR = count(nf, r => r.nonClaimReason), byRSp = count(nf, r => `${r.nonClaimReason}|${r.split}`);
table(REASONS, [...srcs, 'dev', 'test', 'total'], (t, c) => c === 'total' ? byR[t] : (c === 'dev' || c === 'test') ? byRSp[`${t}|${c}`] : byRS[`${t}|${c}`]);

console.log(`\n${errors ? 'FAILED' : 'OK'}: ${errors} error(s), ${warnings} warning(s)`);
process.exitCode = errors ? 1 : 0;
