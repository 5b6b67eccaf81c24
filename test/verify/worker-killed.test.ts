// A worker SIGKILLed mid-verify: its temporary user stays, for Atlas to delete at deleteAfterDate; the retried verify
// (on a new worker) creates a new user, passes, and deletes that one. Neither password is in the history or in either
// worker's output (the log lines).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { startDevServer } from '../../devserver/devserver';
import type { WorkerChild } from '../../harness/kit/worker-process';
import { spawnWorker } from '../../harness/kit/worker-process';
import { AtlasSimulator } from '../../simulator/server';
import type { SimDbUser } from '../../simulator/world';
import { restoreWorkflow } from '../../workflows';
import { baseEnv } from '../helpers/cli';
import { addPair } from '../helpers/world';
import { restoreWorkflowId } from '../../common/input';

jest.setTimeout(300_000);

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
const workers: WorkerChild[] = [];
const taskQueue = `verify-kill-${process.pid}`;
const users: SimDbUser[] = [];

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'current', data: true });
  const map = sim.world.dbUsers;
  const set = map.set.bind(map);
  map.set = (k: string, u: SimDbUser) => {
    users.push(u);
    return set(k, u);
  };
});
afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => undefined);
  await sim?.stop();
  await env?.teardown();
});

const worker = async (): Promise<WorkerChild> => {
  const w = await spawnWorker({
    env: baseEnv({
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: 'default',
      ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      MONGODB_ATLAS_BASE_URL: sim.url,
      ATLAS_RESTORE_LOG_FORMAT: 'json',
    }),
  });
  workers.push(w);
  return w;
};

async function until(pred: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('SIGKILL mid-verify: the old user is left to deleteAfterDate, a new one verifies, no password anywhere', async () => {
  // The target is unreachable for 20 s after its restore: the first verify is still pinging when the worker dies.
  const p = addPair(sim.world, { kind: 'flex', restoreMs: 2_000, target: { answersAfterMs: 20_000 } });
  const first = await worker();
  const handle = await env.client.workflow.start(restoreWorkflow, {
    taskQueue,
    workflowId: restoreWorkflowId(p.input),
    args: [{ ...p.input, polling: { initialS: 1, maxS: 1, learn: false }, verify: { timeout: '3m' } }],
  });
  await until(() => users.length === 1, 60_000, 'the first temporary user');
  await first.kill9();
  expect(sim.world.dbUsers.size).toBe(1);

  const second = await worker();
  const r = await restoreResultOf(handle);
  expect(r.outcome).toBe('COMPLETED');
  expect(r.verification?.status).toBe('PASSED');
  expect(users).toHaveLength(2);
  // The first user is still there (Atlas removes it at its deleteAfterDate); the second was deleted.
  expect([...sim.world.dbUsers.values()].map((u) => u.username)).toEqual([users[0].username]);
  expect(Date.parse(users[0].deleteAfterDate!)).toBeGreaterThan(Date.now() + 3 * 3_600_000);
  expect(users[0].password).not.toBe(users[1].password);

  const history = JSON.stringify(await handle.fetchHistory());
  const logs = first.output() + second.output();
  for (const u of users) {
    expect(history).not.toContain(u.password);
    expect(logs).not.toContain(u.password);
  }
  // The log lines say what happened to each user, by name only.
  expect(logs).toContain(`temporary user ${users[1].username} deleted`);
});
