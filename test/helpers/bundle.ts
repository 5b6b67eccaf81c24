// The workflow code tests run: the shipped bundle (dist/workflow-bundle.js, which jest's globalSetup rebuilds when a
// source is newer) instead of bundling the sources in every test file, which costs seconds and memory each time.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { BUNDLE_SOURCES } from '../../worker/bundle';

const BUILT_BUNDLE = join(__dirname, '..', '..', 'dist', 'workflow-bundle.js');

function newestSource(dirs: string[]): number {
  let t = 0;
  for (const d of dirs)
    for (const e of readdirSync(d, { withFileTypes: true, recursive: true }))
      if (e.isFile() && e.name.endsWith('.ts')) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/**
 * The shipped bundle when it has been built from the current sources, else one bundled from the sources (with the
 * same interceptors): a stale dist/ must not pass for the code under review.
 */
export async function currentBundle(): Promise<{
  bundle: NonNullable<WorkerOptions['workflowBundle']>;
  source: string;
}> {
  const root = join(__dirname, '..', '..');
  if (
    existsSync(BUILT_BUNDLE) &&
    statSync(BUILT_BUNDLE).mtimeMs >= newestSource(['workflows', 'common'].map((d) => join(root, d)))
  )
    return { bundle: { codePath: BUILT_BUNDLE }, source: BUILT_BUNDLE };
  return { bundle: await bundleOf(require.resolve('../../workflows')), source: 'workflows/ (bundled in the test)' };
}

/** The current bundle as a file a worker process can load (ATLAS_RESTORE_WORKFLOW_BUNDLE). */
export async function currentBundleFile(dir: string): Promise<string> {
  const { bundle } = await currentBundle();
  return 'codePath' in bundle ? bundle.codePath : bundleFile(dir, 'current', bundle);
}

/** Writes a bundle's code where a worker can load it with `workflowBundle: { codePath }`. */
export function bundleFile(dir: string, name: string, b: { code: string }): string {
  const path = join(dir, `${name}-workflow-bundle.js`);
  writeFileSync(path, b.code);
  return path;
}

/** Bundles a workflows module the way the worker's bundle is made (same interceptors). */
export const bundleOf = (workflowsPath: string) =>
  bundleWorkflowCode({ ...BUNDLE_SOURCES, workflowsPath, logger: new DefaultLogger('WARN') });
