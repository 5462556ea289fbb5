// The repository works wherever it is cloned: no file holds a path of one machine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.git', '.data', 'cdk.out', '.bench', 'coverage']);
/** Absolute paths that only exist on some machine (a home, a work folder, a temporary directory). */
const MACHINE_PATH = /(?<![\w.])\/(?:work|home|Users|root|tmp)\/[\w.-]+/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('the repository', () => {
  it('holds no absolute path of one machine', () => {
    const offending = files(root)
      .filter(
        (f) =>
          /\.(ts|mjs|js|json|sh|md)$|\/\.ci\/[\w-]+$/.test(f) && !f.endsWith('package-lock.json'),
      )
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, n) => [f, n + 1, line] as const),
      )
      .filter(([, , line]) => MACHINE_PATH.test(line))
      .map(([f, n, line]) => `${path.relative(root, f)}:${n}: ${line.trim().slice(0, 120)}`);
    expect(offending).toEqual([]);
  });
});
