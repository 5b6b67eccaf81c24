// A worker SIGKILLed mid-drill (issue 22): the drill is durable, so a new worker finishes it: the restore completes,
// is verified, and the scratch cluster is deleted. Workers are `atlas-restore worker` processes (a real crash).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startDevServer } from '../../devserver/devserver';
import type { WorkerChild } from '../../harness/kit/worker-process';
import { spawnWorker } from '../../harness/kit/worker-process';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';
import { addSource, drillOf, fastWorld, scratchOf, startDrill } from './kit';

jest.setTimeout(300_000);

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
const workers: WorkerChild[] = [];
const taskQueue = `drill-kill-${process.pid}`;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'current', data: true });
  fastWorld(sim.world, 10_000);
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
    }),
  });
  workers.push(w);
  return w;
};

test('SIGKILL mid-restore: a new worker finishes the drill and tears the scratch cluster down', async () => {
  const src = addSource(sim.world);
  const first = await worker();
  const h = await startDrill(env.client.workflow, taskQueue, drillOf(src, { deadline: '10m' }));
  // Killed while the restore job runs (it takes 10 s on the simulator).
  await pollUntil(
    async () => [...sim.world.jobs.values()].some((j) => j.targetProjectId === src.projectId),
    (b) => b,
    { timeoutMs: 120_000, what: 'the drill’s restore job' },
  );
  await first.kill9();
  expect(scratchOf(sim.world, src.projectId)).toHaveLength(1);

  await worker();
  const r = await h.result();
  expect(r.outcome).toBe('PASSED');
  expect(r.verification?.status).toBe('PASSED');
  expect(r.scratch).toMatchObject({ created: true, deleted: true });
  expect(scratchOf(sim.world, src.projectId)).toEqual([]);
});
