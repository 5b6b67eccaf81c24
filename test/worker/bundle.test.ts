// Where the worker's workflow code comes from: the prebuilt dist/workflow-bundle.js (npm run build), the bundle
// ATLAS_RESTORE_WORKFLOW_BUNDLE names, or (source tree only) bundling at start.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { DEFAULT_BUNDLE_PATH, prebuiltBundle } from '../../worker/bundle';
import type * as BundleModule from '../../worker/bundle';
import { baseEnv, cli, startWorkerProcess } from '../helpers/cli';
import { addPair } from '../helpers/world';

const root = join(__dirname, '..', '..');
const built = join(root, 'dist', 'workflow-bundle.js');

test('from source there is no prebuilt bundle (bundle at start); an explicit path is used as given, a missing one refused', () => {
  expect(DEFAULT_BUNDLE_PATH).toBe(join(root, 'workflow-bundle.js'));
  expect(prebuiltBundle()).toBeUndefined();
  expect(prebuiltBundle(built)).toEqual({ codePath: built });
  expect(() => prebuiltBundle('/nonexistent/bundle.js')).toThrow(/^ATLAS_RESTORE_WORKFLOW_BUNDLE: no such file$/);
});

test('npm run build wrote dist/workflow-bundle.js (the jest global setup keeps it current)', () => {
  expect(existsSync(built)).toBe(true);
});

test('the compiled worker uses dist/workflow-bundle.js, but not once a later tsc run has made it stale', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = require(join(root, 'dist', 'worker', 'bundle.js')) as typeof BundleModule;
  const compiledWorkflow = join(root, 'dist', 'workflows', 'index.js');
  const saved = [built, compiledWorkflow].map((f) => [f, statSync(f)] as const);
  try {
    const t = saved[1][1].mtime;
    utimesSync(built, t, new Date(t.getTime() + 1_000));
    expect(compiled.prebuiltBundle()).toEqual({ codePath: built });
    utimesSync(compiledWorkflow, t, new Date(t.getTime() + 2_000));
    expect(compiled.prebuiltBundle()).toBeUndefined();
  } finally {
    for (const [f, st] of saved) utimesSync(f, st.atime, st.mtime);
  }
});

test('`atlas-restore worker` with a missing ATLAS_RESTORE_WORKFLOW_BUNDLE stops at start naming the variable', async () => {
  const r = await cli(
    ['worker'],
    baseEnv({
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      MONGODB_ATLAS_BASE_URL: 'http://127.0.0.1:9',
      ATLAS_RESTORE_WORKFLOW_BUNDLE: '/nonexistent/bundle.js',
    }),
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/configuration error: ATLAS_RESTORE_WORKFLOW_BUNDLE: no such file/);
});

describe('on a dev server', () => {
  let env: TestWorkflowEnvironment;
  let sim: AtlasSimulator;
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  beforeAll(async () => {
    env = await startDevServer();
    sim = await AtlasSimulator.start({ era: 'legacy' });
  });
  afterAll(async () => {
    await sim?.stop();
    await env?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the worker runs restores from the bundle ATLAS_RESTORE_WORKFLOW_BUNDLE names, and says so', async () => {
    const other = join(dir, 'build-b.js');
    copyFileSync(built, other);
    const taskQueue = `bundle-${process.pid}`;
    const w = await startWorkerProcess(
      baseEnv({
        TEMPORAL_ADDRESS: env.address,
        ATLAS_RESTORE_TASK_QUEUE: taskQueue,
        MONGODB_ATLAS_BASE_URL: sim.url,
        ATLAS_RESTORE_LOG_FORMAT: 'json',
        ATLAS_RESTORE_WORKFLOW_BUNDLE: other,
      }),
    );
    try {
      const banner = w
        .output()
        .split('\n')
        .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; workflowBundle?: string }) : {}))
        .find((l) => l.msg?.startsWith('atlas-restore worker:'));
      expect(banner?.msg).toMatch(/workflows from the prebuilt bundle/);
      expect(banner?.workflowBundle).toBe(other);
      const p = addPair(sim.world);
      const { handle } = await startRestore(env.client, { ...p.input, dryRun: true }, { taskQueue });
      expect((await restoreResultOf(handle)).outcome).toBe('DRY_RUN');
    } finally {
      await w.stop();
    }
  });
});
