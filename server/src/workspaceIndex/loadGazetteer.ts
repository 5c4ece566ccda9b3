import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, type GazetteerData } from '../engine';

/**
 * The popularity data built next to the bundles (dist/gazetteer.json). Missing or unreadable data
 * means no popularity evidence, with a message, never a failure.
 */
export function loadGazetteer(directory: string, log: (message: string) => void): Gazetteer | undefined {
  try {
    return new Gazetteer(JSON.parse(readFileSync(join(directory, 'gazetteer.json'), 'utf8')) as GazetteerData);
  } catch (error) {
    log(`ClaimFloor: popularity data unavailable (${(error as Error).message}); subjects are not looked up.`);
    return undefined;
  }
}
