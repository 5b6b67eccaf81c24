// The error model: classification rules, then each class produced by the real simulator over loopback.
import {
  AtlasApiError,
  AtlasResponseShapeError,
  classifyAtlasError,
  describeAtlasError,
  failureTypeOf,
} from '../../atlas/errors';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, failureOf } from './sim-client';

describe('classifyAtlasError', () => {
  test.each([
    [429, 'RATE_LIMITED_TOKEN_BUCKET', false, 'AtlasRateLimited'],
    [500, 'UNEXPECTED_ERROR', false, 'AtlasTransient'],
    [503, '', false, 'AtlasTransient'],
    [0, 'TIMEOUT', false, 'AtlasTransient'],
    [0, 'CONNECTION_RESET', false, 'AtlasTransient'],
    [0, 'MALFORMED_RESPONSE', false, 'AtlasTransient'],
    [400, 'TENANT_RESTORE_DESTINATION_UNAVAILABLE', true, 'AtlasTransient'],
    [409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS', true, 'AtlasConflict'],
    [400, 'CLUSTER_RESTORE_IN_PROGRESS_CANNOT_UPDATE', false, 'AtlasConflict'],
    [400, 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API', false, 'AtlasRouting'],
    [400, 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API', false, 'AtlasRouting'],
    [410, 'VERSION_GONE', true, 'AtlasRouting'],
    [404, 'RESOURCE_NOT_FOUND', true, 'AtlasRouting'],
    [404, 'RESOURCE_NOT_FOUND', false, 'AtlasRejected'],
    [404, 'CLUSTER_NOT_FOUND', true, 'AtlasRejected'],
    [409, 'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT', true, 'AtlasRejected'],
    [400, 'TENANT_RESTORE_VERSION_MISMATCH', true, 'AtlasRejected'],
    [401, 'NOT_AUTHENTICATED', false, 'AtlasAuth'],
    [401, 'INVALID_CLIENT_CREDENTIALS', false, 'AtlasAuth'],
    [403, 'USER_CANNOT_ACCESS_ORGANIZATION_OR_GROUP', false, 'AtlasAuth'],
    [403, 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API', false, 'AtlasRouting'],
  ])('%i %s (tenant path: %s) is %s', (status, code, sunsetPath, cls) => {
    expect(classifyAtlasError(status, code, sunsetPath)).toBe(cls);
  });
});

describe('describeAtlasError: the one description', () => {
  const api = (status: number, code: string, retryAfterS?: number) =>
    new AtlasApiError(status, code, 'd', 'op', retryAfterS);
  test.each([
    [api(503, 'SERVICE_UNAVAILABLE'), 'AtlasTransient', true, false, false],
    [api(0, 'TIMEOUT'), 'AtlasTransient', true, false, false],
    [api(429, 'RATE_LIMITED', 2), 'AtlasRateLimited', true, true, false],
    [api(400, 'RATE_LIMITED_TOKEN_BUCKET'), 'AtlasRateLimited', true, true, false],
    [api(409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS'), 'AtlasConflict', true, true, false],
    [api(400, 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API'), 'AtlasRouting', false, false, true],
    [api(401, 'NOT_AUTHENTICATED'), 'AtlasAuth', false, false, false],
    [api(403, 'USER_CANNOT_ACCESS_ORGANIZATION_OR_GROUP'), 'AtlasAuth', false, false, false],
    [api(404, 'CLUSTER_NOT_FOUND'), 'AtlasRejected', false, false, true],
    [new AtlasResponseShapeError('getCluster', 'stateName', 'is missing'), 'AtlasResponseShape', false, false, false],
  ])('%s → %s (retryable %s, benign %s, definite %s)', (e, type, retryable, benign, definite) => {
    expect(describeAtlasError(e)).toMatchObject({ type, retryable, benign, definite });
  });

  test('Retry-After is carried; an auth failure carries the operator hint naming the variables (names only)', () => {
    expect(describeAtlasError(api(429, 'RATE_LIMITED', 7))?.retryAfterS).toBe(7);
    const d = describeAtlasError(api(401, 'NOT_AUTHENTICATED'));
    expect(d?.hint).toMatch(
      /Atlas refused the worker's credentials \(HTTP 401\): check MONGODB_ATLAS_CLIENT_ID\/MONGODB_ATLAS_CLIENT_SECRET, or the API key/,
    );
    expect(describeAtlasError(api(404, 'CLUSTER_NOT_FOUND'))?.hint).toBeUndefined();
    expect(describeAtlasError(new Error('not from atlas'))).toBeUndefined();
  });
});

describe('against the simulator', () => {
  const world = new World('legacy');
  const g = world.addProject('bbbbbbbbbbbbbbbbbbbbbbb1');
  world.addCluster({ groupId: g, name: 'src', kind: 'tenant' });
  world.addCluster({ groupId: g, name: 'dst', kind: 'tenant', restoreDurationMs: 60_000 });
  world.addCluster({ groupId: g, name: 'busy', kind: 'tenant', stateName: 'REPAIRING' });
  world.addCluster({ groupId: g, name: 'old', kind: 'tenant', mongoDBVersion: '7.0.12' });
  world.addCluster({ groupId: g, name: 'flex', kind: 'flex' });
  world.addCluster({ groupId: g, name: 'dst2', kind: 'tenant', restoreDurationMs: 60_000 });
  const snap = world.addSnapshot({ groupId: g, clusterName: 'src' }).id;
  const partial = world.addSnapshot({ groupId: g, clusterName: 'src', status: 'RUNNING' }).id;
  const req = (target: string, snapshotId = snap) => ({ snapshotId, targetClusterName: target, targetProjectId: g });
  let sim: AtlasSimulator;
  beforeAll(async () => {
    sim = await AtlasSimulator.start({ world, rateLimit: { capacity: 1000, refillRate: 1, refillSeconds: 60 } });
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => sim.stop());
  const api = async (p: Promise<unknown>): Promise<AtlasApiError> => {
    const e = await failureOf(p);
    expect(e).toBeInstanceOf(AtlasApiError);
    return e as AtlasApiError;
  };

  test('429 with Retry-After is retryable and carries the wait (a read whose wait is past the client budget)', async () => {
    sim.faults.add({
      operation: 'getCluster',
      times: 1,
      action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: 47 },
    });
    const e = await api(clientFor(sim).getCluster(g, 'src'));
    expect(e).toMatchObject({
      status: 429,
      errorCode: 'RATE_LIMITED',
      failureType: 'AtlasRateLimited',
      retryAfterS: 47,
    });
  });

  test('a read answered 429 with a short Retry-After is asked again by the client, never sooner (issue 20)', async () => {
    sim.faults.add({
      operation: 'getCluster',
      times: 1,
      action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: 1 },
    });
    const t0 = Date.now();
    await clientFor(sim).getCluster(g, 'src');
    const calls = sim.calls.filter((c) => c.operation === 'getCluster').slice(-2);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1].atMs - calls[0].atMs).toBeGreaterThanOrEqual(1_000);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  test('5xx is retryable (503 with Retry-After too)', async () => {
    sim.faults.add({
      operation: 'getTenantSnapshot',
      times: 1,
      action: { kind: 'status', status: 500, errorCode: 'UNEXPECTED_ERROR' },
    });
    sim.faults.add({
      operation: 'getTenantSnapshot',
      times: 1,
      action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE', retryAfterS: 3 },
    });
    expect(await api(clientFor(sim).getSnapshot('tenant', g, 'src', snap))).toMatchObject({
      status: 500,
      failureType: 'AtlasTransient',
    });
    expect(await api(clientFor(sim).getSnapshot('tenant', g, 'src', snap))).toMatchObject({
      status: 503,
      failureType: 'AtlasTransient',
      retryAfterS: 3,
    });
  });

  test('a delay past the client timeout is a retryable TIMEOUT', async () => {
    sim.faults.add({ operation: 'getCluster', times: 1, action: { kind: 'delay', ms: 3_000 } });
    const started = Date.now();
    const e = await api(clientFor(sim, { timeoutMs: 300 }).getCluster(g, 'src'));
    expect(e).toMatchObject({ status: 0, errorCode: 'TIMEOUT', failureType: 'AtlasTransient' });
    // undici checks timeouts on a coarse timer: well before the 3 s answer, not exactly at 300 ms.
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  test('a connection reset is a retryable CONNECTION_RESET, and a POST is never resent by the transport', async () => {
    sim.faults.add({ operation: 'createTenantRestore', times: 1, action: { kind: 'reset' } });
    const before = sim.calls.filter((c) => c.operation === 'createTenantRestore').length;
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('dst')));
    expect(e).toMatchObject({ status: 0, errorCode: 'CONNECTION_RESET', failureType: 'AtlasTransient' });
    expect(sim.calls.filter((c) => c.operation === 'createTenantRestore').length - before).toBe(1);
    expect(world.jobsIntoTarget(g, 'dst')).toHaveLength(0);
  });

  test('malformed JSON in a 2xx is a retryable MALFORMED_RESPONSE', async () => {
    sim.faults.add({ operation: 'listTenantRestores', times: 1, action: { kind: 'malformed' } });
    expect(await api(clientFor(sim).listRestoreJobs('tenant', g, 'src'))).toMatchObject({
      errorCode: 'MALFORMED_RESPONSE',
      failureType: 'AtlasTransient',
    });
  });

  test('a body of the wrong shape is an AtlasResponseShapeError naming the field', async () => {
    sim.faults.add({
      operation: 'getTenantSnapshot',
      times: 1,
      action: { kind: 'body', body: { id: snap, status: 'CLOSED' } },
    });
    const e = await failureOf(clientFor(sim).getSnapshot('tenant', g, 'src', snap));
    expect(e).toBeInstanceOf(AtlasResponseShapeError);
    expect(e).toMatchObject({ field: 'status', failureType: 'AtlasResponseShape' });
    expect(e.message).toContain("field 'status'");
    sim.faults.add({
      operation: 'listTenantSnapshots',
      times: 1,
      action: { kind: 'body', body: { results: [{ id: snap, mongoDBVersion: 8 }] } },
    });
    expect(await failureOf(clientFor(sim).listSnapshots('tenant', g, 'src'))).toMatchObject({
      field: 'results.0.mongoDBVersion',
    });
  });

  test('500 after the job was created: retryable, and the job exists (the ambiguous outcome)', async () => {
    sim.faults.add({ operation: 'createTenantRestore', times: 1, action: { kind: 'after-commit' } });
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('dst')));
    expect(e).toMatchObject({ status: 500, failureType: 'AtlasTransient' });
    expect(world.jobsIntoTarget(g, 'dst')).toHaveLength(1);
  });

  test('after-commit with a chosen answer: our own new job answered as 409 conflict', async () => {
    sim.faults.add({
      operation: 'createTenantRestore',
      times: 1,
      action: { kind: 'after-commit', status: 409, errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS' },
    });
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('dst2')));
    expect(e).toMatchObject({
      status: 409,
      errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
      failureType: 'AtlasConflict',
    });
    expect(world.jobsIntoTarget(g, 'dst2')).toHaveLength(1);
  });

  test('409 ATLAS_CLUSTER_RESTORE_IN_PROGRESS is a conflict', async () => {
    // The previous test left a running job into dst.
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('dst')));
    expect(e).toMatchObject({
      status: 409,
      errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
      failureType: 'AtlasConflict',
    });
  });

  test('TENANT_RESTORE_DESTINATION_UNAVAILABLE is retryable', async () => {
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('busy')));
    expect(e).toMatchObject({
      status: 400,
      errorCode: 'TENANT_RESTORE_DESTINATION_UNAVAILABLE',
      failureType: 'AtlasTransient',
    });
  });

  test('wrong API for the cluster is a routing error (both directions)', async () => {
    expect(await api(clientFor(sim).getFlexCluster(g, 'src'))).toMatchObject({
      errorCode: 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
      failureType: 'AtlasRouting',
    });
    expect(await api(clientFor(sim).getCluster(g, 'flex'))).toMatchObject({
      status: 400,
      errorCode: 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
      failureType: 'AtlasRouting',
    });
  });

  test('other 4xx are fatal: not found, version mismatch, incomplete snapshot (a 409 that waiting will not fix)', async () => {
    expect(await api(clientFor(sim).getCluster(g, 'nope'))).toMatchObject({
      status: 404,
      errorCode: 'CLUSTER_NOT_FOUND',
      failureType: 'AtlasRejected',
    });
    expect(await api(clientFor(sim).createRestore('tenant', g, 'src', req('old')))).toMatchObject({
      errorCode: 'TENANT_RESTORE_VERSION_MISMATCH',
      failureType: 'AtlasRejected',
    });
    const e = await api(clientFor(sim).createRestore('tenant', g, 'src', req('old', partial)));
    expect(e).toMatchObject({
      status: 409,
      errorCode: 'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT',
      failureType: 'AtlasRejected',
    });
    expect(failureTypeOf(e)).toBe('AtlasRejected');
    expect(failureTypeOf(new Error('other'))).toBeUndefined();
  });

  test('validation errors carry badRequestDetail fields in the message', async () => {
    const e = await api(
      clientFor(sim).createRestore('tenant', g, 'src', {
        snapshotId: snap,
        targetClusterName: 'bad name!',
        targetProjectId: g,
      }),
    );
    expect(e).toMatchObject({ status: 400, errorCode: 'INVALID_ATTRIBUTE', failureType: 'AtlasRejected' });
    expect(e.message).toContain('targetDeploymentItemName');
  });

  test('the token-bucket limiter answers 429 RATE_LIMITED_TOKEN_BUCKET with Retry-After', async () => {
    const limited = await AtlasSimulator.start({ world, rateLimit: { capacity: 2, refillRate: 1, refillSeconds: 30 } });
    try {
      const atlas = clientFor(limited);
      await atlas.getCluster(g, 'src');
      await atlas.getCluster(g, 'src');
      const e = await api(atlas.getCluster(g, 'src'));
      expect(e).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED_TOKEN_BUCKET', failureType: 'AtlasRateLimited' });
      expect(e.retryAfterS).toBeGreaterThanOrEqual(29);
      expect(e.retryAfterS).toBeLessThanOrEqual(30);
      expect(e.detail).toMatch(/Please retry after \d+ seconds\. Request capacity: 2\./);
    } finally {
      await limited.stop();
    }
  });
});
