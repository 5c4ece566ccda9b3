import { type Stats, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ClaimFloorConfig } from '../engine';

const MARKDOWN_GLOB = '**/*.{md,markdown,mdx}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface Collected {
  files: string[];
  /** Arguments that matched nothing, reported as usage errors. */
  unmatched: string[];
}

function statOrError(path: string): Stats | undefined | 'error' {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return 'error';
  }
}

/**
 * Expands the command line into files: a directory means its Markdown files, a glob is matched,
 * a file is taken as given (any extension, so a README.txt can be checked on purpose).
 */
export async function collectFiles(args: string[], cwd: string): Promise<Collected> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    let matches: string[];
    if (isDynamicPattern(arg)) {
      matches = await glob(arg, { cwd, ignore: ALWAYS_IGNORED, dot: false });
    } else {
      const stat = statOrError(resolve(cwd, arg));
      // A path that exists but cannot be inspected (a symlink loop, no permission) is handed to the
      // reader, which reports why it could not be checked.
      if (stat === 'error') matches = [arg];
      else if (!stat) matches = [];
      else if (stat.isDirectory()) matches = (await glob(MARKDOWN_GLOB, { cwd: resolve(cwd, arg), ignore: ALWAYS_IGNORED })).map((f) => `${arg.replace(/\/+$/, '')}/${f}`);
      else matches = [arg];
    }
    if (matches.length === 0) unmatched.push(arg);
    for (const m of matches.sort()) files.add(m.replace(/\\/g, '/'));
  }
  return { files: [...files], unmatched };
}

/** Whether the config's `ignore` globs (relative to the config file) exclude a file. */
export function isIgnored(file: string, config: ClaimFloorConfig, cwd: string): boolean {
  if (config.ignore.length === 0 || !config.file) return false;
  const base = dirname(config.file);
  const path = relative(base, resolve(cwd, file)).replace(/\\/g, '/');
  return picomatch(config.ignore, { dot: true })(path);
}
