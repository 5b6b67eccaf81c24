// The last verified restore of the same source, for compareWithPrevious: found through Temporal visibility (our own
// search attributes: source project and cluster, outcome COMPLETED) and read from its result (verification PASSED).
import type { Client } from '@temporalio/client';
import { SA } from '../common/constants';
import type { ManifestCollection, Verification } from '../common/verification';

/** Completed restores of the source read at most, newest first. */
const SCAN_MAX = 20;
const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function previousVerified(
  client: Client | undefined,
  projectId: string,
  clusterName: string,
  excludeWorkflowId?: string,
): Promise<{ workflowId: string; items: ManifestCollection[] } | undefined> {
  if (!client) return undefined;
  const q = `${SA.projectId.name} = ${quote(projectId)} AND ${SA.sourceCluster.name} = ${quote(clusterName)} AND ${SA.outcome.name} = 'COMPLETED'`;
  const runs: { workflowId: string; runId: string; closeTime: number }[] = [];
  try {
    for await (const wf of client.workflow.list({ query: q })) {
      if (wf.workflowId === excludeWorkflowId && wf.status.name === 'RUNNING') continue;
      runs.push({ workflowId: wf.workflowId, runId: wf.runId, closeTime: wf.closeTime?.getTime() ?? 0 });
      if (runs.length >= SCAN_MAX) break;
    }
  } catch {
    // No visibility store (the time-skipping test server): nothing to compare with, and the check says so.
    return undefined;
  }
  runs.sort((a, b) => b.closeTime - a.closeTime);
  for (const r of runs) {
    try {
      const result = (await client.workflow.getHandle(r.workflowId, r.runId).result()) as {
        verification?: Verification;
      };
      const v = result?.verification;
      if (v?.status === 'PASSED' && v.manifest) return { workflowId: r.workflowId, items: v.manifest.items };
    } catch {
      // A run whose result cannot be read is not evidence.
    }
  }
  return undefined;
}
