// The benchmark's verify case end to end, small: a dev server, the simulator with data, our worker as a process, one
// verified restore of a 5-collection target. No time is asserted (the target is the benchmark's, not a test's): only
// that the case ran for real and its report is whole, with the verify step's Atlas calls.
import { runVerifyBench } from '../../harness/bench/verify';

test('bench --verify: a verified restore, its verify time, Atlas calls by operation and the manifest', async () => {
  const r = await runVerifyBench({ collections: 5, documentsPerCollection: 10, restores: 1 });
  expect(r.restores).toHaveLength(1);
  const [x] = r.restores;
  expect(x).toMatchObject({
    outcome: 'COMPLETED',
    status: 'PASSED',
    manifest: { databases: 1, collections: 5, documents: 50 },
  });
  expect(x.byOperation).toMatchObject({ getFlexCluster: 1, createDatabaseUser: 1, deleteDatabaseUser: 1 });
  expect(x.atlasCalls).toBe(Object.values(x.byOperation).reduce((a, b) => a + b, 0));
  expect(x.verifyS).toBeGreaterThan(0);
  expect(r.maxVerifyS).toBe(x.verifyS);
  expect(r.ferretdbStarted).toBeGreaterThanOrEqual(1);
}, 180_000);
