// When things go wrong after submit: compensation (saga), each step recorded.
import { Harness, startHarness } from '../helpers/harness';
import { jobsInto, simNow, start, waitForStatus } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());
afterEach(() => {
  h.sim.world.planner = undefined;
});

test('a FAILED job is compensated by restoring the target from its own pre-restore snapshot', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const ownSnapshot = h.sim.world.snapshotsOf(pair.projectId, pair.target.name)[0];
  h.sim.world.planner = (j) => ({ durationMs: 60_000, endsAs: j.snapshotId === pair.snapshotId ? 'FAILED' : 'COMPLETED' });
  const r = await (await start(h, { ...pair.input, rollbackOnFailure: true })).result();
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.reason).toMatch(/FAILED/);
  expect(r.recoveryPoint?.snapshotId).toBe(ownSnapshot.id);
  const rollback = r.compensations.find((c) => c.step === 'rollback-restore');
  expect(rollback?.status).toBe('done');
  const jobs = jobsInto(h, pair.projectId, pair.target.name);
  expect(jobs.map((j) => j.snapshotId)).toEqual([pair.snapshotId, ownSnapshot.id]);
  expect(r.audit.filter((e) => e.type === 'compensation')).toHaveLength(4);
});

test('a FAILED job without rollback requested: COMPENSATED, rollback skipped, one job', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  h.sim.world.planner = () => ({ durationMs: 30_000, endsAs: 'FAILED' });
  const r = await (await start(h, pair.input)).result();
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations.find((c) => c.step === 'rollback-restore')?.status).toBe('skipped');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

test('cancelled after submit: CANCELLED, compensation says the Atlas job still runs', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 3_600_000 });
  const handle = await start(h, pair.input);
  await waitForStatus(handle, (s) => s.phase === 'POLLING');
  await handle.cancel();
  const r = await handle.result();
  expect(r.outcome).toBe('CANCELLED');
  expect(r.reason).toMatch(/cancelled after submit/);
  expect(r.compensations.find((c) => c.step === 'release-target')?.detail).toMatch(/cannot be cancelled through the API/);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

test('cancelled before submit: CANCELLED, nothing to compensate', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const handle = await start(h, { ...pair.input, requireApproval: true });
  await waitForStatus(handle, (s) => s.awaitingApproval);
  await handle.cancel();
  const r = await handle.result();
  expect(r.outcome).toBe('CANCELLED');
  expect(r.compensations).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});

test('the deadline passes while the job runs: DEADLINE_EXCEEDED, compensated', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10 * 3_600_000 });
  const r = await (await start(h, { ...pair.input, deadline: '1h' })).result();
  expect(r.outcome).toBe('DEADLINE_EXCEEDED');
  expect(r.reason).toMatch(/deadline/);
  expect(r.compensations.map((c) => c.step)).toContain('release-target');
  expect(Date.parse(r.finishedAt) - Date.parse(r.startedAt)).toBeGreaterThanOrEqual(3_600_000);
});
