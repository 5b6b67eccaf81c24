// The restore policy for a drill's child restore (issue 22 item 6): a restore started by a drill is judged by the
// policy's drill rules (its target must be the drill's scratch pattern), never by the restore rules, and a plain
// restore never by the drill rules. Which drill started it is proven from history, not taken from any input: the
// restore's start event names its parent, and the parent's start event must be a drillWorkflow of that drill on
// this worker's task queue.
import type { Client } from '@temporalio/client';
import type { PolicyVerdict, RestorePolicy } from '../policy/policy';
import type { DrillInput } from '../common/drill';
import { DRILL_WORKFLOW_TYPE, drillScheduleId } from '../common/drill';
import type { Caller } from './guard';
import { firstArgument, startedEvent } from './guard';
import { isDrillWorkflowId } from '../common/drill-input';

/** The drill whose child the calling restore is, proven from both start events; undefined for any other restore. */
async function drillParentOf(temporal: Client | undefined, c: Caller): Promise<string | undefined> {
  if (!temporal) return undefined;
  const own = await startedEvent(temporal, c.namespace, c.workflowId, c.runId);
  const firstRun = own?.firstExecutionRunId || c.runId;
  // A continued restore's start event names no parent: its first run's does.
  const first = firstRun === c.runId ? own : await startedEvent(temporal, c.namespace, c.workflowId, firstRun);
  const parent = first?.parentWorkflowExecution;
  // Only a parent named like a drill run is read (its id is then checked against the drill it was started as).
  if (!parent?.workflowId?.startsWith(drillScheduleId('')) || !parent.runId) return undefined;
  const p = await startedEvent(temporal, c.namespace, parent.workflowId, parent.runId);
  if (!p || p.workflowType?.name !== DRILL_WORKFLOW_TYPE || p.taskQueue?.name !== c.taskQueue) return undefined;
  const input = firstArgument(temporal, p) as Partial<DrillInput> | undefined;
  if (!input?.name || !isDrillWorkflowId(parent.workflowId, input.name)) return undefined;
  return input.name;
}

/** The verdict on a restore's target: by the drill rules for a drill's child, else by the restore rules. */
export async function restoreVerdict(
  temporal: Client | undefined,
  p: RestorePolicy,
  c: Caller,
  targetProjectId: string,
  targetClusterName: string,
): Promise<PolicyVerdict & { drill?: string }> {
  const drill = await drillParentOf(temporal, c);
  if (!drill) return p.verdict(targetProjectId, targetClusterName);
  const v = p.drillVerdict(drill, targetProjectId, targetClusterName);
  return {
    mode: 'enforced',
    digest: p.digest,
    ...(v.allowed ? { rule: `drill:${drill}` } : {}),
    allowed: v.allowed,
    signedStart: false,
    approvers: 0,
    evidence: `restore of drill ${drill}: ${v.evidence}`,
    drill,
  };
}
