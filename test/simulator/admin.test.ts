// The /__sim/ control API: off by default; with admin: true it lists jobs and call counts, adds and clears fault
// rules, and adds to the world, validating every body.
import { BearerAuth } from '../../atlas/auth';
import type { OperationName } from '../../atlas/operations';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, failureOf } from '../atlas/sim-client';
import { request } from './raw';

const G = '5e0000000000000000000001';

function world(): World {
  const w = new World('legacy');
  w.addCluster({ groupId: G, name: 'src', kind: 'tenant' });
  w.addCluster({ groupId: G, name: 'dst', kind: 'tenant', restoreDurationMs: 60_000 });
  return w;
}

test('without admin: true, /__sim/ is just an unknown path', async () => {
  const sim = await AtlasSimulator.start({ world: world() });
  try {
    for (const [method, path] of [
      ['GET', '/__sim/jobs'],
      ['GET', '/__sim/calls'],
      ['DELETE', '/__sim/faults'],
    ] as const)
      expect((await request(sim.url + path, method)).status).toBe(404);
    expect((await request(`${sim.url}/__sim/faults`, 'POST', [])).status).toBe(404);
  } finally {
    await sim.stop();
  }
});

describe('with admin: true', () => {
  let sim: AtlasSimulator;
  // Atlas auth is on; the admin routes need none.
  beforeAll(
    async () =>
      void (sim = await AtlasSimulator.start({
        world: world(),
        admin: true,
        credentials: { accessTokens: [{ token: 't0k3n' }] },
      })),
  );
  afterAll(() => sim.stop());
  const admin = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
    request(sim.url + path, method, body);

  test('POST /__sim/world adds clusters and snapshots; GET /__sim/world shows them', async () => {
    const added = await admin('POST', '/__sim/world', {
      projects: [
        { id: G, clusters: [{ name: 'extra-flex', kind: 'flex', snapshots: [{ id: '5e00000000000000000000f1' }] }] },
      ],
      snapshots: [{ groupId: G, clusterName: 'src', id: '5e00000000000000000000a1' }],
    });
    expect(added).toEqual({
      status: 200,
      json: {
        clusters: [{ groupId: G, name: 'extra-flex' }],
        snapshots: [
          { id: '5e00000000000000000000f1', groupId: G, clusterName: 'extra-flex', status: 'COMPLETED' },
          { id: '5e00000000000000000000a1', groupId: G, clusterName: 'src', status: 'COMPLETED' },
        ],
      },
    });
    const shown = (await admin('GET', '/__sim/world')).json as {
      clusters: { name: string }[];
      snapshots: { id: string }[];
    };
    expect(shown.clusters.map((c) => c.name)).toEqual(['src', 'dst', 'extra-flex']);
    expect(shown.snapshots.map((s) => s.id)).toContain('5e00000000000000000000a1');
  });

  test('POST /__sim/world refuses a bad body, naming the field', async () => {
    const bad = await admin('POST', '/__sim/world', { projects: [{ id: G, clusters: [{ name: 'under_score' }] }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('projects[0].clusters[0].name');
    const unknown = await admin('POST', '/__sim/world', { snapshots: [{ groupId: G, clusterName: 'ghost' }] });
    expect(unknown).toMatchObject({ status: 400, json: { message: expect.stringContaining('unknown cluster ghost') } });
    expect((await admin('POST', '/__sim/world', '{not json')).status).toBe(400);
  });

  test('fault rules: POST adds (validated), they apply, GET lists them, DELETE clears', async () => {
    const atlas = clientFor(sim, { auth: new BearerAuth('t0k3n') });
    const rule = {
      operation: 'getCluster' as OperationName,
      groupId: G,
      times: 1,
      action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE', retryAfterS: 4 },
    };
    expect(await admin('POST', '/__sim/faults', [rule])).toEqual({ status: 200, json: { added: 1 } });
    expect(await failureOf(atlas.getCluster(G, 'src'))).toMatchObject({ status: 503, retryAfterS: 4 });
    expect((await admin('GET', '/__sim/faults')).json).toMatchObject({ rules: [{ rule, applied: 1 }] });
    const bad = await admin('POST', '/__sim/faults', [{ operation: 'getCluster', action: { kind: 'explode' } }]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('[0].action');
    await admin('POST', '/__sim/faults', [
      { operation: '*', action: { kind: 'status', status: 500, errorCode: 'UNEXPECTED_ERROR' } },
    ]);
    expect(await failureOf(atlas.getCluster(G, 'src'))).toMatchObject({ status: 500 });
    expect(await admin('DELETE', '/__sim/faults')).toEqual({ status: 200, json: { cleared: true } });
    expect((await atlas.getCluster(G, 'src')).name).toBe('src');
  });

  test('GET /__sim/jobs lists every job with target, snapshot, createdAt and status; GET /__sim/calls counts calls', async () => {
    const atlas = clientFor(sim, { auth: new BearerAuth('t0k3n') });
    const job = await atlas.createRestore('tenant', G, 'src', {
      snapshotId: '5e00000000000000000000a1',
      targetClusterName: 'dst',
      targetProjectId: G,
    });
    const { jobs } = (await admin('GET', '/__sim/jobs')).json as { jobs: Record<string, unknown>[] };
    expect(jobs).toEqual([
      {
        id: job.id,
        backend: 'tenant',
        groupId: G,
        sourceCluster: 'src',
        snapshotId: '5e00000000000000000000a1',
        targetProjectId: G,
        targetCluster: 'dst',
        createdAt: job.restoreScheduledDate,
        status: 'PENDING',
      },
    ]);
    const calls = (await admin('GET', '/__sim/calls')).json as {
      total: number;
      byOperation: Record<string, Record<string, number>>;
      faultsInjected: Record<string, number>;
    };
    expect(calls.byOperation.createTenantRestore).toEqual({ '200': 1 });
    expect(calls.byOperation.getCluster).toEqual({ '200': 1, '500': 1, '503': 1 });
    expect(calls.faultsInjected).toEqual({ '503:SERVICE_UNAVAILABLE': 1, '500:UNEXPECTED_ERROR': 1 });
    expect(calls.total).toBe(4);
    expect((await admin('GET', '/__sim/nothing')).status).toBe(404);
  });
});
