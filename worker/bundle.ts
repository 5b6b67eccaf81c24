// Where the worker's workflow code comes from: the bundle `npm run build` writes (dist/workflow-bundle.js), or the one
// ATLAS_RESTORE_WORKFLOW_BUNDLE names (two builds side by side); bundling from source only when neither exists
// (tests running the TypeScript sources). Bundling at start costs seconds and memory on every worker start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleOptions, WorkflowBundleOption } from '@temporalio/worker';

/**
 * Modules every workflow shares instead of instantiating its own: the SDK's reusable V8 context gives each workflow its
 * own copy of every module not preloaded, and our zod schemas (with zod) were most of the ~1 MB a cached workflow took
 * in the workflow thread (harness/bench/memory-probe.ts --snapshot). Only modules without per-workflow state and
 * without workflow APIs at load belong here; the SDK deep-freezes their exports (common/preload-safe.ts).
 */
const PRELOADED_MODULES = [require.resolve('../common/input'), require.resolve('../workflows/carry-schema')];

/** What the bundle is made of: the build script, the source fallback and the tests use the same modules. */
export const BUNDLE_SOURCES: Required<
  Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules' | 'preloadModules'>
> = {
  workflowsPath: require.resolve('../workflows'),
  workflowInterceptorModules: [require.resolve('../workflows/interceptors')],
  preloadModules: PRELOADED_MODULES,
};

/** dist/workflow-bundle.js next to the compiled dist/worker/ (absent when running from source). */
export const DEFAULT_BUNDLE_PATH = join(__dirname, '..', 'workflow-bundle.js');

/**
 * The prebuilt bundle to load, or undefined to bundle from source (no bundle, or one older than the compiled
 * workflows). Throws when an explicit path does not exist; an explicit path is trusted as it is.
 */
export function prebuiltBundle(explicitPath?: string): WorkflowBundleOption | undefined {
  if (explicitPath) {
    const codePath = resolve(explicitPath);
    if (!existsSync(codePath)) throw new Error('ATLAS_RESTORE_WORKFLOW_BUNDLE: no such file');
    return { codePath };
  }
  if (!existsSync(DEFAULT_BUNDLE_PATH)) return undefined;
  // A `tsc` run after the bundle was written (npm run bench/chaos compile only) leaves it stale: bundle from source.
  const bundledAt = statSync(DEFAULT_BUNDLE_PATH).mtimeMs;
  const compiledAt = Math.max(...['workflows', 'common'].map((d) => newestJs(join(__dirname, '..', d))));
  return compiledAt > bundledAt ? undefined : { codePath: DEFAULT_BUNDLE_PATH };
}

function newestJs(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestJs(p));
    else if (e.name.endsWith('.js')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}
