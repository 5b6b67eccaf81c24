// A 6-hour restore: the history of every run stays bounded (continue-as-new), and the audit trail survives it.
import type { WorkflowHandle } from '@temporalio/client';
import { auditQuery } from '../../workflows/definitions';
import { POLLS_PER_RUN } from '../../workflows/restore';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { startRestore } from '../../client/start';
import { jobsInto, simNow } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

test('6 hours of polling at a 30 s cap: several runs, each with a bounded history; one job', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 6 * 3_600_000 });
  const { handle, runId: firstRunId } = await startRestore(
    h.env.client,
    { ...pair.input, deadline: '8h', polling: { maxS: 30, learn: false } },
    { taskQueue: h.taskQueue },
  );
  const r = await handle.result();
  expect(r.outcome).toBe('COMPLETED');
  expect(r.polls).toBeGreaterThan(2 * POLLS_PER_RUN);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);

  // Walk the chain of runs from the first one.
  const sizes: number[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history = await h.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    sizes.push(history.events?.length ?? 0);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  expect(sizes.length).toBeGreaterThanOrEqual(3);
  // ~11 events per poll (timer, activity, workflow tasks): bounded by the polls per run, not the restore's length.
  for (const n of sizes) expect(n).toBeLessThan(POLLS_PER_RUN * 12 + 200);
  // The audit trail folds runs of identical polls, keeping every status change.
  expect(r.audit.length).toBeLessThan(POLLS_PER_RUN * 2);
  expect(r.audit.some((e) => e.type === 'polls-summary')).toBe(true);
  expect(r.audit.filter((e) => e.type === 'continued').length).toBe(sizes.length - 1);
});

// 12.5: whatever the restore's length, the carried state, the audit query's answer and the result stay bounded.
test('a 30-day restore: thousands of polls over many runs; carried state, audit answer and result each stay under 256 KB', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 29.5 * 86_400_000 });
  const { handle, runId: firstRunId } = await startRestore(
    h.env.client,
    { ...pair.input, deadline: '720h', polling: { initialS: 1200, maxS: 1200, learn: false } },
    { taskQueue: h.taskQueue },
  );
  const r = await handle.result();
  expect(r.outcome).toBe('COMPLETED');
  expect(r.polls).toBeGreaterThan(2000);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);

  const carried: number[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> = await h.env.client.workflow
      .getHandle(handle.workflowId, runId)
      .fetchHistory();
    const can = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes;
    if (can) carried.push(can.input?.payloads?.[1]?.data?.length ?? 0);
    runId = can?.newExecutionRunId ?? undefined;
  }
  const audit = await h.env.client.workflow.getHandle(handle.workflowId).query(auditQuery);
  const sizes = {
    runs: carried.length + 1,
    maxCarriedBytes: Math.max(...carried),
    auditQueryBytes: JSON.stringify(audit).length,
    resultBytes: JSON.stringify(r).length,
  };
  console.log(`30-day restore: ${r.polls} polls, ${JSON.stringify(sizes)}`);
  expect(sizes.runs).toBeGreaterThan(20);
  for (const n of [sizes.maxCarriedBytes, sizes.auditQueryBytes, sizes.resultBytes]) expect(n).toBeLessThan(256 * 1024);
  // The trail still tells the story: its first entries, the polls summarised, one 'continued' per run, its end.
  expect(r.audit[0].type).toBe('started');
  expect(r.audit.at(-1)?.type).toBe('finished');
  expect(r.audit.filter((e) => e.type === 'continued')).toHaveLength(sizes.runs - 1);
  expect(r.audit.some((e) => e.type === 'polls-summary')).toBe(true);
}, 600_000);
