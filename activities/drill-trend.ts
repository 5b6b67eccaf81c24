// The trend of a drill (issue 22 item 2): its earlier runs, found through Temporal visibility (WorkflowType and the
// drill's RestoreRequestDigest `drill:<name>`), each read from its result. At most 10, newest first.
import type { Client } from '@temporalio/client';
import { SA } from '../common/constants';
import type { DrillResult, DrillTrendPoint } from '../common/drill';
import { DRILL_WORKFLOW_TYPE } from '../common/drill';
import { drillDigest } from '../common/drill-input';

const TREND_MAX = 10;

export async function drillTrend(
  client: Client | undefined,
  drill: string,
  excludeRunId: string,
): Promise<DrillTrendPoint[]> {
  if (!client) return [];
  const q = `WorkflowType = '${DRILL_WORKFLOW_TYPE}' AND ${SA.requestDigest.name} = '${drillDigest(drill)}' AND ExecutionStatus = 'Completed'`;
  const runs: { workflowId: string; runId: string; startedAt: number }[] = [];
  try {
    for await (const wf of client.workflow.list({ query: q, pageSize: 50 })) {
      if (wf.runId === excludeRunId) continue;
      runs.push({ workflowId: wf.workflowId, runId: wf.runId, startedAt: wf.startTime.getTime() });
      if (runs.length >= 100) break;
    }
  } catch {
    // No visibility store (the time-skipping test server): no trend.
    return [];
  }
  runs.sort((a, b) => b.startedAt - a.startedAt);
  const out: DrillTrendPoint[] = [];
  for (const r of runs.slice(0, TREND_MAX)) {
    try {
      const d = (await client.workflow.getHandle(r.workflowId, r.runId).result()) as DrillResult;
      out.push({
        workflowId: r.workflowId,
        runId: r.runId,
        startedAt: d.startedAt,
        outcome: d.outcome,
        ...(d.rtoSeconds !== undefined ? { rtoSeconds: d.rtoSeconds } : {}),
        ...(d.rpoSeconds !== undefined ? { rpoSeconds: d.rpoSeconds } : {}),
        ...(d.verification?.manifest ? { documents: d.verification.manifest.documents } : {}),
      });
    } catch {
      // A run whose result cannot be read is left out of the trend.
    }
  }
  return out;
}
