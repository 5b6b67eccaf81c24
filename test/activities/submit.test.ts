// The submit activities against the simulator: the create alone (ambiguous when it fails) and the lookup that
// adopts what an earlier create made. The workflow combines them (test/workflow/submit.test.ts).
import { ApplicationFailureCategory } from '@temporalio/common';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import type { SubmitRequest } from '../../common/jobs';
import { clientFor } from '../atlas/sim-client';
import { addPair, type Pair } from '../helpers/world';
import { activitiesOver, failureOfActivity, runActivity } from './kit';

const world = new World('legacy');
let sim: AtlasSimulator;
let acts: ReturnType<typeof activitiesOver>;
beforeAll(async () => {
  sim = await AtlasSimulator.start({ world });
  acts = activitiesOver(clientFor(sim));
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.stop());

const request = (p: Pair, notBefore = new Date(Date.now() - 1_000).toISOString()): SubmitRequest => ({
  backend: 'tenant',
  projectId: p.projectId,
  clusterName: p.source.name,
  snapshotId: p.snapshotId,
  targetProjectId: p.projectId,
  targetClusterName: p.target.name,
  notBefore,
});
const creates = (p: Pair) =>
  sim.calls.filter((c) => c.groupId === p.projectId && c.operation === 'createTenantRestore');

test('nothing created yet: the lookup finds nothing; the create creates', async () => {
  const p = addPair(world, { restoreMs: 600_000 });
  expect(await runActivity(acts.findSubmittedJob, request(p))).toBeNull();
  const r = await runActivity(acts.submitRestore, request(p));
  expect(r.via).toBe('created');
  expect(world.jobsIntoTarget(p.projectId, p.target.name).map((j) => j.id)).toEqual([r.jobId]);
});

test('500 after commit: the create fails retryably (ambiguous), and the lookup adopts the job it made', async () => {
  const p = addPair(world, { restoreMs: 600_000 });
  sim.faults.add({
    operation: 'createTenantRestore',
    groupId: p.projectId,
    times: 1,
    action: { kind: 'after-commit' },
  });
  const { f } = await failureOfActivity(acts.submitRestore, request(p));
  expect(f).toMatchObject({ type: 'AtlasTransient', nonRetryable: false });
  const found = await runActivity(acts.findSubmittedJob, request(p));
  expect(found).toMatchObject({
    via: 'adopted-existing',
    jobId: world.jobsIntoTarget(p.projectId, p.target.name)[0].id,
  });
  expect(creates(p)).toHaveLength(1);
});

test('a create never retries itself: one POST per activity run, even on a reset', async () => {
  const p = addPair(world, { restoreMs: 600_000 });
  sim.faults.add({ operation: 'createTenantRestore', groupId: p.projectId, times: 1, action: { kind: 'reset' } });
  const { f } = await failureOfActivity(acts.submitRestore, request(p));
  expect(f.type).toBe('AtlasTransient');
  expect(creates(p)).toHaveLength(1);
});

test('a foreign restore into the target: 409 is a benign conflict, and the lookup does not take it for ours', async () => {
  const p = addPair(world, { restoreMs: 600_000 });
  // Someone else's restore, from another snapshot, before our start.
  const other = world.addSnapshot({ groupId: p.projectId, clusterName: p.source.name });
  await runActivity(acts.submitRestore, { ...request(p), snapshotId: other.id });
  const { f } = await failureOfActivity(acts.submitRestore, request(p));
  expect(f).toMatchObject({ type: 'AtlasConflict', nonRetryable: false, category: ApplicationFailureCategory.BENIGN });
  expect(await runActivity(acts.findSubmittedJob, request(p))).toBeNull();
});

test('a job of the same request from before our start is not adopted (notBefore)', async () => {
  const p = addPair(world, { restoreMs: 1 });
  await runActivity(acts.submitRestore, request(p));
  expect(
    await runActivity(acts.findSubmittedJob, request(p, new Date(Date.now() + 3_600_000).toISOString())),
  ).toBeNull();
});

test('with a baseline: a job Atlas held before our first create is never ours, however recent; a new one is', async () => {
  const p = addPair(world, { restoreMs: 1 });
  const before = await runActivity(acts.submitRestore, request(p));
  const baseline = await runActivity(acts.listMatchingJobs, request(p));
  expect(baseline.jobIds).toEqual([before.jobId]);
  // Scheduled after notBefore, so the old time window would adopt it: the baseline does not.
  const withBaseline = { ...request(p, new Date(Date.now() - 60_000).toISOString()), knownJobIds: baseline.jobIds };
  expect(await runActivity(acts.findSubmittedJob, withBaseline)).toBeNull();
  const ours = await runActivity(acts.submitRestore, withBaseline);
  expect(await runActivity(acts.findSubmittedJob, withBaseline)).toMatchObject({ jobId: ours.jobId });
  // Another snapshot's job into the same target is not part of this request at all.
  const other = world.addSnapshot({ groupId: p.projectId, clusterName: p.source.name });
  expect((await runActivity(acts.listMatchingJobs, { ...request(p), snapshotId: other.id })).jobIds).toEqual([]);
});
