// Who may call the drill activities (issue 22): a drillWorkflow execution whose workflow id is its drill's (the
// schedule id, or the id Temporal gives a scheduled run of it), on this worker's task queue. The activities that
// change something (create, delete, janitor) also read the calling run's start event: the drill it was started as
// must be the one named, and the project the one its input allows. The restore activities' guard is activities/guard.ts.
import type { Client } from '@temporalio/client';
import type { DrillInput } from '../common/drill';
import { DRILL_WORKFLOW_TYPE } from '../common/drill';
import { isDrillWorkflowId } from '../common/drill-input';
import type { Caller } from './guard';
import { callerOf, readCallingRun, refuse } from './guard';

/** A drillWorkflow execution of drill `drill` (by its workflow id), from the activity's own context. */
export function requireDrillCaller(activity: string, drill: string): Caller {
  const c = callerOf();
  if (!c) return refuse(activity, 'outside-restore', 'called outside any workflow (a standalone activity)');
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
  const run = await readCallingRun(activity, temporal, c);
  if (!run) return c;
  const input = run.input as Partial<DrillInput> | undefined;
  if (input?.name !== drill)
    refuse(activity, 'request-mismatch', `${c.workflowId} was started for drill ${String(input?.name)}, not ${drill}`);
  const scratch = input.scratchProjectId ?? input.projectId;
  if (scratch !== projectId)
    refuse(activity, 'request-mismatch', `drill ${drill} creates its scratch clusters in ${scratch}, not ${projectId}`);
  return c;
}
