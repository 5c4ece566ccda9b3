// Rewrites the README's example output from a real run (npm run build first).
import { readFileSync, writeFileSync } from 'node:fs';
import { currentBlock, exampleBlock, README } from './readmeExample';

const readme = readFileSync(README, 'utf8');
const current = currentBlock(readme);
if (!current) throw new Error(`${README} has no example markers`);
writeFileSync(README, readme.replace(current, exampleBlock(process.cwd())));
console.log(`rewrote the example in ${README}`);
