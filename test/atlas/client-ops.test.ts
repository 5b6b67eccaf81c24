// Every client operation against the simulator (legacy era, tenant and Flex), with the exact media types, the
// User-Agent, pagination, and a job's life on a hand-driven clock.
import { OPS } from '../../atlas/operations';
import { USER_AGENT } from '../../atlas/http';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, manualClock } from './sim-client';

const clock = manualClock();
const world = new World('legacy', 7);
const g = world.addProject('aaaaaaaaaaaaaaaaaaaaaaa1');
world.addCluster({ groupId: g, name: 'src-m2', kind: 'tenant', instanceSize: 'M2' });
world.addCluster({ groupId: g, name: 'dst-m5', kind: 'tenant', instanceSize: 'M5', restoreDurationMs: 100_000 });
world.addCluster({ groupId: g, name: 'dst-fail', kind: 'tenant', restoreOutcome: 'FAILED', restoreDurationMs: 10_000 });
world.addCluster({ groupId: g, name: 'src-flex', kind: 'flex' });
world.addCluster({ groupId: g, name: 'dst-flex', kind: 'flex', restoreDurationMs: 10_000 });
const tenantSnaps = [1, 2, 3, 4, 5].map(() => world.addSnapshot({ groupId: g, clusterName: 'src-m2' }, clock.now()).id);
const flexSnap = world.addSnapshot({ groupId: g, clusterName: 'src-flex' }, clock.now()).id;

let sim: AtlasSimulator;
beforeAll(async () => {
  sim = await AtlasSimulator.start({ world, clock: clock.now });
});
afterAll(() => sim.stop());

test('getCluster and getFlexCluster parse the official shapes', async () => {
  const atlas = clientFor(sim);
  const c = await atlas.getCluster(g, 'src-m2');
  expect(c.replicationSpecs?.[0].regionConfigs?.[0]).toMatchObject({
    providerName: 'TENANT',
    electableSpecs: { instanceSize: 'M2' },
  });
  const f = await atlas.getFlexCluster(g, 'src-flex');
  expect(f).toMatchObject({ name: 'src-flex', stateName: 'IDLE', mongoDBVersion: '8.0.4' });
});

test('tenant snapshots: list (paginated) and get', async () => {
  const atlas = clientFor(sim, { pageSize: 2 });
  const before = sim.callMark();
  const all = await atlas.listSnapshots('tenant', g, 'src-m2');
  expect(all.map((s) => s.id).sort()).toEqual([...tenantSnaps].sort());
  // 5 snapshots, 2 per page: three list calls, each asking for the next page.
  const pages = sim.callsSince(before).filter((c) => c.operation === 'listTenantSnapshots');
  expect(pages).toHaveLength(3);
  const one = await atlas.getSnapshot('tenant', g, 'src-m2', tenantSnaps[0]);
  expect(one).toMatchObject({ id: tenantSnaps[0], status: 'COMPLETED', mongoDBVersion: '8.0.4' });
});

test('tenant restore (v2 and the v1.0 path): PENDING -> QUEUED -> RUNNING -> COMPLETED on the clock', async () => {
  const atlas = clientFor(sim);
  const job = await atlas.createRestore('tenant', g, 'src-m2', {
    snapshotId: tenantSnaps[0],
    targetClusterName: 'dst-m5',
    targetProjectId: g,
  });
  expect(job).toMatchObject({
    status: 'PENDING',
    snapshotId: tenantSnaps[0],
    targetClusterName: 'dst-m5',
    targetProjectId: g,
  });
  expect(job.restoreFinishedDate).toBeUndefined();
  const seen: string[] = [];
  for (const step of [1_000, 2_000, 50_000, 47_000]) {
    clock.advance(step);
    seen.push((await atlas.getRestoreJob('tenant', g, 'src-m2', job.id)).status);
  }
  expect(seen).toEqual(['QUEUED', 'RUNNING', 'RUNNING', 'COMPLETED']);
  const done = await atlas.getRestoreJob('tenant', g, 'src-m2', job.id);
  expect(done.restoreFinishedDate).toBe(
    new Date(Date.parse(done.restoreScheduledDate!) + 100_000).toISOString().replace('.000Z', 'Z'),
  );

  const v1 = await atlas.createRestore(
    'tenant',
    g,
    'src-m2',
    { snapshotId: tenantSnaps[1], targetClusterName: 'dst-fail', targetProjectId: g },
    'v1',
  );
  clock.advance(10_000);
  const failed = await atlas.getRestoreJob('tenant', g, 'src-m2', v1.id);
  expect(failed.status).toBe('FAILED');
  expect(failed.restoreFinishedDate).toBeUndefined();
  expect((await atlas.listRestoreJobs('tenant', g, 'src-m2')).map((j) => j.id).sort()).toEqual([job.id, v1.id].sort());
});

test('Flex: snapshots and restore jobs', async () => {
  const atlas = clientFor(sim);
  expect((await atlas.listSnapshots('flex', g, 'src-flex')).map((s) => s.id)).toEqual([flexSnap]);
  expect((await atlas.getSnapshot('flex', g, 'src-flex', flexSnap)).status).toBe('COMPLETED');
  const job = await atlas.createRestore('flex', g, 'src-flex', {
    snapshotId: flexSnap,
    targetClusterName: 'dst-flex',
    targetProjectId: g,
  });
  expect(job.status).toBe('PENDING');
  clock.advance(10_000);
  expect(await atlas.getRestoreJob('flex', g, 'src-flex', job.id)).toMatchObject({
    id: job.id,
    status: 'COMPLETED',
    targetClusterName: 'dst-flex',
  });
  expect((await atlas.listRestoreJobs('flex', g, 'src-flex')).map((j) => j.id)).toEqual([job.id]);
});

test('every call carried the operation media type (Accept, and Content-Type on POST) and the User-Agent', () => {
  const byOp = new Map(sim.calls.map((c) => [c.operation, c]));
  for (const name of [
    'getCluster',
    'getFlexCluster',
    'listTenantSnapshots',
    'createTenantRestore',
    'createTenantRestoreV1',
    'getTenantRestore',
    'createFlexRestoreJob',
    'listFlexSnapshots',
  ] as const) {
    const call = byOp.get(name);
    expect(call).toBeDefined();
    expect(call!.accept).toBe(OPS[name].mediaType);
    expect(call!.contentType).toBe(OPS[name].method === 'POST' ? OPS[name].mediaType : undefined);
    expect(call!.userAgent).toBe(USER_AGENT);
  }
  expect(USER_AGENT).toMatch(/^atlas-restore\/\d+\.\d+\.\d+ /);
  expect(OPS.createTenantRestoreV1.mediaType).toBe('application/json');
  expect(OPS.createTenantRestore.mediaType).toBe('application/vnd.atlas.2023-01-01+json');
  expect(OPS.getCluster.mediaType).toBe('application/vnd.atlas.2024-08-05+json');
  expect(OPS.createFlexRestoreJob.mediaType).toBe('application/vnd.atlas.2024-11-13+json');
});
