// On the real dev server: both eras end to end, worker crash mid-poll, batch of child workflows, visibility by our
// search attributes, and a scan of every history for secrets.
import { restoreResultOf } from '../../client/result';
import { startRestore, TargetBusyError } from '../../client/start';
import type { ApplicationFailure } from '@temporalio/client';
import { WorkflowFailedError } from '@temporalio/client';
import { batchRestoreWorkflow } from '../../workflows';
import { SA } from '../../common/constants';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, queryStatus, start, waitForStatus } from '../helpers/run';
import { addPair } from '../helpers/world';
import { pollUntil } from '../helpers/poll';

const SECRETS = { publicKey: 'pubkey-ZX81-canary', privateKey: 'privkey-9f3c-CANARY-do-not-leak' };

describe('legacy era (tenant API), with API-key Digest auth', () => {
  let h: Stack;
  beforeAll(async () => {
    h = await startStack({ server: 'dev', sim: { era: 'legacy' }, apiKey: SECRETS });
  });
  afterAll(() => h?.close());

  test('worker killed and restarted mid-poll: the restore completes with one job', async () => {
    const pair = addPair(h.sim.world, { restoreMs: 12_000 });
    const handle = await start(h, { ...pair.input, polling: { initialS: 1, maxS: 2 } });
    await waitForStatus(handle, (s) => s.phase === 'POLLING' && s.polls >= 1);
    await h.restartWorker();
    const r = await handle.result();
    expect(r.outcome).toBe('COMPLETED');
    expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
  });

  // 11.2: a 401 while polling (a secret being rotated) must not end a restore Atlas is still running.
  test('401 on every poll after submit, then the worker restarts with working credentials: COMPLETED, one job, no compensation', async () => {
    const pair = addPair(h.sim.world, { restoreMs: 15_000 });
    h.sim.faults.add({
      operation: 'getTenantRestore',
      groupId: pair.projectId,
      action: { kind: 'status', status: 401, errorCode: 'UNAUTHORIZED', detail: 'You are not authenticated.' },
    });
    const handle = await start(h, {
      ...pair.input,
      rollbackOnFailure: true,
      polling: { initialS: 0.5, maxS: 2, learn: false },
    });
    await waitForStatus(handle, (s) => (s.atlasTrouble?.attempts ?? 0) >= 3);
    const s = await queryStatus(handle);
    expect(s.atlasTrouble?.lastError).toMatch(/401/);
    expect(s.phase).toBe('POLLING');
    // The operator fixes the credentials and restarts the worker.
    h.sim.faults.clear();
    await h.restartWorker();
    const r = await handle.result();
    expect(r.outcome).toBe('COMPLETED');
    expect(r.compensations).toEqual([]);
    expect(r.audit.filter((e) => e.type === 'atlas-trouble')).toHaveLength(1);
    expect(r.audit.filter((e) => e.type === 'atlas-recovered')).toHaveLength(1);
    expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
  });

  test('one restore per target: an identical start returns the running one, a different one is refused', async () => {
    const pair = addPair(h.sim.world, { restoreMs: 60_000 });
    const first = await startRestore(h.env.client, pair.input, { taskQueue: h.taskQueue });
    const again = await startRestore(h.env.client, pair.input, { taskQueue: h.taskQueue });
    expect(again.existing).toBe(true);
    expect(again.runId).toBe(first.runId);
    const other = h.sim.world.addSnapshot({ groupId: pair.projectId, clusterName: pair.source.name });
    await expect(
      startRestore(h.env.client, { ...pair.input, snapshotId: other.id }, { taskQueue: h.taskQueue }),
    ).rejects.toBeInstanceOf(TargetBusyError);
    await first.handle.cancel();
    expect((await restoreResultOf(first.handle)).outcome).toBe('CANCELLED');
    expect(jobsInto(h, pair.projectId, pair.target.name).length).toBeLessThanOrEqual(1);
  });

  test('a batch runs restores as child workflows, continuing past a failure', async () => {
    const ok1 = addPair(h.sim.world, { restoreMs: 3_000 });
    const ok2 = addPair(h.sim.world, { restoreMs: 3_000 });
    const bad = addPair(h.sim.world, { target: { paused: true } });
    const fast = { polling: { initialS: 1, maxS: 2 } };
    const r = await h.env.client.workflow.execute(batchRestoreWorkflow, {
      taskQueue: h.taskQueue,
      workflowId: 'atlas-restore-batch-dr-drill',
      args: [
        {
          name: 'DR drill',
          concurrency: 2,
          restores: [
            { ...ok1.input, ...fast },
            { ...bad.input, ...fast },
            { ...ok2.input, ...fast },
          ],
        },
      ],
    });
    expect(r.total).toBe(3);
    expect(r.byOutcome).toEqual({ COMPLETED: 2, PREFLIGHT_FAILED: 1 });
    expect(r.items.map((i) => i.outcome)).toEqual(['COMPLETED', 'PREFLIGHT_FAILED', 'COMPLETED']);
    expect(jobsInto(h, ok1.projectId, ok1.target.name)).toHaveLength(1);
    const child = await h.env.client.workflow.getHandle(r.items[0].workflowId).describe();
    expect(child.parentExecution?.workflowId).toBe('atlas-restore-batch-dr-drill');
  });

  test('restores are found by our search attributes through a visibility query', async () => {
    const pair = addPair(h.sim.world, { restoreMs: 2_000 });
    const handle = await start(h, { ...pair.input, polling: { initialS: 1, maxS: 2 } });
    await handle.result();
    const q = `${SA.targetCluster.name} = '${pair.target.name}' AND ${SA.outcome.name} = 'COMPLETED' AND ${SA.backend.name} = 'tenant'`;
    const listed = async () => {
      const ids: string[] = [];
      for await (const wf of h.env.client.workflow.list({ query: q })) ids.push(wf.workflowId);
      return ids;
    };
    const found = await pollUntil(listed, (ids) => ids.length > 0, { timeoutMs: 10_000, what: 'the visibility query' });
    expect(found).toEqual([handle.workflowId]);
    const desc = await handle.describe();
    expect(desc.typedSearchAttributes.get(SA.phase)).toBe('DONE');
    expect(desc.typedSearchAttributes.get(SA.jobStatus)).toBe('COMPLETED');
    expect(desc.typedSearchAttributes.get(SA.sourceCluster)).toBe(pair.source.name);
  });

  test('a restore that did not restore shows as failed in Temporal, with its reason and full result', async () => {
    const pair = addPair(h.sim.world, { target: { paused: true } });
    const handle = await start(h, pair.input);
    const r = await handle.result();
    expect(r.outcome).toBe('PREFLIGHT_FAILED');
    const raw = h.env.client.workflow.getHandle(handle.workflowId);
    expect((await raw.describe()).status.name).toBe('FAILED');
    const err = await raw.result().catch((e: unknown) => e as WorkflowFailedError);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('PREFLIGHT_FAILED');
    expect(cause.message).toBe(r.reason);
  });

  test('no secret appears in any workflow history, memo or search attribute', async () => {
    // Includes failures: a preflight failure and a compensated 409 storm.
    const bad = addPair(h.sim.world, {
      target: { encryptionAtRestProvider: 'GCP', kind: 'dedicated', instanceSize: 'M10' },
    });
    await (await start(h, bad.input)).result();
    const histories: string[] = [];
    for await (const wf of h.env.client.workflow.list({ query: `TaskQueue = '${h.taskQueue}'` })) {
      const handle = h.env.client.workflow.getHandle(wf.workflowId, wf.runId);
      histories.push(JSON.stringify(await handle.fetchHistory()), JSON.stringify(await handle.describe()));
    }
    expect(histories.length).toBeGreaterThan(4);
    const all = histories.join('\n');
    expect(all).not.toContain(SECRETS.privateKey);
    // The public key is an identifier, not a secret, but it has no business in history either.
    expect(all).not.toContain(SECRETS.publicKey);
  });
});

describe('current era (tenant API sunset, clusters migrated to Flex)', () => {
  let h: Stack;
  beforeAll(async () => {
    h = await startStack({ server: 'dev', sim: { era: 'current' } });
  });
  afterAll(() => h?.close());

  test('auto routing lands on the Flex API and the restore completes', async () => {
    // Created as M2/M5; the current era answers for them as Flex clusters.
    const pair = addPair(h.sim.world, { kind: 'tenant', restoreMs: 3_000 });
    const r = await (await start(h, { ...pair.input, polling: { initialS: 1, maxS: 2 } })).result();
    expect(r.outcome).toBe('COMPLETED');
    expect(r.backend).toBe('flex');
    expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
    expect(h.atlasCalls.some((c) => c.operation === 'createFlexRestoreJob')).toBe(true);
  });
});
