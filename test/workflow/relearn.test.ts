// The one re-read of the history at the close-polling window (workflows/polling.ts relearnDue, workflows/wait.ts),
// with stub activities on the time-skipping server: a restore learned on the prior alone reads the history again
// once, when it reaches the floor's start, and the window follows what that read says.
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import type { PooledSpread } from '../../common/expectation';
import { restoreWorkflow } from '../../workflows';
import { baseInput, stubAtlas, timeSkipping, withWorker } from './stubs';
import { restoreWorkflowId } from '../../common/input';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkipping();
});
afterAll(() => env?.teardown());

/** The earlier restore took 600 s; the job completes at the first read ≥ 560 s after the submit. */
const EARLIER_S = 600;
const DONE_AT_S = 560;

/**
 * Runs a learned restore whose first history read has no pooled spread (round 2 of a storm: no target restored twice)
 * and whose second has `later`. Returns the history reads and the times of the job reads since the submit (server time).
 */
async function runWith(later: PooledSpread | undefined) {
  const a = stubAtlas({});
  let submittedMs = 0;
  let historyReads = 0;
  const readsS: number[] = [];
  const activities = {
    ...a.activities,
    submitRestore: async (...args: Parameters<typeof a.activities.submitRestore>) => {
      submittedMs = Context.current().info.currentAttemptScheduledTimestampMs;
      return a.activities.submitRestore(...args);
    },
    restoreDurationHistory: async () => {
      historyReads++;
      return { samplesS: [EARLIER_S], ...(historyReads > 1 && later ? { pooled: later } : {}) };
    },
    getRestoreJob: async (...args: Parameters<typeof a.activities.getRestoreJob>) => {
      const atS = (Context.current().info.currentAttemptScheduledTimestampMs - submittedMs) / 1000;
      readsS.push(atS);
      const job = await a.activities.getRestoreJob(...args);
      return atS < DONE_AT_S ? { ...job, status: 'RUNNING', restoreFinishedDate: undefined } : job;
    },
  };
  const input = baseInput({ polling: { initialS: 5, maxS: 30, nearS: 3, learn: true } });
  const r = await withWorker(env, activities, async (taskQueue) =>
    restoreResultOf(
      await env.client.workflow.start(restoreWorkflow, {
        taskQueue,
        workflowId: restoreWorkflowId(input as Parameters<typeof restoreWorkflowId>[0]),
        args: [input],
      }),
    ),
  );
  return { r, historyReads, readsS };
}

/** When the reads start coming every nearS (3 s): the first read of a run of 3 s gaps up to the end. */
const closeFromS = (readsS: number[]) => {
  let i = readsS.length - 1;
  while (i > 0 && readsS[i] - readsS[i - 1] < 3.5) i--;
  return readsS[i];
};

test('a spread measured by the time of the re-read narrows the window: one re-read, close polling from ~0.8 × the median', async () => {
  // 500 degrees of freedom at log-sd 0.05: the pooled noise is well measured and small.
  const { r, historyReads, readsS } = await runWith({ sumSquares: 500 * 0.05 ** 2, df: 500 });
  expect(r.outcome).toBe('COMPLETED');
  expect(historyReads).toBe(2);
  // Up to the floor's start (0.5 × 600 s) the reads come maxS apart; after the re-read too, until the new window.
  const start = closeFromS(readsS);
  expect(start).toBeGreaterThan(0.75 * EARLIER_S);
  expect(start).toBeLessThan(0.9 * EARLIER_S);
  expect(readsS.filter((t) => t < start).every((t, i, xs) => i === 0 || t - xs[i - 1] > 20)).toBe(true);
  expect(readsS.at(-1)! - DONE_AT_S).toBeLessThanOrEqual(3.5);
});

test('a re-read that still finds only the prior keeps the floor: one re-read, close polling from 0.5 × the median', async () => {
  const { r, historyReads, readsS } = await runWith(undefined);
  expect(r.outcome).toBe('COMPLETED');
  expect(historyReads).toBe(2);
  const start = closeFromS(readsS);
  expect(start).toBeGreaterThanOrEqual(0.5 * EARLIER_S);
  expect(start).toBeLessThan(0.5 * EARLIER_S + 31);
  expect(readsS.at(-1)! - DONE_AT_S).toBeLessThanOrEqual(3.5);
});
