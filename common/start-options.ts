// How a restore workflow is started, the same from the CLI and from a parent workflow: its id (one restore per
// target), its UI summary and details, and its initial search attributes. Workflow-safe.
import type { SearchAttributePair } from '@temporalio/common';
import { SA } from './constants';
import { restoreWorkflowId, ValidRestoreInput } from './input';

export interface RestoreStartOptions {
  workflowId: string;
  staticSummary: string;
  staticDetails: string;
  typedSearchAttributes: SearchAttributePair[];
}

export function restoreStartOptions(i: ValidRestoreInput): RestoreStartOptions {
  const targetProjectId = i.targetProjectId ?? i.projectId;
  return {
    workflowId: restoreWorkflowId(i),
    staticSummary: `Restore ${i.clusterName} snapshot ${i.snapshotId} → ${i.targetClusterName}${i.dryRun ? ' (dry run)' : ''}`,
    staticDetails: [
      `**Atlas restore** (deletes all data on the target)`,
      `- source: \`${i.clusterName}\` in project \`${i.projectId}\``,
      `- snapshot: \`${i.snapshotId}\``,
      `- target: \`${i.targetClusterName}\` in project \`${targetProjectId}\``,
      `- requester: ${i.requester ?? 'unknown'}${i.reason ? `; reason: ${i.reason}` : ''}`,
      `- approval required: ${i.requireApproval}; dry run: ${i.dryRun}`,
    ].join('\n'),
    typedSearchAttributes: [
      { key: SA.projectId, value: i.projectId },
      { key: SA.sourceCluster, value: i.clusterName },
      { key: SA.targetProjectId, value: targetProjectId },
      { key: SA.targetCluster, value: i.targetClusterName },
      { key: SA.snapshotId, value: i.snapshotId },
      { key: SA.phase, value: 'VALIDATING' },
    ],
  };
}
