// The worker's Prometheus endpoint after real restores: the Atlas call-duration histogram by operation (seconds
// buckets), and the gauges of restores in flight and awaiting approval, read from visibility.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, freePort, startWorkerProcess } from '../helpers/cli';
import { addPair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let metricsPort: number;
const taskQueue = `metrics-${process.pid}`;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  metricsPort = await freePort();
  worker = await startWorkerProcess(
    baseEnv({
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: 'default',
      ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      MONGODB_ATLAS_BASE_URL: sim.url,
      ATLAS_RESTORE_METRICS_PORT: String(metricsPort),
      ATLAS_RESTORE_LOG_FORMAT: 'json',
    }),
  );
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

const scrape = async (): Promise<string> => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
/** The value of a sample line `name{...} value` (labels ignored), or undefined. */
const sample = (text: string, name: string): number | undefined => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
};

async function until(pred: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const text = await scrape();
    if (pred(text)) return text;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(
        `metrics condition not reached:\n${text
          .split('\n')
          .filter((l) => l.includes('atlas_restore'))
          .join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('after a restore: atlas_restore_atlas_call_duration_seconds{operation} with second-sized buckets', async () => {
  const p = addPair(sim.world, { restoreMs: 1_000 });
  const { handle } = await startRestore(env.client, { ...p.input, polling: { initialS: 0.5, maxS: 1 } }, { taskQueue });
  expect((await restoreResultOf(handle)).outcome).toBe('COMPLETED');
  const text = await scrape();
  expect(text).toMatch(/^# TYPE atlas_restore_atlas_call_duration_seconds histogram$/m);
  expect(text).toMatch(
    /^atlas_restore_atlas_call_duration_seconds_count\{[^}]*operation="createTenantRestore"[^}]*\} 1$/m,
  );
  expect(text).toMatch(
    /^atlas_restore_atlas_call_duration_seconds_bucket\{[^}]*le="0\.25"[^}]*operation="getTenantRestore"|operation="getTenantRestore"[^}]*le="0\.25"/m,
  );
  const sum =
    /^atlas_restore_atlas_call_duration_seconds_sum\{[^}]*operation="createTenantRestore"[^}]*\} (\S+)$/m.exec(text);
  // Seconds, not milliseconds: one local create takes well under a second.
  expect(Number(sum?.[1])).toBeGreaterThan(0);
  expect(Number(sum?.[1])).toBeLessThan(5);
});

test('gauges: restores in flight and awaiting approval, from visibility', async () => {
  const p = addPair(sim.world, { restoreMs: 1_000 });
  const { handle } = await startRestore(
    env.client,
    { ...p.input, requireApproval: true, approvalTimeout: '10m' },
    { taskQueue },
  );
  // The worker reads visibility every 15 s.
  const text = await until((t) => sample(t, 'atlas_restore_restores_awaiting_approval') === 1, 40_000);
  expect(sample(text, 'atlas_restore_restores_in_flight')).toBe(1);
  await handle.cancel();
  await until(
    (t) =>
      sample(t, 'atlas_restore_restores_awaiting_approval') === 0 &&
      sample(t, 'atlas_restore_restores_in_flight') === 0,
    40_000,
  );
}, 120_000);
