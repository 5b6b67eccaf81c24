// Tests that drive `bin/atlas-restore` as a subprocess need dist/ (and its workflow bundle) current. `make test`
// builds first; a bare `npx jest` after an edit rebuilds here.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
// What tsconfig.dev.json compiles (the product, the simulator, the dev server, the demo and the harness).
const SOURCES = [
  'common',
  'workflows',
  'activities',
  'worker',
  'client',
  'atlas',
  'config',
  'simulator',
  'devserver',
  'demo',
  'harness',
];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

export default function globalSetup(): void {
  let built: number;
  try {
    built = statSync(join(root, 'dist', 'client', 'cli.js')).mtimeMs;
  } catch {
    built = 0;
  }
  const src = Math.max(
    ...SOURCES.map((d) => {
      try {
        return newest(join(root, d));
      } catch {
        return 0;
      }
    }),
  );
  if (src > built)
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.dev.json')],
      { stdio: 'inherit' },
    );
  // The worker prefers dist/workflow-bundle.js (worker/bundle.ts): never let a stale one run the tests' workers.
  let bundled: number;
  try {
    bundled = statSync(join(root, 'dist', 'workflow-bundle.js')).mtimeMs;
  } catch {
    bundled = 0;
  }
  if (src > bundled)
    execFileSync(process.execPath, [join(root, 'scripts', 'build-workflow-bundle.mjs')], { stdio: 'inherit' });
}
