// Every preflight failure ends the restore as PREFLIGHT_FAILED, names the failed check, and changes nothing.
import type { ApplicationFailure } from '@temporalio/client';
import { WorkflowFailedError } from '@temporalio/client';
import type { SimCluster } from '../../simulator/world';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, simNow, start } from '../helpers/run';
import { addPair } from '../helpers/world';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

const targetCases: [string, Partial<SimCluster>][] = [
  ['target-not-paused', { paused: true }],
  ['target-no-encryption-at-rest', { encryptionAtRestProvider: 'AWS', kind: 'dedicated', instanceSize: 'M10' }],
  ['target-not-sharded', { clusterType: 'SHARDED', kind: 'dedicated', instanceSize: 'M30' }],
  ['mongodb-major-version', { mongoDBVersion: '7.0.14' }],
  ['target-idle', { stateName: 'UPDATING' }],
];

test.each(targetCases)('%s fails preflight and nothing is submitted', async (check, target) => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), target });
  const r = await (await start(h, pair.input)).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === check)?.status).toBe('fail');
  expect(r.reason).toContain(check);
  expect(r.restoreJobId).toBeUndefined();
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
  expect(h.atlasCalls.filter((c) => c.operation.startsWith('create'))).toHaveLength(0);
});

test('a snapshot that does not exist fails snapshot-exists', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const r = await (await start(h, { ...pair.input, snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaaa' })).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'snapshot-exists')?.status).toBe('fail');
});

test('a snapshot still running fails snapshot-completed', async () => {
  const now = await simNow(h);
  const pair = addPair(h.sim.world, { nowMs: now });
  const snap = h.sim.world.addSnapshot(
    { groupId: pair.projectId, clusterName: pair.source.name, status: 'RUNNING' },
    now,
  );
  const r = await (await start(h, { ...pair.input, snapshotId: snap.id })).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'snapshot-completed')?.status).toBe('fail');
});

test('a target that does not exist fails target-exists', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const r = await (await start(h, { ...pair.input, targetClusterName: 'no-such-cluster' })).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'target-exists')?.status).toBe('fail');
});

test('a restore already running into the target fails no-restore-running', async () => {
  const now = await simNow(h);
  const pair = addPair(h.sim.world, { nowMs: now, restoreMs: 3_600_000 });
  h.sim.world.createJob({
    backend: 'tenant',
    groupId: pair.projectId,
    sourceCluster: pair.source.name,
    snapshotId: pair.snapshotId,
    targetProjectId: pair.projectId,
    targetCluster: pair.target.name,
    createdAtMs: now,
    snapshotFinishedDate: '2026-01-01T00:00:00Z',
    mongoDBVersion: '8.0.4',
  });
  const r = await (await start(h, pair.input)).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'no-restore-running')?.status).toBe('fail');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

test('a dedicated source cluster fails backend-resolved', async () => {
  const now = await simNow(h);
  const pair = addPair(h.sim.world, { nowMs: now });
  const dedicated = h.sim.world.addCluster({
    groupId: pair.projectId,
    name: `${pair.source.name}-m10`,
    kind: 'dedicated',
    instanceSize: 'M10',
  });
  const r = await (await start(h, { ...pair.input, clusterName: dedicated.name })).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'backend-resolved')?.status).toBe('fail');
});

test('rollbackOnFailure without a recovery point fails recovery-point; otherwise it is only a warning', async () => {
  const now = await simNow(h);
  const pair = addPair(h.sim.world, { nowMs: now });
  for (const s of h.sim.world.snapshotsOf(pair.projectId, pair.target.name)) h.sim.world.snapshots.delete(s.id);
  const strict = await (await start(h, { ...pair.input, rollbackOnFailure: true, dryRun: true })).result();
  expect(strict.outcome).toBe('PREFLIGHT_FAILED');
  expect(strict.checks.find((c) => c.name === 'recovery-point')?.status).toBe('fail');
  const lenient = await (await start(h, { ...pair.input, dryRun: true })).result();
  expect(lenient.outcome).toBe('DRY_RUN');
  expect(lenient.checks.find((c) => c.name === 'recovery-point')?.status).toBe('warn');
});

test('the no-client-traffic warning is always there, and a dry run stops with the plan', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const r = await (await start(h, { ...pair.input, dryRun: true })).result();
  expect(r.outcome).toBe('DRY_RUN');
  expect(r.checks.find((c) => c.name === 'no-client-traffic')?.status).toBe('warn');
  expect(r.reason).toMatch(/would restore snapshot/);
  expect(r.targetChanged).toBe('no');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});

test('input without the data-loss acknowledgement fails fast, naming the field, and starts nothing', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const { acknowledgeDataLoss: _ack, ...noAck } = pair.input;
  const before = h.atlasCalls.length;
  // The workflow itself refuses (e.g. a parent that skipped client-side validation).
  const handle = await h.env.client.workflow.start(RESTORE_WORKFLOW_TYPE, {
    taskQueue: h.taskQueue,
    workflowId: `noack-${pair.target.name}`,
    args: [noAck],
  });
  const err = await handle.result().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkflowFailedError);
  const cause = (err as WorkflowFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('InvalidInput');
  expect(cause.nonRetryable).toBe(true);
  expect(cause.message).toMatch(/acknowledgeDataLoss/);
  expect(h.atlasCalls.length).toBe(before);
  // And the client-side start refuses before anything reaches Temporal.
  await expect(start(h, noAck as never)).rejects.toThrow(/acknowledgeDataLoss/);
});

test('MongoDB versions unknown on both sides: PREFLIGHT_FAILED, the evidence says what was missing', async () => {
  const now = await simNow(h);
  // Atlas answers with an empty version for the source's snapshot and for the target cluster.
  const pair = addPair(h.sim.world, { nowMs: now, target: { mongoDBVersion: '' } });
  h.sim.world.snapshots.get(pair.snapshotId)!.mongoDBVersion = '';
  const r = await (await start(h, pair.input)).result();
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  const c = r.checks.find((x) => x.name === 'mongodb-major-version');
  expect(c?.status).toBe('fail');
  expect(c?.evidence).toBe(
    'snapshot MongoDB version unknown (Atlas gave none); target MongoDB version unknown (Atlas gave none)',
  );
  expect(h.sim.calls.filter((x) => x.operation.startsWith('create') && x.groupId === pair.projectId)).toHaveLength(0);
});

test('bad credentials before submit: FAILED at once (not retried), the reason names the variables, nothing was changed', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  h.sim.faults.add({
    operation: '*',
    groupId: pair.projectId,
    action: { kind: 'status', status: 401, errorCode: 'NOT_AUTHENTICATED' },
  });
  try {
    const r = await (await start(h, pair.input)).result();
    expect(r.outcome).toBe('FAILED');
    expect(r.targetChanged).toBe('no');
    expect(r.reason).toMatch(/MONGODB_ATLAS_CLIENT_ID\/MONGODB_ATLAS_CLIENT_SECRET/);
    expect(r.compensations).toEqual([]);
    // Not retried: one refused read, not ten minutes of them.
    expect(h.sim.calls.filter((x) => x.groupId === pair.projectId && x.status === 401)).toHaveLength(1);
    expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
  } finally {
    h.sim.faults.clear();
  }
});
