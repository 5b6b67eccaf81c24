// Bad `atlas-restore start` command lines (subprocesses, as a runbook runs them): ids of the wrong length or
// alphabet, names outside Atlas's pattern, missing options, no --force without a terminal, unknown options, huge and
// unicode values. Each exits 2 with the option or field named on the first line of stderr, prints nothing on stdout,
// starts no workflow and makes no Atlas call. A modest number of runs: each is a node process.
import fc from 'fast-check';
import { badCliArgs, isClearCli, workflowIdOf } from '../../harness/chaos/bad-input';
import type { CliRun } from '../../harness/kit/cli';
import { runCli } from '../../harness/kit/cli';
import { exists } from '../../harness/chaos/input-phase';
import { baseEnv } from '../helpers/cli';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto } from '../helpers/run';
import { addPair } from '../helpers/world';

const seed = Number(process.env.FC_SEED ?? 20261128);
let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

async function inBatches<T, R>(xs: T[], size: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += size) out.push(...(await Promise.all(xs.slice(i, i + size).map(fn))));
  return out;
}

test('every bad start command line: exit 2, the field named first, nothing on stdout, nothing started', async () => {
  const pair = addPair(h.sim.world);
  const base = {
    projectId: pair.projectId,
    clusterName: pair.source.name,
    snapshotId: pair.snapshotId,
    targetClusterName: pair.target.name,
  };
  const env = baseEnv({
    TEMPORAL_ADDRESS: h.env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: h.taskQueue,
  });
  const cases = fc.sample(badCliArgs(base), { numRuns: 20, seed });
  const runs: CliRun[] = await inBatches(cases, 4, (c) => runCli(c.args, env));
  const failures: string[] = [];
  for (const [i, r] of runs.entries()) {
    const c = cases[i];
    if (r.code !== 2 || r.stdout !== '' || !isClearCli(r.stderr, c.field))
      failures.push(
        `${c.why} (${c.field}): exit ${r.code}, stdout ${JSON.stringify(r.stdout.slice(0, 80))}, stderr ${JSON.stringify(r.stderr.split('\n')[0].slice(0, 200))}`,
      );
  }
  expect(failures).toEqual([]);
  expect(await exists(h.env.client, workflowIdOf(base))).toBe(false);
  expect(h.sim.calls.filter((c) => c.groupId === pair.projectId)).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toEqual([]);
});

// Regression (found by the chaos work): the CLI once connected before validating, so with Temporal unreachable a
// bad id read "Failed to connect before the deadline" (exit 1, after 10 s) instead of naming the field (exit 2).
test('a bad request is refused naming the field even when Temporal is unreachable', async () => {
  const r = await runCli(
    [
      'start',
      '--projectId',
      'not-an-id',
      '--clusterName',
      'src',
      '--snapshotId',
      'b'.repeat(24),
      '--targetClusterName',
      'dst',
      '--force',
    ],
    baseEnv({ TEMPORAL_ADDRESS: '127.0.0.1:1' }),
    30_000,
  );
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]).toMatch(/projectId/);
});
