// Who may call the drill activities (issue 22): a drillWorkflow execution whose workflow id is its drill's (the
// schedule id, or the id Temporal gives a scheduled run of it), on this worker's task queue. The activities that
// change something (create, delete, janitor) also read the calling run's start event: the drill it was started as
// must be the one named, and the project the one its input allows. The restore activities' guard is activities/guard.ts.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { DrillInput } from '../common/drill';
import { DRILL_WORKFLOW_TYPE } from '../common/drill';
import { isDrillWorkflowId } from '../common/drill-input';
import type { Caller } from './guard';
import { refuse } from './guard';

/** A drillWorkflow execution of drill `drill` (by its workflow id), from the activity's own context. */
export function requireDrillCaller(activity: string, drill: string): Caller {
  const i = Context.current().info;
  if (!i.workflowExecution?.workflowId || !i.workflowType)
    return refuse(activity, 'outside-restore', 'called outside any workflow (a standalone activity)');
  const c: Caller = {
    workflowType: i.workflowType,
    workflowId: i.workflowExecution.workflowId,
    runId: i.workflowExecution.runId,
    namespace: i.workflowNamespace ?? 'default',
    taskQueue: i.taskQueue,
  };
  if (c.workflowType !== DRILL_WORKFLOW_TYPE)
    refuse(activity, 'outside-restore', `called from a ${c.workflowType} workflow, not a ${DRILL_WORKFLOW_TYPE}`);
  if (!isDrillWorkflowId(c.workflowId, drill))
    refuse(activity, 'wrong-workflow-id', `workflow id ${c.workflowId} is not a run of drill ${drill}`);
  return c;
}

/** The scratch project the calling drill was started with (its start event's input), after the task-queue check. */
export async function checkDrillRun(
  activity: string,
  temporal: Client | undefined,
  drill: string,
  projectId: string,
): Promise<Caller> {
  const c = requireDrillCaller(activity, drill);
  if (!temporal) return c;
  const res = await temporal.workflowService.getWorkflowExecutionHistory({
    namespace: c.namespace,
    execution: { workflowId: c.workflowId, runId: c.runId },
    maximumPageSize: 1,
  });
  const started = res.history?.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!started) return refuse(activity, 'outside-restore', `run ${c.runId} of ${c.workflowId} has no start event`);
  if (started.taskQueue?.name !== c.taskQueue)
    refuse(
      activity,
      'foreign-task-queue',
      `${c.workflowId} runs on task queue ${started.taskQueue?.name ?? '?'}, not ${c.taskQueue}: it is not running this worker's workflow code`,
    );
  if (started.workflowType?.name !== DRILL_WORKFLOW_TYPE)
    refuse(activity, 'outside-restore', `${c.workflowId} was started as ${started.workflowType?.name ?? '?'}`);
  const payload = started.input?.payloads?.[0];
  const input = (payload ? temporal.options.loadedDataConverter.payloadConverter.fromPayload(payload) : undefined) as
    Partial<DrillInput> | undefined;
  if (input?.name !== drill)
    refuse(activity, 'request-mismatch', `${c.workflowId} was started for drill ${String(input?.name)}, not ${drill}`);
  const scratch = input.scratchProjectId ?? input.projectId;
  if (scratch !== projectId)
    refuse(activity, 'request-mismatch', `drill ${drill} creates its scratch clusters in ${scratch}, not ${projectId}`);
  return c;
}
