import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';

const ENGINE = resolve(__dirname, '../../server/src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The engine folder a file belongs to; the root's own files (claimType, notice) are one more "folder". */
const folderOf = (file: string) => {
  const parts = relative(ENGINE, file).split('/');
  return parts.length > 1 ? parts[0] : '(root)';
};

it('the engine’s folders depend on each other without loops (type imports included)', () => {
  const edges = new Map<string, Set<string>>();
  for (const file of files(ENGINE)) {
    if (file === join(ENGINE, 'index.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = resolve(dirname(file), m[1]);
      if (!target.startsWith(ENGINE)) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from !== to) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
    }
  }
  assert.ok(edges.size > 5, 'the import graph was read');
  const cycle = (start: string): string[] | undefined => {
    const path: string[] = [];
    const walk = (node: string): string[] | undefined => {
      if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
      path.push(node);
      for (const next of edges.get(node) ?? []) {
        const found = walk(next);
        if (found) return found;
      }
      path.pop();
      return undefined;
    };
    return walk(start);
  };
  for (const folder of edges.keys()) assert.equal(cycle(folder)?.join(' → '), undefined, `a loop through ${folder}`);
});
