// The simulator with data: a completed restore replaces the target's data with the snapshot's dataset on a FerretDB
// that only that target sees; the description's connection string reaches it; database users created through the
// Admin API are real SCRAM users there (a wrong password is refused by the wire server); and the data faults.
import { MongoClient } from 'mongodb';
import { datasetFor } from '../../simulator/datasets';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { validatorFor } from '../atlas/openapi';
import { raw } from './raw';

const TOKEN = { authorization: 'Bearer t' };
let now = Date.parse('2026-03-01T10:00:00Z');
const world = new World('current', 9);
const g = world.addProject('a1a1a1a1a1a1a1a1a1a1a1a1');
world.addCluster({ groupId: g, name: 'src', kind: 'flex' });
world.addCluster({ groupId: g, name: 'dst', kind: 'flex', restoreDurationMs: 60_000 });
world.addCluster({
  groupId: g,
  name: 'partial',
  kind: 'flex',
  restoreDurationMs: 60_000,
  partialRestore: { missingCollections: 1, keepFraction: 0.5 },
});
world.addCluster({ groupId: g, name: 'walled', kind: 'flex', accessListRefused: true });
world.addCluster({ groupId: g, name: 'slow', kind: 'flex', restoreDurationMs: 60_000, answersAfterMs: 5_000 });
const dataset = {
  databases: [
    {
      name: 'shop',
      collections: [
        { name: 'orders', count: 120, indexes: ['seq' as const] },
        { name: 'customers', count: 30 },
      ],
    },
    { name: 'crm', collections: [{ name: 'leads', count: 5, indexes: ['tag' as const] }] },
  ],
};
const snap = world.addSnapshot({ groupId: g, clusterName: 'src', dataset }, now);
let sim: AtlasSimulator;

beforeAll(async () => {
  sim = await AtlasSimulator.start({
    world,
    credentials: { accessTokens: [{ token: 't' }] },
    clock: () => now,
    data: true,
  });
});
afterAll(() => sim.stop());

const get = async (name: string): Promise<{ standard?: string; stateName?: string }> => {
  const a = await raw(sim, 'getFlexCluster', { groupId: g, name }, { headers: TOKEN });
  expect(validatorFor('drill').response('getGroupFlexCluster', a.status, a.contentType, a.json).errors).toEqual([]);
  const j = a.json as { connectionStrings?: { standard?: string }; stateName?: string };
  return { standard: j.connectionStrings?.standard, stateName: j.stateName };
};
async function restoreInto(target: string): Promise<void> {
  const a = await raw(
    sim,
    'createFlexRestoreJob',
    { groupId: g, name: 'src' },
    { headers: TOKEN, body: { snapshotId: snap.id, targetDeploymentItemName: target, targetProjectId: g } },
  );
  expect(a.status).toBe(200);
  now += 60_000;
  const job = await raw(
    sim,
    'getFlexRestoreJob',
    { groupId: g, name: 'src', restoreJobId: (a.json as { id: string }).id },
    { headers: TOKEN },
  );
  expect((job.json as { status: string }).status).toBe('COMPLETED');
}
async function addUser(username: string, cluster: string): Promise<string> {
  const password = `pw-${username}-0123456789`;
  const a = await raw(
    sim,
    'createDatabaseUser',
    { groupId: g },
    {
      headers: TOKEN,
      body: {
        databaseName: 'admin',
        groupId: g,
        username,
        password,
        roles: [{ roleName: 'readAnyDatabase', databaseName: 'admin' }],
        scopes: [{ name: cluster, type: 'CLUSTER' }],
        deleteAfterDate: new Date(now + 3_600_000).toISOString(),
      },
    },
  );
  expect(a.status).toBe(201);
  return password;
}
const withUser = (uri: string, user: string, password: string, selectMs = 2_000): MongoClient => {
  const u = new URL(uri);
  u.username = user;
  u.password = password;
  u.searchParams.set('authSource', 'admin');
  return new MongoClient(u.toString(), { serverSelectionTimeoutMS: selectMs });
};

test('a completed restore: the target shows exactly the snapshot dataset, through a user made via the Admin API', async () => {
  await restoreInto('dst');
  const { standard } = await get('dst');
  expect(standard).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\//);
  const password = await addUser('verifyA', 'dst');
  const client = withUser(standard!, 'verifyA', password);
  try {
    const dbs = (await client.db('admin').admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);
    expect(dbs.sort()).toEqual(['admin', 'crm', 'shop']);
    expect(await client.db('shop').collection('orders').countDocuments()).toBe(120);
    expect(await client.db('shop').collection('customers').estimatedDocumentCount()).toBe(30);
    expect((await client.db('shop').collection('orders').indexes()).map((i) => i.name).sort()).toEqual([
      '_id_',
      'seq_1',
    ]);
  } finally {
    await client.close();
  }
  // A wrong password is refused by the wire server; after the Admin API delete the user cannot log in.
  const wrong = withUser(standard!, 'verifyA', 'not-the-password');
  await expect(wrong.db('admin').command({ ping: 1 })).rejects.toThrow(/Authentication failed/);
  await wrong.close();
  const del = await raw(
    sim,
    'deleteDatabaseUser',
    { groupId: g, databaseName: 'admin', username: 'verifyA' },
    { headers: TOKEN },
  );
  expect(del.status).toBe(204);
  const gone = withUser(standard!, 'verifyA', password);
  await expect(gone.db('admin').command({ ping: 1 })).rejects.toThrow(/Authentication failed/);
  await gone.close();
});

test('a partial restore: the last collection missing, the counts cut', async () => {
  await restoreInto('partial');
  const { standard } = await get('partial');
  const client = withUser(standard!, 'verifyP', await addUser('verifyP', 'partial'));
  try {
    const dbs = (await client.db('admin').admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);
    expect(dbs.sort()).toEqual(['admin', 'shop']);
    expect(await client.db('shop').collection('orders').countDocuments()).toBe(60);
  } finally {
    await client.close();
  }
});

test('an IP access-list refusal: every connection is closed on connect', async () => {
  const { standard } = await get('walled');
  const client = new MongoClient(standard!, { serverSelectionTimeoutMS: 1_000 });
  await expect(client.db('admin').command({ ping: 1 })).rejects.toThrow(/closed|reset|ECONNRESET|socket/i);
  await client.close();
});

test('a target that answers only after a delay', async () => {
  await restoreInto('slow');
  const { standard } = await get('slow');
  const password = await addUser('verifyS', 'slow');
  const early = withUser(standard!, 'verifyS', password, 300);
  try {
    await expect(early.db('admin').command({ ping: 1 })).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    await early.close();
  }
  const later = withUser(standard!, 'verifyS', password, 15_000);
  expect(await later.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  await later.close();
});

test('datasets are deterministic per snapshot id', () => {
  expect(datasetFor('0123456789abcdef01234567')).toEqual(datasetFor('0123456789abcdef01234567'));
  expect(datasetFor('0123456789abcdef01234567')).not.toEqual(datasetFor('fedcba9876543210fedcba98'));
});
