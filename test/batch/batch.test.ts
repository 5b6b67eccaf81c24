// The batch workflow (issue 12.6) on a dev server with a stub restore child: continue-as-new for large plans with the
// summary carried, the progress query, parentClosePolicy REQUEST_CANCEL (the time-skipping server does not apply it
// on terminate), cancelled and busy items.
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { quietRuntime } from '../../harness/kit/runtime';
import { startDevServer } from '../../devserver/devserver';
import type { RestoreInput } from '../../common/input';
import { restoreWorkflowId } from '../../common/input';
import { batchRestoreWorkflow } from '../../workflows/batch';
import { progressQuery } from '../../workflows/batch-definitions';
import { temporal } from '@temporalio/proto';
import { historyCommand } from '../../client/commands/history';
import { pollUntil } from '../helpers/poll';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

const P = 'a'.repeat(24);
const S = 'b'.repeat(24);
const taskQueue = 'batch-test';
const item = (t: string): RestoreInput => ({
  projectId: P,
  clusterName: 'src',
  snapshotId: S,
  targetClusterName: t,
  acknowledgeDataLoss: true,
});

let env: TestWorkflowEnvironment;
let client: Client;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  quietRuntime();
  env = await startDevServer();
  client = env.client;
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowsPath: require.resolve('./stub-workflows'),
  });
  running = worker.run();
}, 120_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

let n = 0;
/** Unnamed plans run under any `atlas-restore-batch-…` id; a named one under its name's (workflows/batch.ts). */
const batchId = (name?: string) => (name ? `atlas-restore-batch-${name}` : `atlas-restore-batch-test-${++n}`);

const until = <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> =>
  pollUntil(f, ok, { timeoutMs: ms });

test('520 restores: the batch continues as new every 200, carrying the summary; every item in plan order', async () => {
  const targets = Array.from({ length: 520 }, (_, i) => `ok-${i}`);
  const handle = await client.workflow.start(batchRestoreWorkflow, {
    taskQueue,
    workflowId: batchId('big'),
    args: [{ name: 'big', concurrency: 40, itemsPerRun: 200, restores: targets.map(item) }],
  });
  const p = await until(
    () => handle.query(progressQuery),
    (v) => v.done > 0,
  );
  expect(p).toMatchObject({ name: 'big', total: 520 });
  expect(p.done + p.running + p.pending).toBe(520);
  const r = await handle.result();
  expect(r).toMatchObject({ total: 520, byOutcome: { COMPLETED: 520 }, runs: 3 });
  expect(r.items.map((i) => i.targetClusterName)).toEqual(targets);
  const d = await client.workflow.getHandle(handle.workflowId).describe();
  expect(d.runId).not.toBe(handle.firstExecutionRunId);

  // `history` follows the continue-as-new chain: every run, and with -o json every run's events.
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  try {
    expect(await historyCommand(client, handle.workflowId, 'json')).toBe(0);
    expect(await historyCommand(client, handle.workflowId, 'text')).toBe(0);
  } finally {
    write.mockRestore();
  }
  const h = JSON.parse(out[0]) as {
    runs: { runId: string; eventCount: number }[];
    events: unknown[];
    audit: { type: string }[];
  };
  expect(h.runs.map((r) => r.runId)[0]).toBe(handle.firstExecutionRunId);
  expect(h.runs.map((r) => r.runId)[2]).toBe(d.runId);
  expect(h.events).toHaveLength(h.runs.reduce((n, r) => n + r.eventCount, 0));
  expect(h.audit.filter((e) => e.type === 'child')).toHaveLength(520);
  expect(out[1]).toMatch(/: 3 runs \(continued as new\)/);
}, 300_000);

test('outcomes per item: completed, preflight failed (from the child result), target busy (NOT_STARTED), cancelled child', async () => {
  // A restore already holds busy-1's workflow id: the batch must not start a second one.
  const holder = await client.workflow.start(RESTORE_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: restoreWorkflowId(item('wait-busy')),
    args: [item('wait-busy')],
  });
  const handle = await client.workflow.start(batchRestoreWorkflow, {
    taskQueue,
    workflowId: batchId(),
    args: [{ concurrency: 4, restores: ['ok-a', 'pf-b', 'wait-busy', 'wait-c'].map(item) }],
  });
  await until(
    () => handle.query(progressQuery),
    (v) => v.running === 1 && v.done === 3,
  );
  await client.workflow.getHandle(restoreWorkflowId(item('wait-c'))).cancel();
  const r = await handle.result();
  expect(r.items.map((i) => [i.targetClusterName, i.outcome, i.error])).toEqual([
    ['ok-a', 'COMPLETED', undefined],
    ['pf-b', 'PREFLIGHT_FAILED', undefined],
    ['wait-busy', 'NOT_STARTED', 'TARGET_BUSY'],
    ['wait-c', 'CANCELLED', undefined],
  ]);
  expect(r.items[1].reason).toBe('target paused');
  expect(r.items[2].reason).toMatch(/^target busy: another restore into this target is running/);
  await holder.terminate('test done');
});

test.each(['terminate', 'cancel'] as const)(
  '%s the batch: its restores are started with parentClosePolicy REQUEST_CANCEL (a cancel: and are cancelled)',
  async (how) => {
    const targets = [`wait-${how}-1`, `wait-${how}-2`];
    const handle: WorkflowHandle<typeof batchRestoreWorkflow> = await client.workflow.start(batchRestoreWorkflow, {
      taskQueue,
      workflowId: batchId(),
      args: [{ restores: targets.map(item) }],
    });
    await until(
      () => handle.query(progressQuery),
      (v) => v.running === 2,
    );
    // Every child is started with REQUEST_CANCEL: what we control, read from the batch's own history.
    const started = (await handle.fetchHistory()).events!.flatMap((e) => {
      const a = e.startChildWorkflowExecutionInitiatedEventAttributes;
      return a ? [a.parentClosePolicy] : [];
    });
    const { PARENT_CLOSE_POLICY_REQUEST_CANCEL } = temporal.api.enums.v1.ParentClosePolicy;
    expect(started).toEqual([PARENT_CLOSE_POLICY_REQUEST_CANCEL, PARENT_CLOSE_POLICY_REQUEST_CANCEL]);
    if (how === 'terminate') {
      // Applying it after a terminate is the server's asynchronous parent-close task; the dev server (CLI 1.9.1) did
      // it within 30 s in most runs and not within 180 s in two CI runs (2026-12-02), so it is not waited for here.
      await handle.terminate('drill aborted');
      return;
    }
    await handle.cancel();
    for (const t of targets) {
      const d = await until(
        () => client.workflow.getHandle(restoreWorkflowId(item(t))).describe(),
        (v) => v.status.name !== 'RUNNING',
        // A cancelled batch cancels its children itself (the SDK's child cancellation), not through the server's task.
        90_000,
      );
      expect(d.status.name).toBe('CANCELLED');
    }
    expect(await handle.result()).toMatchObject({ cancelled: true, byOutcome: { CANCELLED: 2 } });
  },
  400_000,
);

test('carried state from a caller (not a continued run) is refused', async () => {
  const handle = await client.workflow.start(batchRestoreWorkflow, {
    taskQueue,
    workflowId: batchId(),
    args: [{ restores: [item('ok-forged')] }, { done: [], runs: 7 }],
  });
  await expect(handle.result()).rejects.toThrow();
  const d = await handle.describe();
  expect(d.status.name).toBe('FAILED');
});
