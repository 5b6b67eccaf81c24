// Backend routing in both eras: describeCluster (Clusters API first, Flex on CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API)
// and resolveBackend (auto / tenant / flex, the fallback from a sunset tenant endpoint, dedicated sources refused).
import { AtlasApiError, AtlasRoutingError } from '../../atlas/errors';
import { describeCluster, resolveBackend } from '../../atlas/routing';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, failureOf } from './sim-client';

function makeWorld(era: 'legacy' | 'current'): { world: World; g: string } {
  const world = new World(era);
  const g = world.addProject('eeeeeeeeeeeeeeeeeeeeeee1');
  world.addCluster({ groupId: g, name: 'm2', kind: 'tenant', instanceSize: 'M2' });
  world.addCluster({ groupId: g, name: 'm5-stale', kind: 'tenant', instanceSize: 'M5', reportsAsTenant: true });
  world.addCluster({ groupId: g, name: 'flex', kind: 'flex', mongoDBVersion: '8.0.6' });
  world.addCluster({ groupId: g, name: 'm10', kind: 'dedicated', instanceSize: 'M10' });
  for (const name of ['m2', 'm5-stale', 'flex', 'm10']) world.addSnapshot({ groupId: g, clusterName: name });
  return { world, g };
}

async function routingError(p: Promise<unknown>): Promise<AtlasRoutingError> {
  const e = await failureOf(p);
  expect(e).toBeInstanceOf(AtlasRoutingError);
  expect(e).toBeInstanceOf(AtlasApiError);
  return e as AtlasRoutingError;
}

describe('legacy era (tenant endpoints live)', () => {
  const { world, g } = makeWorld('legacy');
  let sim: AtlasSimulator;
  beforeAll(async () => void (sim = await AtlasSimulator.start({ world })));
  afterEach(() => sim.faults.clear());
  afterAll(() => sim.stop());

  test('describeCluster tells tenant, Flex and dedicated apart', async () => {
    const atlas = clientFor(sim);
    expect(await describeCluster(atlas, g, 'm2')).toMatchObject({
      kind: 'tenant',
      instanceSize: 'M2',
      mongoDBMajorVersion: '8.0',
      describedBy: 'clusters-api',
    });
    expect(await describeCluster(atlas, g, 'flex')).toMatchObject({
      kind: 'flex',
      instanceSize: 'FLEX',
      mongoDBMajorVersion: '8.0',
      describedBy: 'flex-api',
    });
    expect(await describeCluster(atlas, g, 'm10')).toMatchObject({ kind: 'dedicated', instanceSize: 'M10' });
  });

  test('auto: an M2 uses the tenant API, a Flex cluster the Flex API', async () => {
    const atlas = clientFor(sim);
    const t = await resolveBackend(atlas, g, 'm2', 'auto');
    expect(t).toMatchObject({ backend: 'tenant', source: { kind: 'tenant' } });
    expect(t.evidence).toMatch(/M2.*tenant backup API answered \(1 snapshots\)/);
    const f = await resolveBackend(atlas, g, 'flex', 'auto');
    expect(f).toMatchObject({ backend: 'flex', source: { kind: 'flex' } });
    // Flex first, as the Atlas CLI's restore commands ask: one read settles a Flex cluster.
    expect(f.evidence).toContain('the Flex API describes it');
  });

  test('a dedicated source is a fatal, clear refusal', async () => {
    const e = await routingError(resolveBackend(clientFor(sim), g, 'm10', 'auto'));
    expect(e).toMatchObject({ errorCode: 'UNSUPPORTED_SOURCE_CLUSTER', failureType: 'AtlasRejected' });
    expect(e.message).toContain(
      'dedicated M10 cluster; this tool restores only from shared-tier (M2/M5) or Flex sources',
    );
  });

  test('explicit flex on an M2 is a routing error naming what would work', async () => {
    const e = await routingError(resolveBackend(clientFor(sim), g, 'm2', 'flex'));
    expect(e).toMatchObject({ errorCode: 'NOT_A_FLEX_CLUSTER', failureType: 'AtlasRouting', status: 400 });
    expect(e.message).toMatch(/CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API.*'tenant' or 'auto'/);
  });

  test('explicit tenant on a Flex cluster works before the sunset (the tenant API served Flex clusters then)', async () => {
    expect(await resolveBackend(clientFor(sim), g, 'flex', 'tenant')).toMatchObject({ backend: 'tenant' });
  });

  test('other errors pass through unchanged: not found is fatal, 429 stays retryable', async () => {
    expect(await failureOf(resolveBackend(clientFor(sim), g, 'nope', 'auto'))).toMatchObject({
      errorCode: 'CLUSTER_NOT_FOUND',
      failureType: 'AtlasRejected',
    });
    sim.faults.add({
      operation: 'listTenantSnapshots',
      times: 1,
      // Past the client's own 30 s of waiting out a read's 429s: the activity's retry takes over.
      action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: 45 },
    });
    expect(await failureOf(resolveBackend(clientFor(sim), g, 'm2', 'auto'))).toMatchObject({
      failureType: 'AtlasRateLimited',
      retryAfterS: 45,
    });
  });
});

describe.each([410, 404] as const)('current era (tenant endpoints answer %i)', (sunsetStatus) => {
  const { world, g } = makeWorld('current');
  let sim: AtlasSimulator;
  beforeAll(async () => void (sim = await AtlasSimulator.start({ world, sunsetStatus })));
  afterAll(() => sim.stop());

  test('a former M2 answers as Flex', async () => {
    const r = await resolveBackend(clientFor(sim), g, 'm2', 'auto');
    expect(r).toMatchObject({ backend: 'flex', source: { kind: 'flex', describedBy: 'flex-api' } });
  });

  test('a migrated cluster the Clusters API still calls M5 is found through the Flex API, not the sunset tenant API', async () => {
    const r = await resolveBackend(clientFor(sim), g, 'm5-stale', 'auto');
    expect(r).toMatchObject({ backend: 'flex', source: { kind: 'flex', describedBy: 'flex-api' } });
    expect(r.evidence).toBe('the Flex API describes it');
    expect(r.evidence).not.toContain(sunsetStatus === 410 ? 'VERSION_GONE' : 'RESOURCE_NOT_FOUND');
  });

  test('explicit tenant on the sunset endpoint is a clear routing error', async () => {
    const e = await routingError(resolveBackend(clientFor(sim), g, 'm5-stale', 'tenant'));
    expect(e).toMatchObject({ errorCode: 'TENANT_API_SUNSET', failureType: 'AtlasRouting', status: sunsetStatus });
    expect(e.message).toMatch(
      /tenant \(M2\/M5\) backup API is not available .*2026-01-22.*use backend 'flex' or 'auto'/,
    );
  });

  test('explicit flex works for a migrated cluster the Clusters API still calls M5', async () => {
    expect(await resolveBackend(clientFor(sim), g, 'm5-stale', 'flex')).toMatchObject({
      backend: 'flex',
      source: { kind: 'flex' },
    });
  });
});
