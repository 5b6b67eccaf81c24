// The drill subset's operations through the real client: exact media types (2023-01-01 for users, 2024-11-13 for
// Flex), 201/204 answers parsed, errors classified, and the password sent only in the create body.
import type { CallRecord } from '../../atlas/http';
import { AtlasApiError } from '../../atlas/errors';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, failureOf, manualClock } from './sim-client';

const clock = manualClock();
const world = new World('current', 3);
const g = world.addProject('bcbcbcbcbcbcbcbcbcbcbcbc');
world.addCluster({ groupId: g, name: 'dst', kind: 'flex' });
let sim: AtlasSimulator;
const calls: CallRecord[] = [];

beforeAll(async () => {
  sim = await AtlasSimulator.start({ world, clock: clock.now });
});
afterAll(() => sim.stop());

test('database user: create (password in the body only), delete 204, a second delete 404', async () => {
  const atlas = clientFor(sim, { calls });
  const mark = sim.callMark();
  const u = await atlas.createDatabaseUser(g, {
    username: 'arverify1',
    password: 'p4ssw0rd-long-enough',
    roles: [{ roleName: 'readAnyDatabase', databaseName: 'admin' }],
    scopes: [{ name: 'dst', type: 'CLUSTER' }],
    deleteAfterDate: new Date(clock.now() + 3 * 3_600_000).toISOString(),
  });
  expect(u).toMatchObject({ username: 'arverify1', databaseName: 'admin', scopes: [{ name: 'dst', type: 'CLUSTER' }] });
  expect(JSON.stringify(u)).not.toContain('p4ssw0rd');
  await atlas.deleteDatabaseUser(g, 'arverify1');
  const e = await failureOf(atlas.deleteDatabaseUser(g, 'arverify1'));
  expect(e).toBeInstanceOf(AtlasApiError);
  expect((e as AtlasApiError).status).toBe(404);
  const seen = sim.callsSince(mark).map((c) => [c.operation, c.status, c.accept, c.contentType]);
  expect(seen).toEqual([
    ['createDatabaseUser', 201, 'application/vnd.atlas.2023-01-01+json', 'application/vnd.atlas.2023-01-01+json'],
    ['deleteDatabaseUser', 204, 'application/vnd.atlas.2023-01-01+json', undefined],
    ['deleteDatabaseUser', 404, 'application/vnd.atlas.2023-01-01+json', undefined],
  ]);
});

test('Flex cluster: create 201 CREATING, list, get IDLE, delete 204, then 404', async () => {
  const atlas = clientFor(sim);
  const c = await atlas.createFlexCluster(g, {
    name: 'drill-dst-202603011200',
    providerSettings: { backingProviderName: 'AWS', regionName: 'US_EAST_1' },
    terminationProtectionEnabled: false,
    tags: [{ key: 'atlas-restore-drill', value: 'nightly' }],
  });
  expect(c).toMatchObject({ name: 'drill-dst-202603011200', stateName: 'CREATING' });
  expect((await atlas.listFlexClusters(g)).map((x) => x.name)).toContain('drill-dst-202603011200');
  clock.advance(world.flexCreateMs);
  expect((await atlas.getFlexCluster(g, 'drill-dst-202603011200')).stateName).toBe('IDLE');
  await atlas.deleteFlexCluster(g, 'drill-dst-202603011200');
  clock.advance(world.flexDeleteMs);
  const e = await failureOf(atlas.getFlexCluster(g, 'drill-dst-202603011200'));
  expect([(e as AtlasApiError).status, (e as AtlasApiError).errorCode]).toEqual([404, 'CLUSTER_NOT_FOUND']);
});
