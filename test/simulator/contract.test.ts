// Contract: every answer the simulator gives, for every operation, success and error alike, validates against the
// response schema the official OpenAPI files declare for that status and media type (test/atlas/openapi.ts says how
// the files are compiled). Tenant operations are checked against the tenant subset; Flex and getCluster against both
// files. The v1.0 path is not in any spec: its 200 is checked against TenantRestore, which the only v1.0 evidence
// (the seed document) shows. Statuses a spec does not declare (410 everywhere; 400 on getGroupCluster, which Atlas does
// send for CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API; 406; 415) are checked against ApiError.
import type { OperationName } from '../../atlas/operations';
import { OPS } from '../../atlas/operations';
import { validatorFor } from '../atlas/openapi';
import type { SpecName } from '../atlas/spec-files';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import type { RawAnswer, RawOptions } from './raw';
import { raw } from './raw';

// The drill subset's operations have their own file (drill-contract.test.ts).
type DrillName = { [K in OperationName]: (typeof OPS)[K] extends { spec: 'drill' } ? K : never }[OperationName];
type Name = Exclude<OperationName, DrillName>;
const NAMES = (Object.keys(OPS) as OperationName[]).filter((n): n is Name => !('spec' in OPS[n]));
const isTenant = (n: OperationName): boolean => n.includes('Tenant');
const isCreate = (n: OperationName): boolean => OPS[n].method === 'POST';
const specsFor = (n: OperationName): SpecName[] => (isTenant(n) ? ['subset'] : ['subset', 'latest']);
const TOKEN = { authorization: 'Bearer contract-token' };

const coverage = new Map<OperationName, Set<number>>(NAMES.map((n) => [n, new Set()]));

/** Checks one answer against the spec(s) and records its status. */
function expectContract(name: OperationName, a: RawAnswer, expected: { status: number; errorCode?: string }): void {
  const where = `${name} ${a.status} ${a.text.slice(0, 200)}`;
  expect([where, a.status]).toEqual([where, expected.status]);
  const ok = a.status >= 200 && a.status < 300;
  expect([where, a.contentType]).toEqual([where, ok ? OPS[name].mediaType : 'application/json']);
  if (expected.errorCode) expect((a.json as { errorCode?: string }).errorCode).toBe(expected.errorCode);
  if (!ok) expect(a.json).toMatchObject({ error: a.status, reason: expect.any(String), detail: expect.any(String) });
  for (const spec of specsFor(name)) {
    const v = validatorFor(spec);
    const errors =
      name === 'createTenantRestoreV1'
        ? ok
          ? v.schema('TenantRestore', a.json)
          : v.schema('ApiError', a.json)
        : v.response(OPS[name].operationId, a.status, a.contentType, a.json).errors;
    expect([where, spec, errors]).toEqual([where, spec, []]);
  }
  coverage.get(name)!.add(a.status);
}

const world = new World('legacy', 11);
const g = world.addProject('fafafafafafafafafafafaf1');
const other = world.addProject('fafafafafafafafafafafaf2');
const unknownGroup = 'fafafafafafafafafafafaf9';
world.addCluster({ groupId: g, name: 'src', kind: 'tenant', instanceSize: 'M5' });
world.addCluster({ groupId: g, name: 'fsrc', kind: 'flex' });
world.addCluster({ groupId: g, name: 'm10', kind: 'dedicated', instanceSize: 'M10' });
const targets: Record<string, Parameters<World['addCluster']>[0]> = {
  ok: { groupId: g, name: 'dst', kind: 'tenant', restoreDurationMs: 3_600_000 },
  fok: { groupId: g, name: 'fdst', kind: 'flex', restoreDurationMs: 3_600_000 },
  old: { groupId: g, name: 'old', kind: 'tenant', mongoDBVersion: '7.0.2' },
  enc: { groupId: g, name: 'enc', kind: 'dedicated', encryptionAtRestProvider: 'GCP' },
  paused: { groupId: g, name: 'paused', kind: 'dedicated', paused: true },
  sharded: { groupId: g, name: 'sharded', kind: 'dedicated', clusterType: 'SHARDED' },
  busy: { groupId: g, name: 'busy', kind: 'tenant', stateName: 'REPAIRING' },
  importing: { groupId: g, name: 'importing', kind: 'dedicated', liveImport: true },
  other: { groupId: other, name: 'other-dst', kind: 'tenant', restoreDurationMs: 3_600_000 },
  // One fresh target per create operation for the 500-after-commit case.
  acTenant: { groupId: g, name: 'ac-createTenantRestore', kind: 'tenant' },
  acV1: { groupId: g, name: 'ac-createTenantRestoreV1', kind: 'tenant' },
  acFlex: { groupId: g, name: 'ac-createFlexRestoreJob', kind: 'flex' },
};
for (const t of Object.values(targets)) world.addCluster(t);
const tsnap = world.addSnapshot({ groupId: g, clusterName: 'src' }).id;
const tpartial = world.addSnapshot({ groupId: g, clusterName: 'src', status: 'QUEUED' }).id;
const fsnap = world.addSnapshot({ groupId: g, clusterName: 'fsrc' }).id;
const fpartial = world.addSnapshot({ groupId: g, clusterName: 'fsrc', status: 'FAILED' }).id;

const credentials = { accessTokens: [{ token: 'contract-token' }] };
let sim: AtlasSimulator;
let current: AtlasSimulator;
let current404: AtlasSimulator;
const jobIds: Partial<Record<'tenant' | 'flex', string>> = {};

beforeAll(async () => {
  sim = await AtlasSimulator.start({
    world,
    credentials,
    rateLimit: { capacity: 10_000, refillRate: 100, refillSeconds: 1 },
  });
  // The current era: same clusters, tenant endpoints sunset (410 VERSION_GONE, or 404 in the other variant).
  const mirror = (): World =>
    Object.assign(new World('current'), {
      projects: world.projects,
      clusters: world.clusters,
      snapshots: world.snapshots,
    });
  current = await AtlasSimulator.start({ world: mirror(), credentials });
  current404 = await AtlasSimulator.start({ world: mirror(), credentials, sunsetStatus: 404 });
});
afterEach(() => sim.faults.clear());
afterAll(async () => {
  await Promise.all([sim.stop(), current.stop(), current404.stop()]);
});

/** Path parameters and a body that succeed, for each operation. */
function good(name: Name): { params: Record<string, string>; body?: unknown } {
  const tenant = { groupId: g, clusterName: 'src' };
  const flex = { groupId: g, name: 'fsrc' };
  switch (name) {
    case 'getCluster':
      return { params: tenant };
    case 'getFlexCluster':
    case 'listFlexRestoreJobs':
    case 'listFlexSnapshots':
      return { params: flex };
    case 'createTenantRestore':
    case 'createTenantRestoreV1':
      return {
        params: tenant,
        body: {
          snapshotId: tsnap,
          targetDeploymentItemName: name === 'createTenantRestore' ? 'dst' : 'other-dst',
          targetProjectId: name === 'createTenantRestore' ? g : other,
        },
      };
    case 'createFlexRestoreJob':
      return { params: flex, body: { snapshotId: fsnap, targetDeploymentItemName: 'fdst', targetProjectId: g } };
    case 'getTenantRestore':
      return { params: { ...tenant, restoreId: jobIds.tenant! } };
    case 'getFlexRestoreJob':
      return { params: { ...flex, restoreJobId: jobIds.flex! } };
    case 'listTenantRestores':
    case 'listTenantSnapshots':
      return { params: tenant };
    case 'getTenantSnapshot':
      return { params: { ...tenant, snapshotId: tsnap } };
    case 'getFlexSnapshot':
      return { params: { ...flex, snapshotId: fsnap } };
  }
}
const call = (
  s: AtlasSimulator,
  name: Name,
  o: RawOptions & { params?: Record<string, string> } = {},
): Promise<RawAnswer> => {
  const base = good(name);
  return raw(s, name, o.params ?? base.params, { body: base.body, ...o, headers: { ...TOKEN, ...o.headers } });
};

// Creates first, so the get/list operations have jobs to show.
const ORDER = [...NAMES.filter(isCreate), ...NAMES.filter((n) => !isCreate(n))];

describe.each(ORDER)('%s', (name) => {
  test('200, with RateLimit headers', async () => {
    const a = await call(sim, name);
    expectContract(name, a, { status: 200 });
    expect(a.headers['ratelimit-limit']).toBe('10000');
    expect(Number(a.headers['ratelimit-remaining'])).toBeGreaterThan(0);
    if (name === 'createTenantRestore') jobIds.tenant = (a.json as { id: string }).id;
    if (name === 'createFlexRestoreJob') jobIds.flex = (a.json as { id: string }).id;
  });

  test('400 invalid group id, 401 without credentials, 404 unknown group', async () => {
    const p = good(name).params;
    expectContract(name, await call(sim, name, { params: { ...p, groupId: 'not-a-group' } }), {
      status: 400,
      errorCode: 'INVALID_GROUP_ID',
    });
    const anonymous = await raw(sim, name, p, { body: good(name).body });
    expectContract(name, anonymous, { status: 401, errorCode: 'NOT_AUTHENTICATED' });
    expect(String(anonymous.headers['www-authenticate'])).toMatch(/^Digest realm="MMS Public API", .*qop="auth"/);
    expectContract(name, await call(sim, name, { params: { ...p, groupId: unknownGroup } }), {
      status: 404,
      errorCode: 'GROUP_NOT_FOUND',
    });
    const missing = { ...p, ...(p.clusterName ? { clusterName: 'nope' } : { name: 'nope' }) };
    expectContract(name, await call(sim, name, { params: missing }), { status: 404, errorCode: 'CLUSTER_NOT_FOUND' });
  });

  test('429 with Retry-After, 500, 503', async () => {
    sim.faults.add({
      operation: name,
      times: 1,
      action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED_TOKEN_BUCKET', retryAfterS: 7 },
    });
    const limited = await call(sim, name);
    expectContract(name, limited, { status: 429, errorCode: 'RATE_LIMITED_TOKEN_BUCKET' });
    expect(limited.headers['retry-after']).toBe('7');
    sim.faults.add({
      operation: name,
      times: 1,
      action: { kind: 'status', status: 500, errorCode: 'UNEXPECTED_ERROR' },
    });
    expectContract(name, await call(sim, name), { status: 500, errorCode: 'UNEXPECTED_ERROR' });
    sim.faults.add({
      operation: name,
      times: 1,
      action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE', retryAfterS: 2 },
    });
    expectContract(name, await call(sim, name), { status: 503, errorCode: 'SERVICE_UNAVAILABLE' });
  });

  test('wrong media type: 406 (Accept), 415 (Content-Type on POST)', async () => {
    const accept =
      OPS[name].mediaType === 'application/json' ? 'application/xml' : 'application/vnd.atlas.2099-01-01+json';
    expectContract(name, await call(sim, name, { headers: { accept } }), {
      status: 406,
      errorCode: 'INVALID_VERSION_DATE',
    });
    if (isCreate(name))
      expectContract(name, await call(sim, name, { headers: { 'content-type': 'text/plain' } }), {
        status: 415,
        errorCode: 'UNSUPPORTED_MEDIA_TYPE',
      });
  });

  if (isTenant(name))
    test('current era: 410 VERSION_GONE (or 404 RESOURCE_NOT_FOUND)', async () => {
      expectContract(name, await call(current, name), { status: 410, errorCode: 'VERSION_GONE' });
      expectContract(name, await call(current404, name), { status: 404, errorCode: 'RESOURCE_NOT_FOUND' });
    });
});

describe('operation-specific answers', () => {
  test('getCluster: dedicated (AWS region), a former M2 in the current era (400, undeclared), a stale M2', async () => {
    expectContract('getCluster', await call(sim, 'getCluster', { params: { groupId: g, clusterName: 'm10' } }), {
      status: 200,
    });
    expectContract('getCluster', await call(sim, 'getCluster', { params: { groupId: g, clusterName: 'fsrc' } }), {
      status: 400,
      errorCode: 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    });
    expectContract('getCluster', await call(current, 'getCluster'), {
      status: 400,
      errorCode: 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
    });
    expectContract('getFlexCluster', await call(current, 'getFlexCluster', { params: { groupId: g, name: 'src' } }), {
      status: 200,
    });
  });

  test('Flex operations on a non-Flex cluster: 400 CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API', async () => {
    for (const name of NAMES.filter((n) => n.includes('Flex')))
      expectContract(name, await call(sim, name, { params: { ...good(name).params, name: 'src' } }), {
        status: 400,
        errorCode: 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
      });
  });

  test('unknown restore jobs and snapshots: 404', async () => {
    const id = '0123456789abcdef01234567';
    expectContract(
      'getTenantRestore',
      await call(sim, 'getTenantRestore', { params: { groupId: g, clusterName: 'src', restoreId: id } }),
      { status: 404, errorCode: 'TENANT_RESTORE_NOT_FOUND' },
    );
    expectContract(
      'getFlexRestoreJob',
      await call(sim, 'getFlexRestoreJob', { params: { groupId: g, name: 'fsrc', restoreJobId: id } }),
      { status: 404, errorCode: 'RESTORE_JOB_NOT_FOUND' },
    );
    expectContract(
      'getTenantSnapshot',
      await call(sim, 'getTenantSnapshot', { params: { groupId: g, clusterName: 'src', snapshotId: id } }),
      { status: 404, errorCode: 'TENANT_SNAPSHOT_NOT_FOUND' },
    );
    expectContract(
      'getFlexSnapshot',
      await call(sim, 'getFlexSnapshot', { params: { groupId: g, name: 'fsrc', snapshotId: id } }),
      { status: 404, errorCode: 'SNAPSHOT_NOT_FOUND' },
    );
  });

  test('lists: pages, includeCount=false, bad paging parameters (400)', async () => {
    for (const name of [
      'listTenantSnapshots',
      'listFlexSnapshots',
      'listTenantRestores',
      'listFlexRestoreJobs',
    ] as const) {
      const page2 = await call(sim, name, { query: { pageNum: 2, itemsPerPage: 1 } });
      expectContract(name, page2, { status: 200 });
      expect((page2.json as { results: unknown[] }).results.length).toBeLessThanOrEqual(1);
      const noCount = await call(sim, name, { query: { includeCount: 'false' } });
      expectContract(name, noCount, { status: 200 });
      expect(noCount.json).not.toHaveProperty('totalCount');
      expectContract(name, await call(sim, name, { query: { itemsPerPage: 501 } }), {
        status: 400,
        errorCode: 'INVALID_ATTRIBUTE',
      });
    }
  });

  test.each(['createTenantRestore', 'createTenantRestoreV1', 'createFlexRestoreJob'] as const)(
    '%s: every rule of the seed document',
    async (name) => {
      const p = good(name).params;
      const snapshotId = name === 'createFlexRestoreJob' ? fsnap : tsnap;
      const post = (body: unknown, text?: string) => call(sim, name, { params: p, body, text });
      const to = (target: string, extra: Record<string, unknown> = {}) =>
        post({ snapshotId, targetDeploymentItemName: target, targetProjectId: g, ...extra });
      expectContract(name, await post({ targetDeploymentItemName: 'dst' }), {
        status: 400,
        errorCode: 'MISSING_ATTRIBUTE',
      });
      expectContract(name, await post(undefined, '{"snapshotId": '), { status: 400, errorCode: 'MALFORMED_JSON' });
      expectContract(name, await post(['not', 'an', 'object']), { status: 400, errorCode: 'INVALID_JSON' });
      expectContract(name, await to('bad name!'), { status: 400, errorCode: 'INVALID_ATTRIBUTE' });
      expectContract(name, await to('dst', { snapshotId: 'zz' }), { status: 400, errorCode: 'INVALID_ATTRIBUTE' });
      expectContract(name, await to('dst', { snapshotId: '0123456789abcdef01234567' }), { status: 404 });
      const partial = name === 'createFlexRestoreJob' ? fpartial : tpartial;
      expectContract(name, await to('dst', { snapshotId: partial }), {
        status: 409,
        errorCode: 'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT',
      });
      expectContract(name, await to('dst', { targetProjectId: unknownGroup }), {
        status: 404,
        errorCode: 'GROUP_NOT_FOUND',
      });
      expectContract(name, await to('ghost'), { status: 404, errorCode: 'CLUSTER_NOT_FOUND' });
      expectContract(name, await to('old'), { status: 400, errorCode: 'TENANT_RESTORE_VERSION_MISMATCH' });
      expectContract(name, await to('enc'), { status: 400, errorCode: 'TENANT_RESTORE_DESTINATION_ENCRYPTION' });
      expectContract(name, await to('paused'), { status: 400, errorCode: 'CLUSTER_PAUSED_CANNOT_RESTORE' });
      expectContract(name, await to('sharded'), { status: 400, errorCode: 'TENANT_RESTORE_INCOMPATIBLE_TOPOLOGY' });
      expectContract(name, await to('importing'), {
        status: 400,
        errorCode: 'CANNOT_PERFORM_RESTORE_ON_CLUSTER_WITH_RUNNING_LIVE_IMPORT',
      });
      expectContract(name, await to('busy'), { status: 400, errorCode: 'TENANT_RESTORE_DESTINATION_UNAVAILABLE' });
      // The 200 tests left a running restore into each good target.
      const running =
        name === 'createFlexRestoreJob'
          ? to('fdst')
          : name === 'createTenantRestore'
            ? to('dst')
            : to('other-dst', { targetProjectId: other });
      expectContract(name, await running, { status: 409, errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS' });
      // 500 after the job was created: the body is an ApiError, and the job exists.
      sim.faults.add({ operation: name, times: 1, action: { kind: 'after-commit' } });
      const before = world.jobs.size;
      expectContract(name, await to(`ac-${name}`), { status: 500, errorCode: 'UNEXPECTED_ERROR' });
      expect(world.jobs.size).toBe(before + 1);
    },
  );

  test('a role without Project Owner: 401 USER_UNAUTHORIZED', async () => {
    const ro = await AtlasSimulator.start({
      world,
      credentials: { accessTokens: [{ token: 'contract-token', role: 'GROUP_READ_ONLY' }] },
    });
    try {
      expectContract('createTenantRestore', await call(ro, 'createTenantRestore'), {
        status: 401,
        errorCode: 'USER_UNAUTHORIZED',
      });
      expectContract('getTenantSnapshot', await call(ro, 'getTenantSnapshot'), { status: 200 });
    } finally {
      await ro.stop();
    }
  });

  test('the token-bucket limiter: 429 RATE_LIMITED_TOKEN_BUCKET with Retry-After and RateLimit headers', async () => {
    const small = await AtlasSimulator.start({
      world,
      credentials,
      rateLimit: { capacity: 1, refillRate: 1, refillSeconds: 20 },
    });
    try {
      expectContract('getFlexCluster', await call(small, 'getFlexCluster'), { status: 200 });
      const a = await call(small, 'getFlexCluster');
      expectContract('getFlexCluster', a, { status: 429, errorCode: 'RATE_LIMITED_TOKEN_BUCKET' });
      expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(19);
      expect([a.headers['ratelimit-limit'], a.headers['ratelimit-remaining']]).toEqual(['1', '0']);
    } finally {
      await small.stop();
    }
  });
});

test('coverage: every operation answered 200, 400, 401, 404, 429 and 500; creates 409; tenant operations 410', () => {
  for (const name of NAMES) {
    const want = [200, 400, 401, 404, 429, 500, ...(isCreate(name) ? [409] : []), ...(isTenant(name) ? [410] : [])];
    expect([name, want.filter((s) => !coverage.get(name)!.has(s))]).toEqual([name, []]);
  }
});
