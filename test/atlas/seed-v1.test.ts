// The seed document's v1.0 call, byte for byte: its request body posted to
// /api/atlas/v1.0/groups/{groupId}/clusters/{clusterName}/backup/tenant/restore with application/json is accepted, and
// the answer has the seed's response fields. The world holds what the seed's ids point at.
import { HttpClient } from 'urllib';
import { BearerAuth } from '../../atlas/auth';
import { fillPath, OPS } from '../../atlas/operations';
import { TenantRestoreSchema } from '../../atlas/schemas';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { seedExamples } from './spec-files';
import { clientFor, manualClock } from './sim-client';

const seed = seedExamples();
const SEED_ID = String(seed.request.snapshotId);
const clock = manualClock();
const world = new World('legacy');
// The seed uses one id for the project, the target project and the snapshot, and names the target "string".
world.addProject(String(seed.request.targetProjectId));
world.addCluster({ groupId: SEED_ID, name: 'Cluster0', kind: 'tenant', instanceSize: 'M2' });
world.addCluster({
  groupId: SEED_ID,
  name: String(seed.request.targetDeploymentItemName),
  kind: 'tenant',
  restoreDurationMs: 60_000,
});
world.addSnapshot({ groupId: SEED_ID, clusterName: 'Cluster0', id: SEED_ID }, clock.now());

let sim: AtlasSimulator;
beforeAll(
  async () =>
    void (sim = await AtlasSimulator.start({
      world,
      clock: clock.now,
      credentials: { accessTokens: [{ token: 'seed-access-token' }] },
    })),
);
afterAll(() => sim.stop());

test('the seed request, as its curl sends it, is accepted on the v1.0 path; the answer has the seed fields', async () => {
  const url = sim.url + fillPath(OPS.createTenantRestoreV1.path, { groupId: SEED_ID, clusterName: 'Cluster0' });
  expect(url).toContain(`/api/atlas/v1.0/groups/${SEED_ID}/clusters/Cluster0/backup/tenant/restore`);
  // The curl sends a bearer token, Content-Type application/json, and curl's default Accept.
  const res = await new HttpClient().request<string>(url, {
    method: 'POST',
    headers: { authorization: 'Bearer seed-access-token', 'content-type': 'application/json', accept: '*/*' },
    content: JSON.stringify(seed.request),
    dataType: 'text',
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  const body = JSON.parse(res.data) as Record<string, unknown>;
  expect(TenantRestoreSchema.safeParse(body).success).toBe(true);
  expect(body).toMatchObject({
    clusterName: 'Cluster0',
    deliveryType: 'RESTORE',
    projectId: SEED_ID,
    snapshotId: SEED_ID,
    status: 'PENDING',
    targetDeploymentItemName: seed.request.targetDeploymentItemName,
    targetProjectId: seed.request.targetProjectId,
  });
  // Same fields as the seed's 200 example, except the two the spec ties to a state: restoreFinishedDate (once
  // COMPLETED) and snapshotUrl (only for deliveryType DOWNLOAD).
  const conditional = ['restoreFinishedDate', 'snapshotUrl'];
  expect(Object.keys(body).sort()).toEqual(
    Object.keys(seed.response200)
      .filter((k) => !conditional.includes(k))
      .sort(),
  );
  for (const [k, v] of Object.entries(seed.response200))
    if (!conditional.includes(k)) expect(typeof body[k]).toBe(typeof v);

  clock.advance(60_000);
  const done = await clientFor(sim, { auth: new BearerAuth('seed-access-token') }).getRestoreJob(
    'tenant',
    SEED_ID,
    'Cluster0',
    String(body.id),
  );
  expect(done.status).toBe('COMPLETED');
  expect(done.restoreFinishedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('the client sends the same call through createRestore(..., "v1"); the v1.0 path wants application/json', async () => {
  const atlas = clientFor(sim, { auth: new BearerAuth('seed-access-token') });
  const job = await atlas.createRestore(
    'tenant',
    SEED_ID,
    'Cluster0',
    { snapshotId: SEED_ID, targetClusterName: 'string', targetProjectId: SEED_ID },
    'v1',
  );
  expect(job).toMatchObject({ status: 'PENDING', snapshotId: SEED_ID, targetClusterName: 'string' });
  const call = sim.calls.filter((c) => c.operation === 'createTenantRestoreV1').at(-1)!;
  expect([call.accept, call.contentType]).toEqual(['application/json', 'application/json']);

  const wrongType = await new HttpClient().request<string>(
    sim.url + fillPath(OPS.createTenantRestoreV1.path, { groupId: SEED_ID, clusterName: 'Cluster0' }),
    {
      method: 'POST',
      headers: {
        authorization: 'Bearer seed-access-token',
        'content-type': OPS.createTenantRestore.mediaType,
        accept: 'application/json',
      },
      content: JSON.stringify(seed.request),
      dataType: 'text',
    },
  );
  expect(wrongType.status).toBe(415);
});
