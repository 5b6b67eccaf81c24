// The verify activity against the simulator with data (a FerretDB per target) and the real `mongodb` driver: a
// verified restore, an empty target, a partial restore, an unreachable-then-answering target, an IP access-list
// refusal, the temporary user created and deleted (and a verify that does not log in as the user it created fails),
// the user endpoint failing, and the password in no result or log line.
import type { AtlasClient, DatabaseUserRequest } from '../../atlas/client';
import type { SimDataset } from '../../simulator/datasets';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import type { Verification, VerifyRequest, VerifySettings } from '../../common/verification';
import { compareCheck } from '../../activities/verify-checks';
import { clientFor } from '../atlas/sim-client';
import { activitiesOver, failureOfActivity, patched, runActivity } from '../activities/kit';

// The simulator's clock runs with the wall clock (deleteAfterDate is checked against it), moved ahead to finish jobs.
let offset = 0;
const world = new World('current', 21);
const g = world.addProject('d4d4d4d4d4d4d4d4d4d4d4d4');
world.addCluster({ groupId: g, name: 'src', kind: 'flex' });
const DATASET: SimDataset = {
  databases: [
    {
      name: 'shop',
      collections: [
        { name: 'orders', count: 200, indexes: ['seq'] },
        { name: 'customers', count: 40 },
      ],
    },
  ],
};
const full = world.addSnapshot({ groupId: g, clusterName: 'src', dataset: DATASET });
const empty = world.addSnapshot({ groupId: g, clusterName: 'src', dataset: { databases: [] } });
let sim: AtlasSimulator;
let atlas: AtlasClient;

beforeAll(async () => {
  sim = await AtlasSimulator.start({ world, clock: () => Date.now() + offset, data: true });
  atlas = clientFor(sim);
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.stop());

let n = 0;
/** A target with a completed restore of `snapshotId` (the simulator writes the data when the job is read). */
async function restoredTarget(
  snapshotId: string,
  extra: Parameters<World['addCluster']>[0] extends infer C ? Partial<C> : never = {},
): Promise<string> {
  const name = `dst${++n}`;
  world.addCluster({ groupId: g, name, kind: 'flex', restoreDurationMs: 10_000, ...extra });
  const job = await atlas.createRestore('flex', g, 'src', { snapshotId, targetClusterName: name, targetProjectId: g });
  offset += 10_000;
  expect((await atlas.getRestoreJob('flex', g, 'src', job.id)).status).toBe('COMPLETED');
  return name;
}
const request = (target: string, settings: VerifySettings = {}): VerifyRequest => ({
  projectId: g,
  clusterName: 'src',
  targetProjectId: g,
  targetClusterName: target,
  settings: { timeout: '30s', ...settings },
});
/** The activities over a client that records every password the verify sends to Atlas. */
function recording(over: Partial<AtlasClient> = {}) {
  const passwords: string[] = [];
  const client = patched(atlas, {
    createDatabaseUser: (groupId: string, u: DatabaseUserRequest) => {
      passwords.push(u.password);
      return atlas.createDatabaseUser(groupId, u);
    },
    ...over,
  });
  return { acts: activitiesOver(client), passwords };
}
const usersOf = (op: string) => sim.calls.filter((c) => c.operation === op).map((c) => c.status);

test('a verified restore: PASSED with the manifest; the temporary user was created, used and deleted', async () => {
  const target = await restoredTarget(full.id);
  const { acts, passwords } = recording();
  const before = [usersOf('createDatabaseUser').length, usersOf('deleteDatabaseUser').length];
  const v = await runActivity(
    acts.verifyRestore,
    request(target, { collections: [{ db: 'shop', collection: 'orders', minCount: 150, indexes: ['seq_1'] }] }),
  );
  expect(v.status).toBe('PASSED');
  expect(v.manifest).toMatchObject({
    databases: 1,
    collections: 2,
    documents: 240,
    items: [
      { db: 'shop', collection: 'customers', count: 40, indexes: ['_id_'] },
      { db: 'shop', collection: 'orders', count: 200, indexes: ['_id_', 'seq_1'] },
    ],
  });
  expect(v.checks.map((c) => [c.name, c.passed])).toEqual([
    ['cluster-idle', true],
    ['target-answers', true],
    ['not-empty', true],
    ['collection shop.orders', true],
  ]);
  expect([usersOf('createDatabaseUser').length, usersOf('deleteDatabaseUser').length]).toEqual([
    before[0] + 1,
    before[1] + 1,
  ]);
  expect(world.dbUsers.size).toBe(0);
  expect(passwords).toHaveLength(1);
  expect(JSON.stringify(v)).not.toContain(passwords[0]);
});

test('an empty target fails not-empty (the Terraform #642 case), unless allowEmpty', async () => {
  const target = await restoredTarget(empty.id);
  const v = await runActivity(recording().acts.verifyRestore, request(target));
  expect(v.status).toBe('FAILED');
  expect(v.reason).toMatch(/not-empty/);
  expect(v.checks.find((c) => c.name === 'not-empty')).toMatchObject({ passed: false });
  const allowed = await runActivity(recording().acts.verifyRestore, request(target, { allowEmpty: true }));
  expect(allowed.status).toBe('PASSED');
});

test('a partial restore: the missing collection and the cut count are named', async () => {
  const target = await restoredTarget(full.id, { partialRestore: { missingCollections: 1, keepFraction: 0.5 } });
  const v = await runActivity(
    recording().acts.verifyRestore,
    request(target, {
      collections: [
        { db: 'shop', collection: 'orders', minCount: 200 },
        { db: 'shop', collection: 'customers', minCount: 1 },
      ],
    }),
  );
  expect(v.status).toBe('FAILED');
  expect(v.checks.filter((c) => !c.passed).map((c) => [c.name, c.evidence])).toEqual([
    ['collection shop.orders', 'count 100 < minCount 200'],
    ['collection shop.customers', 'missing on the target'],
  ]);
});

test('a target that answers only after a delay: polled with backoff, PASSED', async () => {
  const target = await restoredTarget(full.id, { answersAfterMs: 2_500 });
  const v = await runActivity(recording().acts.verifyRestore, request(target));
  expect(v.status).toBe('PASSED');
  // Within one attempt's server selection (5 s) or after a retry, the answer came only once the target was back.
  const evidence = v.checks.find((c) => c.name === 'target-answers')!.evidence;
  expect(Number(/after ([\d.]+)s/.exec(evidence)![1])).toBeGreaterThanOrEqual(1.5);
});

test('an IP access-list refusal: TIMED_OUT, saying so and naming the fix; the user is still deleted', async () => {
  const target = await restoredTarget(full.id, { accessListRefused: true });
  const v = await runActivity(recording().acts.verifyRestore, request(target, { timeout: '3s' }));
  expect(v.status).toBe('TIMED_OUT');
  expect(v.reason).toMatch(/IP access list of project d4d4.*Network Access > IP Access List/);
  expect(world.dbUsers.size).toBe(0);
});

test('a verify that does not log in as the user it created fails: the wire server checks the password', async () => {
  const target = await restoredTarget(full.id);
  const { acts } = recording({
    createDatabaseUser: (groupId: string, u: DatabaseUserRequest) =>
      atlas.createDatabaseUser(groupId, { ...u, password: `${u.password}-other` }),
  });
  const v = await runActivity(acts.verifyRestore, request(target, { timeout: '3s' }));
  expect(v.status).toBe('TIMED_OUT');
  expect(v.checks.find((c) => c.name === 'target-answers')!.evidence).toMatch(/refused the temporary user's login/);
});

test('the user endpoint failing (500, 429): the activity fails retryably, nothing to clean up', async () => {
  const target = await restoredTarget(full.id);
  for (const [status, errorCode] of [
    [500, 'UNEXPECTED_ERROR'],
    [429, 'RATE_LIMITED'],
  ] as const) {
    sim.faults.add({ operation: 'createDatabaseUser', times: 1, action: { kind: 'status', status, errorCode } });
    const { f } = await failureOfActivity(recording().acts.verifyRestore, request(target));
    expect(f.nonRetryable).toBe(false);
  }
  expect(world.dbUsers.size).toBe(0);
});

test('compareWithPrevious: a drop beyond maxDropPct fails, naming the collection; no previous run passes', () => {
  const manifest = (orders: number): Verification['manifest'] => ({
    databases: 1,
    collections: 1,
    documents: orders,
    items: [{ db: 'shop', collection: 'orders', count: orders, indexes: ['_id_'] }],
  });
  const previous = { workflowId: 'atlas-restore-x-dst', items: manifest(1000)!.items };
  expect(compareCheck(manifest(950)!, 10, previous)).toMatchObject({ passed: true });
  expect(compareCheck(manifest(800)!, 10, previous)).toMatchObject({
    passed: false,
    evidence: expect.stringMatching(/shop\.orders 1000 -> 800 \(-20\.0%\)/),
  });
  expect(compareCheck(manifest(800)!, 10, undefined)).toMatchObject({
    passed: true,
    evidence: expect.stringMatching(/no earlier verified restore/),
  });
});

test('a simulator without data gives no connection string: FAILED, saying so, and no user is created', async () => {
  const bare = await AtlasSimulator.start({ world, clock: () => Date.now() + offset });
  try {
    const target = await restoredTarget(full.id);
    const before = usersOf('createDatabaseUser').length;
    const v = await runActivity(activitiesOver(clientFor(bare)).verifyRestore, request(target));
    expect(v.status).toBe('FAILED');
    expect(v.reason).toMatch(/no connection string/);
    expect(usersOf('createDatabaseUser')).toHaveLength(before);
  } finally {
    await bare.stop();
  }
});
