// The verify step in the restore workflow, end to end: dev server, the real worker and activities, the simulator
// with data (a FerretDB per target) and the real driver. A verified restore, an empty target (VERIFY_FAILED, exit 7,
// rollbackOnFailure not applied), a compareWithPrevious drop found through visibility, a restore without `verify`
// (verified by default), `verify: false` (SKIPPED, saying why), the verify step after a rollback restore, and the
// temporary user's password in no history.
import { restoreResultOf } from '../../client/result';
import { exitCodeFor } from '../../common/exit-codes';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import type { SimDbUser } from '../../simulator/world';
import { restoreWorkflow } from '../../workflows';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addPair } from '../helpers/world';
import { restoreWorkflowId } from '../../common/input';

let h: Stack;
const passwords: string[] = [];
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { data: true } });
  // The simulator holds each temporary user's password in memory: collect them, to look for them in histories.
  const users = h.sim.world.dbUsers;
  const set = users.set.bind(users);
  users.set = (k: string, u: SimDbUser) => {
    passwords.push(u.password);
    return set(k, u);
  };
});
afterAll(() => h?.close());

const run = async (input: RestoreInput): Promise<{ r: RestoreResult; history: string }> => {
  const handle = await h.env.client.workflow.start(restoreWorkflow, {
    taskQueue: h.taskQueue,
    workflowId: restoreWorkflowId(input),
    args: [input],
  });
  const r = await restoreResultOf(handle);
  return { r, history: JSON.stringify(await handle.fetchHistory()) };
};
const DATA = {
  databases: [
    {
      name: 'shop',
      collections: [
        { name: 'orders', count: 100, indexes: ['seq' as const] },
        { name: 'customers', count: 20 },
      ],
    },
  ],
};

test('a verified restore: COMPLETED, verification PASSED with the manifest; the password is in no history', async () => {
  const p = addPair(h.sim.world, { kind: 'flex', restoreMs: 2_000 });
  h.sim.world.snapshots.get(p.snapshotId)!.dataset = DATA;
  const before = passwords.length;
  const { r, history } = await run({
    ...p.input,
    verify: { timeout: '1m', collections: [{ db: 'shop', collection: 'orders', minCount: 100, indexes: ['seq_1'] }] },
  });
  expect(r.outcome).toBe('COMPLETED');
  expect(r.verification).toMatchObject({
    status: 'PASSED',
    manifest: { databases: 1, collections: 2, documents: 120 },
  });
  expect(r.verification!.checks.every((c) => c.passed)).toBe(true);
  expect(r.audit.map((e) => e.type)).toContain('verified');
  expect(passwords.length).toBe(before + 1);
  expect(history).not.toContain(passwords[before]);
  expect(h.sim.world.dbUsers.size).toBe(0);
});

test('an empty target: VERIFY_FAILED (exit 7), the reason names the check; rollbackOnFailure does not apply', async () => {
  const p = addPair(h.sim.world, { kind: 'flex', restoreMs: 2_000 });
  h.sim.world.snapshots.get(p.snapshotId)!.dataset = { databases: [] };
  const { r } = await run({ ...p.input, verify: { timeout: '1m' }, rollbackOnFailure: true });
  expect(r.outcome).toBe('VERIFY_FAILED');
  expect(exitCodeFor(r.outcome)).toBe(7);
  expect(r.verification?.status).toBe('FAILED');
  expect(r.reason).toMatch(/not-empty/);
  expect(r.reason).toMatch(/the target keeps the restored data \(rollbackOnFailure does not apply to VERIFY_FAILED\)/);
  expect(r.compensations).toEqual([]);
  // One restore job only: no rollback restore was started.
  expect(h.sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(1);
});

test('compareWithPrevious: a later restore of the same source with fewer documents fails, naming the drop', async () => {
  const p = addPair(h.sim.world, { kind: 'flex', restoreMs: 2_000 });
  h.sim.world.snapshots.get(p.snapshotId)!.dataset = DATA;
  const first = await run({ ...p.input, verify: { timeout: '1m', compareWithPrevious: { maxDropPct: 10 } } });
  expect(first.r.verification?.checks.find((c) => c.name === 'compare-with-previous')).toMatchObject({
    passed: true,
    evidence: expect.stringMatching(/no earlier verified restore/),
  });
  // A newer snapshot of the same source that lost half the orders, restored into another target.
  const smaller = h.sim.world.addSnapshot({
    groupId: p.projectId,
    clusterName: p.source.name,
    dataset: {
      databases: [
        {
          name: 'shop',
          collections: [
            { name: 'orders', count: 50 },
            { name: 'customers', count: 20 },
          ],
        },
      ],
    },
  });
  const other = h.sim.world.addCluster({
    groupId: p.projectId,
    name: `${p.target.name}-b`,
    kind: 'flex',
    restoreDurationMs: 2_000,
  });
  // Visibility may take a moment to show the first run as COMPLETED.
  await new Promise((res) => setTimeout(res, 1_500));
  const second = await run({
    ...p.input,
    snapshotId: smaller.id,
    targetClusterName: other.name,
    verify: { timeout: '1m', compareWithPrevious: { maxDropPct: 10 } },
  });
  expect(second.r.outcome).toBe('VERIFY_FAILED');
  expect(second.r.verification?.checks.find((c) => c.name === 'compare-with-previous')).toMatchObject({
    passed: false,
    evidence: expect.stringMatching(/shop\.orders 100 -> 50 \(-50\.0%\)/),
  });
});

test('no verify field: verified by default (PASSED, a temporary user made and deleted); verify: false: SKIPPED', async () => {
  const p = addPair(h.sim.world, { kind: 'flex', restoreMs: 2_000 });
  const before = passwords.length;
  // addPair's input says verify: false (tests of other paths); a caller who says nothing sends no field.
  const { verify: _off, ...noVerify } = p.input;
  const { r } = await run(noVerify);
  expect(r.outcome).toBe('COMPLETED');
  expect(r.verification).toMatchObject({ status: 'PASSED', manifest: { collections: expect.any(Number) } });
  expect(passwords.length).toBe(before + 1);
  const q = addPair(h.sim.world, { kind: 'flex', restoreMs: 2_000 });
  const off = await run({ ...q.input, verify: false });
  expect(off.r.outcome).toBe('COMPLETED');
  expect(off.r.verification).toMatchObject({ status: 'SKIPPED', reason: 'verify: false was given' });
  expect(passwords.length).toBe(before + 1);
});

test('after a rollback restore: the target is verified with the data its own snapshot put back', async () => {
  const p = addPair(h.sim.world, { kind: 'flex' });
  const own = h.sim.world.snapshotsOf(p.projectId, p.target.name)[0];
  own.dataset = DATA;
  h.sim.world.planner = (j) => ({ durationMs: 2_000, endsAs: j.snapshotId === p.snapshotId ? 'FAILED' : 'COMPLETED' });
  try {
    const { verify: _off, ...noVerify } = p.input;
    const { r } = await run({ ...noVerify, rollbackOnFailure: true });
    expect(r.outcome).toBe('COMPENSATED');
    expect(r.verification).toMatchObject({
      status: 'PASSED',
      after: 'rollback',
      manifest: { databases: 1, collections: 2, documents: 120 },
    });
    expect(r.compensations[0]).toMatchObject({
      status: 'done',
      detail: expect.stringMatching(/the rollback's verification PASSED \(2 collections, 120 documents\)/),
    });
  } finally {
    h.sim.world.planner = undefined;
  }
});
