import { realpathSync, type Stats, statSync } from 'node:fs';
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
  /** Files a folder or glob reached through a symbolic link out of it: not read. */
  outside: string[];
}

/**
 * Walking a folder never follows symbolic links, and a linked file is kept only when it resolves
 * inside the folder: a repository holding `outside -> /some/dir` cannot put that folder's text
 * into a report (a CI run on a pull request prints what it audits).
 */
const WALK = { ignore: ALWAYS_IGNORED, followSymbolicLinks: false } as const;

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

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
  const outside: string[] = [];
  /** Matches of a walk whose real path lies inside the walked folder. */
  const confined = (matches: string[], base: string, folder: string) => {
    const root = realpathOr(folder);
    return matches.filter((m) => {
      const keep = inside(realpathOr(resolve(base, m)), root);
      if (!keep) outside.push(m);
      return keep;
    });
  };
  for (const arg of args) {
    let matches: string[];
    if (isDynamicPattern(arg)) {
      // Confined to the pattern's own fixed part: "../notes/*.md" may reach up, a link inside may not lead out.
      const base = resolve(cwd, arg.split('/').filter((_, i, parts) => !parts.slice(0, i + 1).some((part) => isDynamicPattern(part))).join('/') || '.');
      matches = confined(await glob(arg, { cwd, dot: false, ...WALK }), cwd, base);
    } else {
      const stat = statOrError(resolve(cwd, arg));
      // A path that exists but cannot be inspected (a symlink loop, no permission) is handed to the
      // reader, which reports why it could not be checked.
      if (stat === 'error') matches = [arg];
      else if (!stat) matches = [];
      else if (stat.isDirectory()) matches = confined(await glob(MARKDOWN_GLOB, { cwd: resolve(cwd, arg), ...WALK }), resolve(cwd, arg), resolve(cwd, arg)).map((f) => (arg === '.' ? f : `${arg.replace(/\/+$/, '')}/${f}`));
      else matches = [arg];
    }
    if (matches.length === 0) unmatched.push(arg);
    // One spelling per file ("./x.md" and "x.md" are the same file).
    for (const m of matches.sort()) files.add(m.replace(/\\/g, '/').replace(/^(?:\.\/)+/, ''));
  }
  return { files: [...files], unmatched, outside };
}

/** Whether the config's `ignore` globs (relative to the config file) exclude a file. */
export function isIgnored(file: string, config: ClaimFloorConfig, cwd: string): boolean {
  if (config.ignore.length === 0 || !config.file) return false;
  const base = dirname(config.file);
  const path = relative(base, resolve(cwd, file)).replace(/\\/g, '/');
  return picomatch(config.ignore, { dot: true })(path);
}
