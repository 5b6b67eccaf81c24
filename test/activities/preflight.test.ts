// The preflight activity against the simulator (a fake client over it where Atlas must say something the simulator
// never does): the version check fails closed, definite answers are failed checks, bad credentials fail the activity.
import type { AtlasClient } from '../../atlas/client';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor } from '../atlas/sim-client';
import { addPair, type Pair } from '../helpers/world';
import { activitiesOver, failureOfActivity, patched, runActivity } from './kit';

const world = new World('legacy');
let sim: AtlasSimulator;
let atlas: AtlasClient;
beforeAll(async () => {
  sim = await AtlasSimulator.start({ world });
  atlas = clientFor(sim);
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.stop());

const request = (p: Pair) => ({
  projectId: p.projectId,
  clusterName: p.source.name,
  snapshotId: p.snapshotId,
  targetProjectId: p.projectId,
  targetClusterName: p.target.name,
  backend: 'auto' as const,
  rollbackOnFailure: false,
});

/** The client, but Atlas gives no MongoDB version for the snapshot and/or the target. */
const versionless = (o: { snapshot?: boolean; target?: boolean }): AtlasClient =>
  patched(atlas, {
    ...(o.snapshot
      ? {
          getSnapshot: async (...a: Parameters<AtlasClient['getSnapshot']>) => ({
            ...(await atlas.getSnapshot(...a)),
            mongoDBVersion: undefined,
          }),
        }
      : {}),
    ...(o.target
      ? {
          getCluster: async (...a: Parameters<AtlasClient['getCluster']>) => ({
            ...(await atlas.getCluster(...a)),
            mongoDBVersion: undefined,
            mongoDBMajorVersion: undefined,
          }),
        }
      : {}),
  });

const versionCheck = async (client: AtlasClient, p: Pair) =>
  (await runActivity(activitiesOver(client).preflight, request(p))).checks.find(
    (c) => c.name === 'mongodb-major-version',
  );

test('known versions on both sides: compared', async () => {
  expect(await versionCheck(atlas, addPair(world))).toEqual({
    name: 'mongodb-major-version',
    status: 'pass',
    evidence: 'snapshot 8.0 vs target 8.0',
  });
});

test('both versions unknown: a failed check saying what was missing (it used to pass as "? vs ?")', async () => {
  const c = await versionCheck(versionless({ snapshot: true, target: true }), addPair(world));
  expect(c?.status).toBe('fail');
  expect(c?.evidence).toBe(
    'snapshot MongoDB version unknown (Atlas gave none); target MongoDB version unknown (Atlas gave none)',
  );
});

test('one side unknown: failed, naming the side and the known version', async () => {
  expect(await versionCheck(versionless({ snapshot: true }), addPair(world))).toMatchObject({
    status: 'fail',
    evidence: 'snapshot MongoDB version unknown (Atlas gave none); target 8.0',
  });
  expect(await versionCheck(versionless({ target: true }), addPair(world))).toMatchObject({
    status: 'fail',
    evidence: 'snapshot 8.0; target MongoDB version unknown (Atlas gave none)',
  });
});

test('a definite answer (a snapshot that does not exist) is a failed check, not a failure', async () => {
  const p = addPair(world);
  const report = await runActivity(activitiesOver(atlas).preflight, {
    ...request(p),
    snapshotId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  });
  expect(report.checks.find((c) => c.name === 'snapshot-exists')).toMatchObject({ status: 'fail' });
});

test('bad credentials: the activity fails non-retryably as AtlasAuth with the hint (not a failed check)', async () => {
  const p = addPair(world);
  sim.faults.add({
    operation: '*',
    groupId: p.projectId,
    action: { kind: 'status', status: 401, errorCode: 'NOT_AUTHENTICATED' },
  });
  const { f, details } = await failureOfActivity(activitiesOver(atlas).preflight, request(p));
  expect(f.type).toBe('AtlasAuth');
  expect(f.nonRetryable).toBe(true);
  expect(details).toMatchObject({ status: 401, errorCode: 'NOT_AUTHENTICATED' });
  expect(details.hint).toMatch(/MONGODB_ATLAS_CLIENT_ID/);
});

test('a transient error fails the activity retryably (Temporal retries it)', async () => {
  const p = addPair(world);
  sim.faults.add({
    operation: 'getTenantSnapshot',
    groupId: p.projectId,
    times: 1,
    action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE' },
  });
  const { f } = await failureOfActivity(activitiesOver(atlas).preflight, request(p));
  expect(f).toMatchObject({ type: 'AtlasTransient', nonRetryable: false });
});
