// When things go wrong, end to end against the simulator: the saga's undo (a rollback restore from the target's own
// snapshot, which the real preflight picks) runs when the job FAILED; the deadline never rolls back over a job Atlas
// is still running; a cancel before submit changes nothing. The other branches (no rollback asked, a cancel while the
// job runs, an unknown job status, forged state) are the workflow's alone: flow.test.ts tests them with stubs.
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, simNow, start, waitForStatus } from '../helpers/run';
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
