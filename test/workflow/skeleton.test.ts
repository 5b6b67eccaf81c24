// The walking skeleton, end to end on both real Temporal servers: preflight → submit → poll → result.
import { restoreWorkflowId } from '../../common/input';
import { restoreWorkflow } from '../../workflows';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addPair } from '../helpers/world';

describe.each([['dev' as const], ['time-skipping' as const]])('restore on the %s server', (server) => {
  let h: Stack;
  beforeAll(async () => {
    h = await startStack({ server, sim: { era: 'legacy' } });
  });
  afterAll(() => h?.close());

  test('preflight → submit → poll → COMPLETED, with one job and a readable history', async () => {
    const now = await (server === 'dev' ? Date.now() : h.env.currentTimeMs());
    const pair = addPair(h.sim.world, { restoreMs: 20_000, nowMs: now });
    const workflowId = restoreWorkflowId(pair.input as { projectId: string; targetClusterName: string });
    const handle = await h.env.client.workflow.start(restoreWorkflow, {
      taskQueue: h.taskQueue,
      workflowId,
      args: [pair.input],
    });
    const result = await handle.result();

    expect(result.outcome).toBe('COMPLETED');
    expect(result.backend).toBe('tenant');
    expect(result.restoreFinishedDate).toBeDefined();
    expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(h.sim.world.jobsIntoTarget(pair.projectId, pair.target.name)).toHaveLength(1);
    expect(h.sim.world.jobsIntoTarget(pair.projectId, pair.target.name)[0].id).toBe(result.restoreJobId);
    expect(result.audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['started', 'check', 'preflight', 'submitted', 'poll', 'finished']),
    );

    // The workflow history shows the real shape: the three activity types and at least one timer.
    const history = await handle.fetchHistory();
    const scheduled = (history.events ?? [])
      .filter((e) => e.activityTaskScheduledEventAttributes)
      .map((e) => e.activityTaskScheduledEventAttributes!.activityType!.name);
    expect(scheduled).toEqual(expect.arrayContaining(['preflight', 'submitRestore', 'getRestoreJob']));
    expect((history.events ?? []).some((e) => e.timerStartedEventAttributes)).toBe(true);
  });
});
