// Graceful shutdown of a real `atlas-restore worker` process: SIGTERM while Atlas is slow to answer the create lets
// the create finish and report (within ATLAS_RESTORE_SHUTDOWN_GRACE), so the restore knows its job without adopting
// it, Atlas holds exactly one job, and the process exits 0. Restart-and-adopt would be the fallback, not the rule.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, startWorkerProcess } from '../helpers/cli';
import { addPair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
});
afterAll(async () => {
  await sim?.stop();
  await env?.teardown();
});

const CREATE_DELAY_MS = 6_000;

/**
 * A real worker with the given shutdown grace starts a restore whose create Atlas answers slowly; once the create has
 * reached Atlas, the worker gets SIGTERM. Returns what the test checks: the exit code, how long the exit took.
 */
async function sigtermDuringSlowCreate(name: string, grace: string) {
  const taskQueue = `${name}-${process.pid}`;
  const workerEnv = baseEnv({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: taskQueue,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_LOG_FORMAT: 'json',
    ATLAS_RESTORE_SHUTDOWN_GRACE: grace,
  });
  const p = addPair(sim.world, { restoreMs: 1_000 });
  sim.faults.clear();
  sim.faults.add({ operation: 'createTenantRestore', times: 1, action: { kind: 'delay', ms: CREATE_DELAY_MS } });
  const first = await startWorkerProcess(workerEnv);
  const { handle } = await startRestore(env.client, { ...p.input, polling: { initialS: 0.5, maxS: 1 } }, { taskQueue });

  // The create has reached Atlas (the delay rule applied) and is now waiting for its answer.
  const t0 = Date.now();
  while (!sim.faults.list().some((r) => r.applied > 0)) {
    if (Date.now() - t0 > 60_000) throw new Error(`the create never reached the simulator: ${first.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const sigtermAt = Date.now();
  const exited = new Promise<number | null>((resolve) => first.proc.once('exit', (code) => resolve(code)));
  first.proc.kill('SIGTERM');
  const code = await exited;
  return { p, handle, workerEnv, code, exitAfterMs: Date.now() - sigtermAt };
}

/** A fresh worker takes the restore on from where the first left it: COMPLETED, naming the one job Atlas holds. */
async function finishOnSecondWorker({ p, handle, workerEnv }: Awaited<ReturnType<typeof sigtermDuringSlowCreate>>) {
  const second = await startWorkerProcess(workerEnv);
  try {
    const r = await restoreResultOf(handle);
    expect(r.outcome).toBe('COMPLETED');
    const jobs = sim.world.jobsIntoTarget(p.projectId, p.target.name);
    expect(jobs).toHaveLength(1);
    expect(r.restoreJobId).toBe(jobs[0].id);
    return { r, jobId: jobs[0].id };
  } finally {
    await second.stop();
  }
}

test('SIGTERM during a slow create: the create completes, the job is "submitted" (created), one job, exit 0 within the grace', async () => {
  const run = await sigtermDuringSlowCreate('shutdown', '20s');
  const { p, code, exitAfterMs } = run;
  expect(code).toBe(0);
  // It waited for the create (the delay's remainder) and not much longer; well within the 20 s grace.
  expect(exitAfterMs).toBeGreaterThan(CREATE_DELAY_MS / 2);
  expect(exitAfterMs).toBeLessThan(20_000);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(1);

  const { r } = await finishOnSecondWorker(run);
  const submitted = r.audit.filter((e) => e.type === 'submitted' || e.type === 'adopted');
  expect(submitted.map((e) => [e.type, (e.data as { via?: string } | undefined)?.via])).toEqual([
    ['submitted', 'created'],
  ]);
});

test('a create still in flight when the grace ends is abandoned: the worker exits on time, the next one knows the one job', async () => {
  const run = await sigtermDuringSlowCreate('shutdown-short', '1s');
  const { code, exitAfterMs } = run;
  expect(code).toBe(0);
  expect(exitAfterMs).toBeLessThan(CREATE_DELAY_MS - 1_000);

  const { r, jobId } = await finishOnSecondWorker(run);
  // The abandoned create is ambiguous: the next attempt looks first (adopting a job it finds) and creates only if
  // Atlas holds none. Either way the restore names the one job Atlas holds.
  const known = r.audit.filter((e) => e.type === 'submitted' || e.type === 'adopted');
  expect(known.map((e) => (e.data as { jobId?: string } | undefined)?.jobId)).toEqual([jobId]);
});
