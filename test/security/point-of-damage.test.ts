// Issue 21, item 4: the point of damage checks its caller. The attacks as an attacker on the namespace runs them, on a
// loopback lab: a real dev server, a real worker process (`atlas-restore worker`), the simulator and a webhook
// receiver. Each must create no restore job and deliver no notification; refusals are logged and counted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WebhookReceiver } from '../../harness/chaos/webhook';
import { quietRuntime } from '../../harness/kit/runtime';
import { temporalCliPath } from '../../devserver/binaries';
import { startDevServer } from '../../devserver/devserver';
import { restoreWorkflowId } from '../../common/input';
import { AtlasSimulator } from '../../simulator/server';
import { cliEnvFor, freePort, startWorkerProcess } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { addPair } from '../helpers/world';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

const run = promisify(execFile);

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let webhook: WebhookReceiver;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let rogue: Worker;
let rogueRunning: Promise<void>;
let metricsPort: number;
const taskQueue = `pod-${process.pid}`;
const rogueQueue = `evil-${process.pid}`;

beforeAll(async () => {
  quietRuntime('ERROR');
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  webhook = new WebhookReceiver('tok3n');
  await webhook.start();
  metricsPort = await freePort();
  worker = await startWorkerProcess({
    ...cliEnvFor(env.address, taskQueue),
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_WEBHOOK_URL: webhook.url,
    ATLAS_RESTORE_WEBHOOK_SECRET: 'whsec-0123456789abcdef',
    ATLAS_RESTORE_METRICS_PORT: String(metricsPort),
    ATLAS_RESTORE_LOG_FORMAT: 'json',
  });
  rogue = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: rogueQueue,
    workflowsPath: require.resolve('./rogue-workflows'),
  });
  rogueRunning = rogue.run();
});
afterAll(async () => {
  rogue?.shutdown();
  await rogueRunning?.catch(() => undefined);
  await worker?.stop();
  await webhook?.stop();
  await sim?.stop();
  await env?.teardown();
});

const submitRequest = (p: Pair) => ({
  projectId: p.projectId,
  clusterName: p.source.name,
  snapshotId: p.snapshotId,
  targetProjectId: p.projectId,
  targetClusterName: p.target.name,
  backend: 'tenant',
  notBefore: new Date(Date.now() - 60_000).toISOString(),
});

const event = (p: Pair) => ({
  id: 'forged-id',
  type: 'restore.completed',
  occurredAt: new Date().toISOString(),
  workflowId: restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target.name }),
  runId: 'forged-run',
  outcome: 'COMPLETED',
  targetProjectId: p.projectId,
  targetClusterName: p.target.name,
});

/** `temporal activity execute`: a standalone activity on our task queue, no workflow at all. */
async function standalone(type: string, input: unknown): Promise<{ code: number; out: string }> {
  try {
    const r = await run(
      temporalCliPath(),
      [
        'activity',
        'execute',
        '--address',
        env.address,
        '--activity-id',
        `attack-${type}-${Date.now()}`,
        '--type',
        type,
        '--task-queue',
        taskQueue,
        '--start-to-close-timeout',
        '30s',
        '--retry-maximum-attempts',
        '1',
        '--input',
        JSON.stringify(input),
      ],
      { timeout: 60_000 },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? 1, out: `${x.stdout ?? ''}${x.stderr ?? ''}` };
  }
}

/** A workflow on the attacker's queue; its failure message (or 'ok' if it got through). */
async function rogueRun(type: string, workflowId: string, args: unknown[]): Promise<string> {
  try {
    await env.client.workflow.execute(type, { taskQueue: rogueQueue, workflowId, args });
    return 'ok';
  } catch (e) {
    const cause = (e as { cause?: { cause?: Error; message?: string } }).cause;
    return cause?.cause?.message ?? cause?.message ?? String(e);
  }
}

/** Retries an assertion for a few seconds (the worker's log lines arrive through a pipe). */
async function eventually(check: () => unknown, ms = 5_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() - t0 > ms) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const metrics = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();

test('`temporal activity execute --type submitRestore` creates nothing: refused outside a restore, logged, counted', async () => {
  const p = addPair(sim.world);
  const r = await standalone('submitRestore', submitRequest(p));
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/refused \(outside-restore\)/);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
  await eventually(() => expect(worker.output()).toMatch(/submitRestore refused \(outside-restore\)/));
  expect(await metrics()).toMatch(/atlas_restore_refused_total\{[^}]*reason="outside-restore"/);
});

test('`temporal activity execute --type notify` delivers nothing: notify is no signing oracle', async () => {
  const p = addPair(sim.world);
  const before = webhook.received.length;
  const r = await standalone('notify', event(p));
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/refused \(outside-restore\)/);
  expect(webhook.received.length).toBe(before);
});

test('a rogue workflow on its own task queue scheduling submitRestore on ours creates nothing; nor notify', async () => {
  const p = addPair(sim.world);
  const why = await rogueRun('rogueSubmit', `rogue-${p.target.name}`, [taskQueue, submitRequest(p)]);
  expect(why).toMatch(/refused \(outside-restore\)/);
  const before = webhook.received.length;
  expect(await rogueRun('rogueNotify', `rogue-n-${p.target.name}`, [taskQueue, event(p)])).toMatch(/refused/);
  expect(webhook.received.length).toBe(before);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
});

test("a look-alike `restoreWorkflow` under the target's own id, on the attacker's task queue, creates nothing", async () => {
  const p = addPair(sim.world);
  const id = restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target.name });
  const why = await rogueRun(RESTORE_WORKFLOW_TYPE, id, [taskQueue, submitRequest(p)]);
  expect(why).toMatch(/refused \(foreign-task-queue\)/);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
});

test('`temporal workflow start --type restoreWorkflow -w any-id` is refused as InvalidInput before any Atlas call', async () => {
  const p = addPair(sim.world, { restoreMs: 1_000 });
  const handle = await env.client.workflow.start(RESTORE_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `any-id-${p.target.name}`,
    args: [{ ...p.input, polling: { initialS: 0.5, maxS: 1 } }],
  });
  const err = (await handle.result().catch((e: unknown) => e)) as { cause?: { type?: string; message?: string } };
  expect(err.cause?.type).toBe('InvalidInput');
  expect(err.cause?.message).toMatch(/the workflow id must be atlas-restore-/);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
});
