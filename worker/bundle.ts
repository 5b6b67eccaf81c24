// Where the worker's workflow code comes from: the bundle `npm run build` writes (dist/workflow-bundle.js), or the one
// ATLAS_RESTORE_WORKFLOW_BUNDLE names (two builds side by side); bundling from source only when neither exists
// (tests running the TypeScript sources). Bundling at start costs seconds and memory on every worker start.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleOptions, WorkflowBundleOption } from '@temporalio/worker';

/** What the bundle is made of: the build script and the source fallback use the same two modules. */
export const BUNDLE_SOURCES: Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules'> = {
  workflowsPath: require.resolve('../workflows'),
  workflowInterceptorModules: [require.resolve('../workflows/interceptors')],
};

/** dist/workflow-bundle.js next to the compiled dist/worker/ (absent when running from source). */
export const DEFAULT_BUNDLE_PATH = join(__dirname, '..', 'workflow-bundle.js');

/** The prebuilt bundle to load, or undefined to bundle from source. Throws when an explicit path does not exist. */
export function prebuiltBundle(explicitPath?: string): WorkflowBundleOption | undefined {
  if (explicitPath) {
    const codePath = resolve(explicitPath);
    if (!existsSync(codePath)) throw new Error('ATLAS_RESTORE_WORKFLOW_BUNDLE: no such file');
    return { codePath };
  }
  return existsSync(DEFAULT_BUNDLE_PATH) ? { codePath: DEFAULT_BUNDLE_PATH } : undefined;
}
