// A 6-hour restore: the history of every run stays bounded (continue-as-new), and the audit trail survives it.
import { POLLS_PER_RUN } from '../../workflows/restore';
import { Harness, startHarness } from '../helpers/harness';
import { startRestore } from '../../client/start';
import { jobsInto, simNow } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

test('6 hours of polling at a 30 s cap: several runs, each with a bounded history; one job', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 6 * 3_600_000 });
  const { handle, runId: firstRunId } = await startRestore(h.env.client, { ...pair.input, deadline: '8h', polling: { maxS: 30, learn: false } }, { taskQueue: h.taskQueue });
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
