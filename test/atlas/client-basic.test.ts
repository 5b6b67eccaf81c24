import { HttpClient } from 'urllib';
import { AtlasClient } from '../../atlas/client';
import { AtlasApiError } from '../../atlas/errors';
import { AtlasHttp } from '../../atlas/http';
import { NoAuth } from '../../atlas/auth';
import { describeCluster } from '../../atlas/routing';
import { AtlasSimulator } from '../../simulator/server';
import { objectId } from '../../simulator/world';

describe('Atlas client against the simulator (legacy era)', () => {
  let sim: AtlasSimulator;
  let atlas: AtlasClient;
  const g = objectId();
  beforeAll(async () => {
    sim = await AtlasSimulator.start({ era: 'legacy' });
    sim.world.addCluster({ groupId: g, name: 'src', kind: 'tenant', instanceSize: 'M5' });
    sim.world.addCluster({ groupId: g, name: 'dst', kind: 'tenant' });
    atlas = new AtlasClient(new AtlasHttp({ baseUrl: sim.url, auth: new NoAuth(), http: new HttpClient() }));
  });
  afterAll(() => sim.stop());

  test('creates a tenant restore and reads it back until COMPLETED', async () => {
    const snap = sim.world.addSnapshot({ groupId: g, clusterName: 'src' });
    sim.world.defaultRestoreMs = 300;
    expect((await describeCluster(atlas, g, 'src')).kind).toBe('tenant');
    const job = await atlas.createRestore('tenant', g, 'src', {
      snapshotId: snap.id,
      targetClusterName: 'dst',
      targetProjectId: g,
    });
    expect(job.status).toBe('PENDING');
    await expect(
      atlas.createRestore('tenant', g, 'src', { snapshotId: snap.id, targetClusterName: 'dst', targetProjectId: g }),
    ).rejects.toMatchObject({
      status: 409,
      errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
      failureType: 'AtlasConflict',
    });
    await new Promise((r) => setTimeout(r, 350));
    const done = await atlas.getRestoreJob('tenant', g, 'src', job.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.restoreFinishedDate).toMatch(/Z$/);
    expect(await atlas.listRestoreJobs('tenant', g, 'src')).toHaveLength(1);
  });

  // 11.4: a job status outside the documented enum is not a shape error: the workflow keeps waiting (flow.test.ts).
  test('a restore job status outside the enum (CLOSED) is read as it is, not refused as a shape error', async () => {
    const snap = sim.world.addSnapshot({ groupId: g, clusterName: 'src' });
    const job = await atlas.createRestore('tenant', g, 'src', {
      snapshotId: snap.id,
      targetClusterName: 'dst',
      targetProjectId: g,
    });
    const body = { id: job.id, snapshotId: snap.id, targetDeploymentItemName: 'dst', status: 'CLOSED' };
    sim.faults.add({ operation: 'getTenantRestore', groupId: g, times: 1, action: { kind: 'body', body } });
    expect((await atlas.getRestoreJob('tenant', g, 'src', job.id)).status).toBe('CLOSED');
  });

  test('a flex call on a tenant cluster is a routing error', async () => {
    const err = await atlas.getFlexCluster(g, 'src').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AtlasApiError);
    expect((err as AtlasApiError).failureType).toBe('AtlasRouting');
  });
});
