// How restores and batches are started: workflow type, id (one restore per target, one batch per plan name), id
// policies, UI summary and details, initial search attributes (incl. the request digest). One place, used by the
// CLI (client/start.ts) and by the batch workflow (workflows/batch.ts) for its children. Workflow-safe.
import type { SearchAttributePair } from '@temporalio/common';
import { SA } from './constants';
import { restoreWorkflowId } from './input';
import type { ResolvedRequest } from './request';
import { requestDigest } from './request';

export const RESTORE_WORKFLOW_TYPE = 'restoreWorkflow';
export const BATCH_WORKFLOW_TYPE = 'batchRestoreWorkflow';

/** Options shared by a top-level start and a child start. */
interface CommonStartOptions {
  workflowId: string;
  /** A closed workflow's id may be used again: a restore per target at a time, not once ever. */
  workflowIdReusePolicy: 'ALLOW_DUPLICATE';
  staticSummary: string;
  staticDetails: string;
  typedSearchAttributes: SearchAttributePair[];
}

export interface TopLevelStartOptions extends CommonStartOptions {
  workflowType: string;
  /** A running workflow with this id refuses the start; the caller then compares digests (attach or busy). */
  workflowIdConflictPolicy: 'FAIL';
  /** What "the same request again" is compared by (RestoreRequestDigest on the running workflow). */
  digest: string;
}

export interface RestoreChildOptions extends CommonStartOptions {
  /** Cancelling or terminating the batch cancels its restores, which then compensate. */
  parentClosePolicy: 'REQUEST_CANCEL';
}

function restoreCommon(r: ResolvedRequest): CommonStartOptions {
  return {
    workflowId: restoreWorkflowId(r),
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    staticSummary: `Restore ${r.clusterName} snapshot ${r.snapshotId} → ${r.targetClusterName}${r.dryRun ? ' (dry run)' : ''}`,
    staticDetails: [
      `**Atlas restore** (deletes all data on the target)`,
      `- source: \`${r.clusterName}\` in project \`${r.projectId}\``,
      `- snapshot: \`${r.snapshotId}\``,
      `- target: \`${r.targetClusterName}\` in project \`${r.targetProjectId}\``,
      `- requester: ${r.requester ?? 'unknown'}${r.reason ? `; reason: ${r.reason}` : ''}`,
      `- approval required: ${r.requireApproval}; dry run: ${r.dryRun}; rollback on failure: ${r.rollbackOnFailure}`,
    ].join('\n'),
    typedSearchAttributes: [
      { key: SA.projectId, value: r.projectId },
      { key: SA.sourceCluster, value: r.clusterName },
      { key: SA.targetProjectId, value: r.targetProjectId },
      { key: SA.targetCluster, value: r.targetClusterName },
      { key: SA.snapshotId, value: r.snapshotId },
      { key: SA.phase, value: 'VALIDATING' },
      { key: SA.requestDigest, value: requestDigest(r) },
    ],
  };
}

/** A restore started by a client (the CLI, scripts). */
export function restoreStartOptions(r: ResolvedRequest): TopLevelStartOptions {
  return {
    ...restoreCommon(r),
    workflowType: RESTORE_WORKFLOW_TYPE,
    workflowIdConflictPolicy: 'FAIL',
    digest: requestDigest(r),
  };
}

/** A restore started by a batch (the UI finds a drill's restores with `ParentWorkflowId = '<batch id>'`). */
export function restoreChildOptions(r: ResolvedRequest): RestoreChildOptions {
  return { ...restoreCommon(r), parentClosePolicy: 'REQUEST_CANCEL' };
}

/** The batch workflow id: one batch per plan name at a time (unnamed plans: per plan digest). */
function batchWorkflowId(name: string | undefined, digest: string): string {
  const slug = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `atlas-restore-batch-${slug || digest.replace(/[^a-z0-9]+/gi, '-')}`;
}

/** Whether `workflowId` is the id batchWorkflowId gives a plan of this name (any digest, for an unnamed plan). */
export function isBatchWorkflowId(workflowId: string, name: string | undefined): boolean {
  const byName = batchWorkflowId(name, '');
  return byName !== 'atlas-restore-batch-'
    ? workflowId === byName
    : /^atlas-restore-batch-[a-z0-9-]+$/i.test(workflowId);
}

export interface BatchPlanRef {
  name?: string;
  /** Digest of the plan's normalized restores (client/plan.ts planDigest). */
  digest: string;
  restores: number;
  concurrency: number;
}

export function batchStartOptions(p: BatchPlanRef): TopLevelStartOptions {
  const workflowId = batchWorkflowId(p.name, p.digest);
  return {
    workflowType: BATCH_WORKFLOW_TYPE,
    workflowId,
    workflowIdConflictPolicy: 'FAIL',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    staticSummary: `Batch restore: ${p.name ?? workflowId} (${p.restores} restores, ${p.concurrency} at a time)`,
    staticDetails: `**Atlas restore batch** \`${p.name ?? '(unnamed)'}\`: ${p.restores} restores (each deletes all data on its target); plan digest \`${p.digest}\``,
    // The dev server allows 10 Keyword attributes and we use all 10: the batch reuses RestoreRequestDigest (its plan's
    // digest) and, when it ends, RestorePhase/RestoreOutcome (workflows/batch.ts).
    typedSearchAttributes: [{ key: SA.requestDigest, value: p.digest }],
    digest: p.digest,
  };
}
