// Where the project is, whether the harness runs compiled (dist/harness/...) or from source under jest.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'atlas-restore')
      return dir;
    if (dirname(dir) === dir) throw new Error(`atlas-restore's package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
/** The CLI operators run; it runs the compiled dist/, so the worker a harness starts (and SIGKILLs) is the real one. */
export const BIN = join(PROJECT_ROOT, 'bin', 'atlas-restore');
