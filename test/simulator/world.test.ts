// The simulator's parts on their own: the world's clock-driven job states and eras, seeded fault rules, the token
// bucket.
import { FaultInjector } from '../../simulator/faults';
import { TokenBuckets } from '../../simulator/rate-limit';
import { World } from '../../simulator/world';

const G = '5d0000000000000000000001';
const T0 = Date.parse('2026-02-01T00:00:00Z');

function jobWorld(era: 'legacy' | 'current' = 'legacy'): World {
  const w = new World(era);
  w.addCluster({ groupId: G, name: 'src', kind: 'tenant' });
  w.addCluster({ groupId: G, name: 'dst', kind: 'tenant', restoreDurationMs: 100_000 });
  return w;
}
const newJob = (w: World, target = 'dst') =>
  w.createJob({
    backend: 'tenant',
    groupId: G,
    sourceCluster: 'src',
    snapshotId: 'a'.repeat(24),
    targetProjectId: G,
    targetCluster: target,
    createdAtMs: T0,
    snapshotFinishedDate: '2026-01-31T00:00:00Z',
    mongoDBVersion: '8.0.4',
  });

test('a job moves PENDING -> QUEUED -> RUNNING -> COMPLETED on the clock, with configurable phases', () => {
  const w = jobWorld();
  w.phases = { pendingMs: 500, queuedMs: 1_500 };
  const job = newJob(w);
  const at = (ms: number) => w.jobStatus(job, T0 + ms);
  expect([at(0), at(499), at(500), at(1_999), at(2_000), at(99_999), at(100_000)]).toEqual([
    'PENDING',
    'PENDING',
    'QUEUED',
    'QUEUED',
    'RUNNING',
    'RUNNING',
    'COMPLETED',
  ]);
  expect(w.jobView(job, T0 + 99_999, 'http://x')).not.toHaveProperty('restoreFinishedDate');
  expect(w.jobView(job, T0 + 100_000, 'http://x')).toMatchObject({
    status: 'COMPLETED',
    restoreFinishedDate: '2026-02-01T00:01:40Z',
  });
  expect(w.activeJobOnTarget(G, 'dst', T0 + 50_000)?.id).toBe(job.id);
  expect(w.activeJobOnTarget(G, 'dst', T0 + 100_000)).toBeUndefined();
});

test('a short job never spends more than a few percent of its time queued', () => {
  const w = jobWorld();
  w.addCluster({ groupId: G, name: 'quick', kind: 'tenant', restoreDurationMs: 1_000 });
  const job = newJob(w, 'quick');
  expect([0, 19, 20, 49, 50, 999, 1_000].map((ms) => w.jobStatus(job, T0 + ms))).toEqual([
    'PENDING',
    'PENDING',
    'QUEUED',
    'QUEUED',
    'RUNNING',
    'RUNNING',
    'COMPLETED',
  ]);
});

test('a planner or the target decides a FAILED ending', () => {
  const w = jobWorld();
  w.addCluster({ groupId: G, name: 'doomed', kind: 'tenant', restoreOutcome: 'FAILED', restoreDurationMs: 10 });
  expect(w.jobStatus(newJob(w, 'doomed'), T0 + 10)).toBe('FAILED');
  w.planner = () => ({ durationMs: 5, endsAs: 'FAILED' });
  expect(w.jobStatus(newJob(w), T0 + 5)).toBe('FAILED');
});

test('eras: in the current era an M2/M5 is a Flex cluster; dedicated clusters stay dedicated', () => {
  const w = jobWorld('current');
  w.addCluster({ groupId: G, name: 'm10', kind: 'dedicated' });
  expect(w.effectiveKind(w.cluster(G, 'src')!)).toBe('flex');
  expect(w.effectiveKind(w.cluster(G, 'm10')!)).toBe('dedicated');
  w.era = 'legacy';
  expect(w.effectiveKind(w.cluster(G, 'src')!)).toBe('tenant');
});

test('the world refuses names and ids Atlas would not have', () => {
  const w = new World();
  expect(() => w.addCluster({ groupId: 'not-hex', name: 'a' })).toThrow(/24-hex-digit/);
  expect(() => w.addCluster({ groupId: G, name: 'has_underscore' })).toThrow(/must match/);
  expect(() => w.addSnapshot({ groupId: G, clusterName: 'a', id: 'short' })).toThrow(/24-hex-digit/);
  // An explicit undefined keeps the default.
  expect(w.addCluster({ groupId: G, name: 'd', kind: 'dedicated', instanceSize: undefined }).instanceSize).toBe('M10');
});

test('fault rules: operation, project, skip, times, and a seeded probability that replays', () => {
  const f = new FaultInjector(3);
  f.add({ operation: 'getCluster', groupId: G, skip: 1, times: 2, action: { kind: 'reset' } });
  const picks = [1, 2, 3, 4].map(() => f.pick('getCluster', G)?.kind);
  expect(picks).toEqual([undefined, 'reset', 'reset', undefined]);
  expect(f.pick('getCluster', 'other')).toBeUndefined();
  expect(f.pick('getFlexCluster', G)).toBeUndefined();
  const draw = (seed: number) => {
    const p = new FaultInjector(seed).add({ operation: '*', probability: 0.3, action: { kind: 'malformed' } });
    return Array.from({ length: 200 }, () => (p.pick('listFlexSnapshots') ? 1 : 0)).join('');
  };
  expect(draw(9)).toBe(draw(9));
  expect(draw(9)).not.toBe(draw(10));
  const hits = [...draw(9)].filter((c) => c === '1').length;
  expect(hits).toBeGreaterThan(40);
  expect(hits).toBeLessThan(80);
  expect(f.injected.get('reset')).toBe(2);
});

test('token bucket: capacity, then Retry-After until one token has refilled', () => {
  const b = new TokenBuckets({ capacity: 2, refillRate: 5, refillSeconds: 60 });
  expect(b.take(G, T0)).toEqual({ ok: true, remaining: 1 });
  expect(b.take(G, T0)).toEqual({ ok: true, remaining: 0 });
  expect(b.take(G, T0)).toEqual({ ok: false, remaining: 0, retryAfterS: 12 });
  expect(b.take('other-project', T0).ok).toBe(true);
  expect(b.take(G, T0 + 11_000).ok).toBe(false);
  expect(b.take(G, T0 + 12_000).ok).toBe(true);
  expect(b.limited).toBe(2);
  expect(b.detail('/api/atlas/v2/groups/x', 12)).toBe(
    'Rate limit exceeded for /api/atlas/v2/groups/x. Please retry after 12 seconds. Request capacity: 2. Refill rate: 5 per 60 seconds.',
  );
});
