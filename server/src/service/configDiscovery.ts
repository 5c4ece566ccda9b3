import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClaimFloorConfig } from '../engine/config/config';
import { parseConfig } from '../engine/config/parseConfig';

const CONFIG_FILE_NAMES = ['.claimfloor.json', '.claimfloor.jsonc'];

/** The nearest configuration file at or above `directory`, or undefined. */
export function findConfigFile(directory: string): string | undefined {
  let current = directory;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Loads and caches configuration files so a workspace of many files reads each config once. */
export class ConfigLoader {
  private readonly cache = new Map<string, ClaimFloorConfig>();

  clear(): void {
    this.cache.clear();
  }

  load(file: string): ClaimFloorConfig {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    this.cache.set(file, config);
    return config;
  }
}
