// Finding a drill's runs: a visibility query. Every run a schedule starts (on its spec or by `drill run`, a trigger)
// carries the system attribute TemporalScheduledById = the schedule's id, so the runs stay findable after the
// schedule is deleted (the report is evidence: it outlives the drill).
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { DRILL_WORKFLOW_TYPE, drillScheduleId } from '../common/drill';
import { quoted } from '../common/visibility';

/** The query, as one would paste it into the Temporal UI's filter (name validated by the caller). */
const drillRunsQuery = (name: string, finished: boolean): string =>
  [
    `WorkflowType = ${quoted(DRILL_WORKFLOW_TYPE)}`,
    `TemporalScheduledById = ${quoted(drillScheduleId(name))}`,
    ...(finished ? [`ExecutionStatus != 'Running'`] : []),
  ].join(' AND ');

/** Run ids as Temporal makes them (a UUID); anything else is refused before it reaches a query. */
export const RUN_ID_PATTERN = /^[0-9a-fA-F-]{8,64}$/;

/** The drill's finished runs, newest end first (at most `limit`: a report needs one, the trend is in the result). */
export async function finishedDrillRuns(client: Client, name: string, limit = 100): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const wf of client.workflow.list({ query: drillRunsQuery(name, true) })) {
    runs.push(wf);
    if (runs.length >= limit) break;
  }
  const end = (w: WorkflowExecutionInfo) => (w.closeTime ?? w.startTime).getTime();
  return runs.sort((a, b) => end(b) - end(a));
}

/** One run of the drill by its run id, or undefined (a run of another drill is not this drill's). */
export async function drillRun(
  client: Client,
  name: string,
  runId: string,
): Promise<WorkflowExecutionInfo | undefined> {
  for await (const wf of client.workflow.list({ query: `${drillRunsQuery(name, false)} AND RunId = ${quoted(runId)}` }))
    return wf;
  return undefined;
}
