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

test('SIGTERM during a slow create: the create completes, the job is "submitted" (created), one job, exit 0 within the grace', async () => {
  const taskQueue = `shutdown-${process.pid}`;
  const workerEnv = baseEnv({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: taskQueue,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_LOG_FORMAT: 'json',
    ATLAS_RESTORE_SHUTDOWN_GRACE: '20s',
  });
  const p = addPair(sim.world, { restoreMs: 1_000 });
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
  const exitAfterMs = Date.now() - sigtermAt;
  expect(code).toBe(0);
  // It waited for the create (the delay's remainder) and not much longer; well within the 20 s grace.
  expect(exitAfterMs).toBeGreaterThan(CREATE_DELAY_MS / 2);
  expect(exitAfterMs).toBeLessThan(20_000);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(1);

  // A fresh worker takes the restore on from where the first left it.
  const second = await startWorkerProcess(workerEnv);
  try {
    const r = await restoreResultOf(handle);
    expect(r.outcome).toBe('COMPLETED');
    const jobs = sim.world.jobsIntoTarget(p.projectId, p.target.name);
    expect(jobs).toHaveLength(1);
    expect(r.restoreJobId).toBe(jobs[0].id);
    const submitted = r.audit.filter((e) => e.type === 'submitted' || e.type === 'adopted');
    expect(submitted.map((e) => [e.type, (e.data as { via?: string } | undefined)?.via])).toEqual([
      ['submitted', 'created'],
    ]);
  } finally {
    await second.stop();
  }
});

test('a create still in flight when the grace ends is abandoned: the worker exits on time, the next one knows the one job', async () => {
  const taskQueue = `shutdown-short-${process.pid}`;
  const workerEnv = baseEnv({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: taskQueue,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_LOG_FORMAT: 'json',
    ATLAS_RESTORE_SHUTDOWN_GRACE: '1s',
  });
  const p = addPair(sim.world, { restoreMs: 1_000 });
  sim.faults.clear();
  sim.faults.add({ operation: 'createTenantRestore', times: 1, action: { kind: 'delay', ms: CREATE_DELAY_MS } });
  const first = await startWorkerProcess(workerEnv);
  const { handle } = await startRestore(env.client, { ...p.input, polling: { initialS: 0.5, maxS: 1 } }, { taskQueue });
  const t0 = Date.now();
  while (!sim.faults.list().some((r) => r.applied > 0)) {
    if (Date.now() - t0 > 60_000) throw new Error(`the create never reached the simulator: ${first.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const sigtermAt = Date.now();
  const exited = new Promise<number | null>((resolve) => first.proc.once('exit', (code) => resolve(code)));
  first.proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - sigtermAt).toBeLessThan(CREATE_DELAY_MS - 1_000);

  const second = await startWorkerProcess(workerEnv);
  try {
    const r = await restoreResultOf(handle);
    expect(r.outcome).toBe('COMPLETED');
    const jobs = sim.world.jobsIntoTarget(p.projectId, p.target.name);
    expect(jobs).toHaveLength(1);
    expect(r.restoreJobId).toBe(jobs[0].id);
    // The abandoned create is ambiguous: the next attempt looks first (adopting a job it finds) and creates only if
    // Atlas holds none. Either way the restore names the one job Atlas holds.
    const known = r.audit.filter((e) => e.type === 'submitted' || e.type === 'adopted');
    expect(known.map((e) => (e.data as { jobId?: string } | undefined)?.jobId)).toEqual([jobs[0].id]);
  } finally {
    await second.stop();
  }
});
