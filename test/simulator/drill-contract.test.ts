// Contract of the drill subset's operations (database users, Flex cluster create/list/delete): every answer, success
// and error, validates against ../shared/atlas/atlas-admin-api.drill-subset.openapi.json for its status and media
// type, as contract.test.ts does for the restore operations. No data plane here: no FerretDB is started.
import type { OperationName } from '../../atlas/operations';
import { OPS } from '../../atlas/operations';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { validatorFor } from '../atlas/openapi';
import type { RawAnswer } from './raw';
import { raw } from './raw';

const TOKEN = { authorization: 'Bearer contract-token' };
const spec = validatorFor('drill');

function expectContract(name: OperationName, a: RawAnswer, expected: { status: number; errorCode?: string }): void {
  const where = `${name} ${a.status} ${a.text.slice(0, 200)}`;
  expect([where, a.status]).toEqual([where, expected.status]);
  if (expected.errorCode) expect((a.json as { errorCode?: string }).errorCode).toBe(expected.errorCode);
  if (a.status === 204) {
    // No Content: no body, and the spec declares exactly that.
    expect(a.text).toBe('');
    const op = spec.operation(OPS[name].operationId)!;
    expect(Object.keys(spec.doc.paths[op.path][op.method].responses ?? {})).toContain('204');
    return;
  }
  const ok = a.status >= 200 && a.status < 300;
  expect([where, a.contentType]).toEqual([where, ok ? OPS[name].mediaType : 'application/json']);
  if (!ok) expect(a.json).toMatchObject({ error: a.status, reason: expect.any(String), detail: expect.any(String) });
  const errors = spec.response(OPS[name].operationId, a.status, a.contentType, a.json).errors;
  expect([where, errors]).toEqual([where, []]);
}

let now = Date.parse('2026-03-01T10:00:00Z');
const world = new World('current', 5);
const g = world.addProject('abababababababababababab');
const small = world.addProject('cdcdcdcdcdcdcdcdcdcdcdcd');
world.addCluster({ groupId: g, name: 'target', kind: 'flex' });
let sim: AtlasSimulator;

beforeAll(async () => {
  sim = await AtlasSimulator.start({
    world,
    credentials: { accessTokens: [{ token: 'contract-token' }] },
    clock: () => now,
  });
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.stop());

const call = (name: OperationName, params: Record<string, string>, body?: unknown, headers = TOKEN) =>
  raw(sim, name, params, { body, headers });
const inAnHour = () => new Date(now + 3_600_000).toISOString();
const user = (username: string, extra: Record<string, unknown> = {}) => ({
  databaseName: 'admin',
  groupId: g,
  username,
  password: 'a-long-password-1',
  roles: [{ roleName: 'readAnyDatabase', databaseName: 'admin' }],
  scopes: [{ name: 'target', type: 'CLUSTER' }],
  deleteAfterDate: inAnHour(),
  ...extra,
});
const flex = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
  terminationProtectionEnabled: false,
  tags: [{ key: 'atlas-restore-drill', value: 'nightly' }],
  ...extra,
});

describe('database users', () => {
  test('create 201 (no password in the answer), get 200, delete 204, then 404', async () => {
    const created = await call('createDatabaseUser', { groupId: g }, user('verify1'));
    expectContract('createDatabaseUser', created, { status: 201 });
    expect(created.text).not.toContain('a-long-password-1');
    expect(created.json).toMatchObject({ username: 'verify1', scopes: [{ name: 'target', type: 'CLUSTER' }] });
    const p = { groupId: g, databaseName: 'admin', username: 'verify1' };
    expectContract('getDatabaseUser', await call('getDatabaseUser', p), { status: 200 });
    expectContract('deleteDatabaseUser', await call('deleteDatabaseUser', p), { status: 204 });
    expectContract('getDatabaseUser', await call('getDatabaseUser', p), { status: 404 });
    expectContract('deleteDatabaseUser', await call('deleteDatabaseUser', p), { status: 404 });
  });

  test('400s: missing attribute, short password, deleteAfterDate past or beyond a week; 409 duplicate', async () => {
    const { roles: _r, ...noRoles } = user('verify2');
    expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, noRoles), {
      status: 400,
      errorCode: 'MISSING_ATTRIBUTE',
    });
    for (const extra of [
      { password: 'short' },
      { deleteAfterDate: new Date(now - 1_000).toISOString() },
      { deleteAfterDate: new Date(now + 8 * 86_400_000).toISOString() },
      { username: 'has-dash' },
    ])
      expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('verify2', extra)), {
        status: 400,
        errorCode: 'INVALID_ATTRIBUTE',
      });
    expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('verify2')), {
      status: 201,
    });
    expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('verify2')), {
      status: 409,
      errorCode: 'USER_ALREADY_EXISTS',
    });
  });

  test('Atlas removes a user at its deleteAfterDate', async () => {
    expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('expiring')), {
      status: 201,
    });
    now += 3_600_000 + 1_000;
    expectContract(
      'getDatabaseUser',
      await call('getDatabaseUser', { groupId: g, databaseName: 'admin', username: 'expiring' }),
      { status: 404 },
    );
  });

  test('401 anonymous, 404 unknown group, 429 and 500 injected', async () => {
    expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('x1'), {} as never), {
      status: 401,
    });
    expectContract(
      'createDatabaseUser',
      await call('createDatabaseUser', { groupId: 'efefefefefefefefefefefef' }, user('x1')),
      { status: 404, errorCode: 'GROUP_NOT_FOUND' },
    );
    for (const [status, errorCode] of [
      [429, 'RATE_LIMITED'],
      [500, 'UNEXPECTED_ERROR'],
    ] as const) {
      sim.faults.add({ operation: 'createDatabaseUser', times: 1, action: { kind: 'status', status, errorCode } });
      expectContract('createDatabaseUser', await call('createDatabaseUser', { groupId: g }, user('x1')), {
        status,
        errorCode,
      });
    }
  });
});

describe('Flex clusters', () => {
  test('create 201 CREATING, get/list, IDLE after the create time, delete 204, DELETING, then 404', async () => {
    const created = await call('createFlexCluster', { groupId: g }, flex('drill-a'));
    expectContract('createFlexCluster', created, { status: 201 });
    expect(created.json).toMatchObject({ name: 'drill-a', stateName: 'CREATING', tags: flex('x').tags });
    const p = { groupId: g, name: 'drill-a' };
    now += world.flexCreateMs;
    const got = await call('getFlexCluster', p);
    expectContract('getFlexCluster', got, { status: 200 });
    expect(got.json).toMatchObject({ stateName: 'IDLE' });
    const list = await call('listFlexClusters', { groupId: g });
    expectContract('listFlexClusters', list, { status: 200 });
    expect((list.json as { results: { name: string }[] }).results.map((c) => c.name)).toContain('drill-a');
    expectContract('deleteFlexCluster', await call('deleteFlexCluster', p), { status: 204 });
    const deleting = await call('getFlexCluster', p);
    expectContract('getFlexCluster', deleting, { status: 200 });
    expect(deleting.json).toMatchObject({ stateName: 'DELETING' });
    now += world.flexDeleteMs;
    expectContract('getFlexCluster', await call('getFlexCluster', p), { status: 404, errorCode: 'CLUSTER_NOT_FOUND' });
    expectContract('deleteFlexCluster', await call('deleteFlexCluster', p), { status: 404 });
  });

  test('400 bad name / missing provider, 409 duplicate name', async () => {
    expectContract('createFlexCluster', await call('createFlexCluster', { groupId: g }, flex('bad name')), {
      status: 400,
      errorCode: 'INVALID_ATTRIBUTE',
    });
    expectContract('createFlexCluster', await call('createFlexCluster', { groupId: g }, { name: 'np' }), {
      status: 400,
      errorCode: 'MISSING_ATTRIBUTE',
    });
    expectContract('createFlexCluster', await call('createFlexCluster', { groupId: g }, flex('target')), {
      status: 409,
      errorCode: 'DUPLICATE_CLUSTER_NAME',
    });
  });

  test('faults: create 500 after doing the work, delete failing for a while, the project cluster limit', async () => {
    sim.faults.add({ operation: 'createFlexCluster', times: 1, action: { kind: 'after-commit' } });
    expectContract('createFlexCluster', await call('createFlexCluster', { groupId: g }, flex('drill-b')), {
      status: 500,
      errorCode: 'UNEXPECTED_ERROR',
    });
    expect(world.cluster(g, 'drill-b')).toBeDefined();
    sim.faults.add({
      operation: 'deleteFlexCluster',
      times: 2,
      action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE' },
    });
    const p = { groupId: g, name: 'drill-b' };
    for (let i = 0; i < 2; i++)
      expectContract('deleteFlexCluster', await call('deleteFlexCluster', p), { status: 503 });
    expectContract('deleteFlexCluster', await call('deleteFlexCluster', p), { status: 204 });

    world.maxClustersPerProject = 1;
    try {
      expectContract('createFlexCluster', await call('createFlexCluster', { groupId: small }, flex('one')), {
        status: 201,
      });
      expectContract('createFlexCluster', await call('createFlexCluster', { groupId: small }, flex('two')), {
        status: 400,
        errorCode: 'TOO_MANY_CLUSTERS',
      });
    } finally {
      world.maxClustersPerProject = 25;
    }
  });

  test('a restore into a cluster still CREATING is refused', async () => {
    world.addCluster({ groupId: g, name: 'src', kind: 'flex' });
    const snap = world.addSnapshot({ groupId: g, clusterName: 'src' }, now);
    expectContract('createFlexCluster', await call('createFlexCluster', { groupId: g }, flex('fresh')), {
      status: 201,
    });
    const a = await call(
      'createFlexRestoreJob',
      { groupId: g, name: 'src' },
      { snapshotId: snap.id, targetDeploymentItemName: 'fresh', targetProjectId: g },
    );
    expect([a.status, (a.json as { errorCode: string }).errorCode]).toEqual([
      400,
      'TENANT_RESTORE_DESTINATION_UNAVAILABLE',
    ]);
  });
});
