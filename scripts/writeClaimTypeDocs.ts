import { mkdirSync, writeFileSync } from 'node:fs';
import { CLAIM_TYPES } from '../server/src/engine';
import { claimTypeDoc } from './claimTypeDocs';

mkdirSync('docs/claim-types', { recursive: true });
for (const type of CLAIM_TYPES) writeFileSync(`docs/claim-types/${type}.md`, claimTypeDoc(type));
console.log(`wrote ${CLAIM_TYPES.length} pages to docs/claim-types/`);
