// When things go wrong after submit, end to end against the simulator: the saga's undo (a rollback restore) runs only
// when the job FAILED; a cancel or the deadline never rolls back over a job Atlas is still running; a cancelled
// restore closes as Canceled with its result readable; an unknown job status is not a shape error; forged state fails.
import { WorkflowFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { restoreWorkflow } from '../../workflows';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, queryStatus, simNow, start, waitForStatus } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());
afterEach(() => {
  h.sim.world.planner = undefined;
  h.sim.faults.clear();
});

test('a FAILED job is compensated by restoring the target from its own pre-restore snapshot', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const ownSnapshot = h.sim.world.snapshotsOf(pair.projectId, pair.target.name)[0];
  h.sim.world.planner = (j) => ({
    durationMs: 60_000,
    endsAs: j.snapshotId === pair.snapshotId ? 'FAILED' : 'COMPLETED',
  });
  const r = await (await start(h, { ...pair.input, rollbackOnFailure: true })).result();
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.reason).toMatch(/FAILED/);
  expect(r.recoveryPoint?.snapshotId).toBe(ownSnapshot.id);
  expect(r.compensations).toEqual([expect.objectContaining({ step: 'rollback-restore', status: 'done' })]);
  const jobs = jobsInto(h, pair.projectId, pair.target.name);
  expect(jobs.map((j) => j.snapshotId)).toEqual([pair.snapshotId, ownSnapshot.id]);
  // The rollback is waited for by the same primitive as the restore: its polls are audited.
  expect(r.audit.some((e) => e.type === 'poll' && e.data?.purpose === 'rollback')).toBe(true);
});

test('a FAILED job without rollback requested: COMPENSATED, nothing to undo, one job', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  h.sim.world.planner = () => ({ durationMs: 30_000, endsAs: 'FAILED' });
  const r = await (await start(h, pair.input)).result();
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

// 11.9: a cancelled restore closes as Canceled in Temporal, its RestoreResult still readable.
test('cancelled after submit: Canceled in Temporal, CANCELLED result naming the running job, no rollback over it', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 3_600_000 });
  const handle = await start(h, { ...pair.input, rollbackOnFailure: true });
  await waitForStatus(handle, (s) => s.phase === 'POLLING');
  await handle.cancel();
  const r = await handle.result();
  expect(r.outcome).toBe('CANCELLED');
  expect(r.reason).toMatch(/cancelled; Atlas job \S+ was (QUEUED|RUNNING|PENDING) at .* keeps running/);
  expect(r.compensations).toEqual([]);
  expect((await h.env.client.workflow.getHandle(handle.workflowId).describe()).status.name).toBe('CANCELLED');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

test('cancelled before submit: Canceled, nothing submitted, nothing changed', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const handle = await start(h, { ...pair.input, requireApproval: true });
  await waitForStatus(handle, (s) => s.awaitingApproval);
  await handle.cancel();
  const r = await handle.result();
  expect(r.outcome).toBe('CANCELLED');
  expect(r.targetChanged).toBe('no');
  expect(r.compensations).toEqual([]);
  expect((await h.env.client.workflow.getHandle(handle.workflowId).describe()).status.name).toBe('CANCELLED');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});

test('the deadline passes while the job runs: DEADLINE_EXCEEDED naming the job and its status; no rollback over it', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10 * 3_600_000 });
  const r = await (await start(h, { ...pair.input, deadline: '1h', rollbackOnFailure: true })).result();
  expect(r.outcome).toBe('DEADLINE_EXCEEDED');
  expect(r.reason).toMatch(new RegExp(`deadline .*Atlas job ${r.restoreJobId} was RUNNING`));
  expect(r.compensations).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
  expect(Date.parse(r.finishedAt) - Date.parse(r.startedAt)).toBeGreaterThanOrEqual(3_600_000);
});

// 11.4: a job status outside the documented enum is not a shape error.
test('Atlas answers status CLOSED (not in the enum): not finished, audited once, then COMPLETED', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10 * 60_000 });
  const handle = await start(h, { ...pair.input, polling: { maxS: 20, learn: false } });
  await waitForStatus(handle, (s) => !!s.restoreJobId);
  const jobId = (await queryStatus(handle)).restoreJobId!;
  const body = { id: jobId, snapshotId: pair.snapshotId, targetDeploymentItemName: pair.target.name, status: 'CLOSED' };
  h.sim.faults.add({
    operation: 'getTenantRestore',
    groupId: pair.projectId,
    times: 3,
    action: { kind: 'body', body },
  });
  const r = await handle.result();
  expect(r.outcome).toBe('COMPLETED');
  const unknown = r.audit.filter((e) => e.type === 'unknown-job-status');
  expect(unknown).toHaveLength(1);
  expect(unknown[0].data?.status).toBe('CLOSED');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

// 11.5: a client cannot hand a restore forged carried state.
test('a start with a forged second argument fails InvalidInput; Atlas sees no call', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const forged = {
    startedAt: new Date().toISOString(),
    deadlineAt: new Date(Date.now() + 3_600_000).toISOString(),
    main: {
      job: { backend: 'tenant', projectId: pair.projectId, clusterName: pair.source.name, jobId: 'f'.repeat(24) },
      submittedAt: new Date().toISOString(),
      polls: 1,
      status: 'FAILED',
      streaks: 0,
      unknownSeen: [],
    },
    recoveryPoint: { snapshotId: pair.snapshotId, backend: 'tenant' },
    checks: [],
    undo: [{ kind: 'rollback', recoveryPoint: { snapshotId: pair.snapshotId, backend: 'tenant' } }],
    compensations: [],
    audit: [],
    runs: 2,
  };
  // Also the shape the old workflow carried (jobId, jobStatus at the top level).
  for (const carried of [
    forged,
    {
      jobId: 'f'.repeat(24),
      jobStatus: 'FAILED',
      recoveryPoint: { snapshotId: pair.snapshotId, backend: 'tenant' },
      polls: 1,
      checks: [],
      audit: [],
      runs: 2,
    },
  ]) {
    const handle = await h.env.client.workflow.start(restoreWorkflow, {
      taskQueue: h.taskQueue,
      workflowId: `forged-${pair.target.name}-${carried.runs}-${Object.keys(carried).length}`,
      args: [pair.input, carried as never],
    });
    const err = await handle.result().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(((err as WorkflowFailedError).cause as ApplicationFailure).type).toBe('InvalidInput');
  }
  expect(h.sim.calls.filter((c) => c.groupId === pair.projectId)).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});
