// Atlas's token bucket at the numbers an independent stand-in uses (capacity 10, 5 tokens per 10 s, per project):
// two restores into one project at once both go through, one job each, and no call comes before its Retry-After
// (issue 20: eight 429s in 26 s used to end a restore FAILED). Dev server in real time (the bucket refills by the
// wall clock), the simulator, a real worker.
import type { SimCall } from '../../simulator/server';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, simNow, start } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Stack;
beforeAll(async () => {
  h = await startStack({
    server: 'dev',
    sim: { era: 'legacy', rateLimit: { capacity: 10, refillRate: 5, refillSeconds: 10 } },
  });
});
afterAll(() => h?.close());

test('two restores into one project at once under the token bucket: both COMPLETED, one job each, Retry-After kept', async () => {
  const now = await simNow(h);
  const a = addPair(h.sim.world, { nowMs: now, restoreMs: 10_000 });
  // The second restore's clusters in the first one's project: one bucket for both.
  const src = h.sim.world.addCluster({
    groupId: a.projectId,
    name: `${a.source.name}-b`,
    kind: 'tenant',
    instanceSize: 'M5',
  });
  const dst = h.sim.world.addCluster({
    groupId: a.projectId,
    name: `${a.target.name}-b`,
    kind: 'tenant',
    restoreDurationMs: 10_000,
  });
  const snap = h.sim.world.addSnapshot({ groupId: a.projectId, clusterName: src.name }, now);
  h.sim.world.addSnapshot({ groupId: a.projectId, clusterName: dst.name }, now);
  const b = { ...a.input, clusterName: src.name, snapshotId: snap.id, targetClusterName: dst.name };
  const [ra, rb] = await Promise.all([(await start(h, a.input)).result(), (await start(h, b)).result()]);
  expect([ra.outcome, rb.outcome]).toEqual(['COMPLETED', 'COMPLETED']);
  expect(jobsInto(h, a.projectId, a.target.name)).toHaveLength(1);
  expect(jobsInto(h, a.projectId, dst.name)).toHaveLength(1);
  const calls = h.sim.calls.filter((c) => c.groupId === a.projectId);
  // The bucket did refuse calls: the scenario is the one that failed.
  expect(calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
  // Per restore (its clusters in the path): after a 429 with Retry-After, its next call waits at least that long.
  for (const names of [
    [a.source.name, a.target.name],
    [src.name, dst.name],
  ]) {
    const own = calls.filter((c) => pathNames(c).some((n) => names.includes(n)));
    own.forEach((c, i) => {
      const next = own[i + 1];
      if (c.status === 429 && next) expect(next.atMs - c.atMs).toBeGreaterThanOrEqual((c.retryAfterS ?? 1) * 1000);
    });
  }
});

/** The cluster names in a call's path (…/clusters/{name}/…). */
const pathNames = (c: SimCall): string[] => [...c.path.matchAll(/\/clusters\/([^/]+)/g)].map((m) => m[1]);
