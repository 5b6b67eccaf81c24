// Notifications (issue 14): the workflow decides that an event happened and gives it a stable id; the notify
// activity decides whether it is wanted, signs and delivers it. A notification that cannot be delivered is audited and
// counted, and never changes an outcome; its retries are few, so it never holds an outcome back for long.
import { CancellationScope, metricMeter, workflowInfo } from '@temporalio/workflow';
import type { RestoreEvent, RestoreEventType } from '../common/events';
import type { Outcome } from '../common/constants';
import { describeFailure } from '../common/failure';
import { notifyActs } from './activity-options';
import { nowIso, nowMs } from './clock';
import type { RestoreState } from './state';

/** Tells the notify activity about an event. Never throws, and is not interrupted by a cancel of the restore. */
export async function notifyEvent(
  st: RestoreState,
  type: RestoreEventType,
  o: { outcome?: Outcome; reason?: string; n?: number; verification?: RestoreEvent['verification'] } = {},
): Promise<void> {
  const info = workflowInfo();
  // Stable across runs and retries: the first run's id, the type, and a number for repeatable events.
  const id = `${info.workflowId}/${info.firstExecutionRunId}/${type}${o.n !== undefined ? `/${o.n}` : ''}`;
  const e: RestoreEvent = {
    id,
    type,
    occurredAt: nowIso(),
    workflowId: info.workflowId,
    runId: info.runId,
    ...(o.outcome ? { outcome: o.outcome } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    targetProjectId: st.req.targetProjectId,
    targetClusterName: st.req.targetClusterName,
    ...(st.carried.main ? { restoreJobId: st.carried.main.job.jobId } : {}),
    durationS: Math.max(0, (nowMs() - Date.parse(st.carried.startedAt)) / 1000),
    ...(o.verification ? { verification: o.verification } : {}),
  };
  try {
    await CancellationScope.nonCancellable(() =>
      notifyActs.notify.executeWithOptions({ summary: `Notify: ${type}` }, [e]),
    );
  } catch (err) {
    const d = describeFailure(err);
    metricMeter
      .createCounter('atlas_restore_notify_failures', '1', 'notifications that could not be delivered')
      .add(1, { type });
    st.audit.add(
      'notify-failed',
      `notification ${type} could not be delivered (${d.message}); the outcome is unchanged`,
      { type, id },
    );
  }
}
