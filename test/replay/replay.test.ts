// Every recorded history (test/histories/) replays on the workflow code that ships; a change that would break
// the restores in flight is caught before it is deployed.
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import type { Recorded } from './histories';
import { bundleOf, currentBundle } from '../helpers/bundle';
import { quietRuntime } from '../../harness/kit/runtime';
import { forReplay, loadArchivedHistories, loadHistories } from './histories';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

const recorded = loadHistories();
quietRuntime();

async function replay(bundle: Parameters<typeof Worker.runReplayHistories>[0]['workflowBundle'], rs: Recorded[]) {
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, forReplay(rs))) results.push(r);
  return results;
}

test('the recorded set covers every path, each history is whole and as small as it should be', () => {
  const paths = new Set(recorded.map((r) => r.path));
  for (const p of [
    'completed-tenant',
    'completed-flex',
    'preflight-failed',
    'dry-run',
    'approval-approved',
    'approval-rejected',
    'approval-timed-out',
    'submit-foreign-409-then-500-after-commit',
    'failed-job-rollback',
    'cancel-after-submit',
    'deadline',
    'continued-as-new',
    'batch-with-children',
    'verified',
    'verify-failed',
    'verify-skipped',
    'verify-after-rollback',
    'drill-passed',
    'drill-verify-failed',
    'drill-left-behind',
    'drill-cancelled-mid-restore',
    'drill-no-snapshot',
    'drill-create-ambiguous',
    'drill-existing-name',
  ])
    expect(paths).toContain(p);
  for (const r of recorded) {
    const [first, last] = [r.history.events[0], r.history.events.at(-1)!];
    expect(first.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(
      (first.workflowExecutionStartedEventAttributes as { workflowType: { name: string } }).workflowType.name,
    ).toBe(r.workflowType);
    // Closed, and closed as the index says (a truncated or still-running history would replay "cleanly").
    expect(last.eventType).toBe(`EVENT_TYPE_WORKFLOW_EXECUTION_${r.closeStatus}`);
    expect(r.history.events).toHaveLength(r.events);
  }
  expect(recorded.some((r) => r.path === 'continued-as-new' && r.closeStatus === 'CONTINUED_AS_NEW')).toBe(true);
  expect(recorded.reduce((n, r) => n + r.bytes, 0)).toBeLessThan(4 * 1024 * 1024);
});

test('every recorded history, of the current set and of every archived one, replays on the current workflow bundle', async () => {
  const { bundle, source } = await currentBundle();
  // Archived sets come from builds whose restores may still run (docs/upgrading.md).
  const all = [
    ...recorded,
    ...loadArchivedHistories().flatMap((a) => a.recorded.map((r) => ({ ...r, file: `archive/${a.set}/${r.file}` }))),
  ];
  const results = await replay(bundle, all);
  const failures = results.flatMap((r, i) => (r.error ? [`${all[i].file}: ${r.error.message}`] : []));
  expect({ source, failures }).toEqual({ source, failures: [] });
  // One result per history, for that history's run.
  expect(results.map((r) => r.runId)).toEqual(all.map((r) => r.runId));
});

describe('a change to the workflow code', () => {
  test('an unguarded new step before the real work is caught as a DeterminismViolationError', async () => {
    const results = await replay(await bundleOf(require.resolve('./fixtures/extra-step-unguarded')), recorded);
    const restores = recorded
      .map((r, i) => ({ r, result: results[i] }))
      .filter(({ r }) => r.workflowType === RESTORE_WORKFLOW_TYPE);
    expect(restores.length).toBeGreaterThan(10);
    for (const { r, result } of restores) {
      expect({ file: r.file, error: result.error }).toEqual({
        file: r.file,
        error: expect.any(DeterminismViolationError),
      });
    }
    // The batch and drill workflows did not change (a drill's history holds its child's start, not its steps): theirs
    // still replay.
    for (const [i, r] of recorded.entries())
      if (r.workflowType !== RESTORE_WORKFLOW_TYPE)
        expect({ file: r.file, error: results[i].error }).toEqual({ file: r.file });
  });

  test('the same step guarded by patched() replays every recorded history cleanly', async () => {
    const results = await replay(await bundleOf(require.resolve('./fixtures/extra-step-patched')), recorded);
    expect(results.filter((r) => r.error).map((r) => `${r.runId}: ${r.error?.message}`)).toEqual([]);
    expect(results).toHaveLength(recorded.length);
  });
});
