// Where things are, whether the benchmark runs compiled (dist/bench/...) or from source under jest (bench/...).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'atlas-restore') return dir;
    if (dirname(dir) === dir) throw new Error(`atlas-restore's package.json not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
/** The CLI entry point operators run (it runs the compiled dist/). */
export const BIN = join(PROJECT_ROOT, 'bin', 'atlas-restore');
export const DEFAULT_RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');
