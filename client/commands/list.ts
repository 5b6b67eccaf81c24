// `atlas-restore list`: a visibility query over our search attributes (the same filters work in the Temporal UI).
import type { Client } from '@temporalio/client';
import { SA } from '../../common/constants';
import { EXIT } from '../../common/exit-codes';
import { describeIssues, inputSchemas } from '../../common/input';
import { quoted } from '../../common/visibility';
import type { OutputFormat } from '../output';
import { CliError, emit } from '../output';

export interface ListFlags {
  status?: 'running' | 'completed' | 'failed';
  targetClusterName?: string;
  /** Restores from or into this project. */
  projectId?: string;
  limit: number;
  output: OutputFormat;
}

/** The query, exactly as one would paste it into the Temporal UI's filter; only from validated values. */
export function listQuery(f: Pick<ListFlags, 'status' | 'targetClusterName' | 'projectId'>): string {
  const { clusterNameSchema, objectIdSchema } = inputSchemas();
  const valid = (flag: string, schema: typeof clusterNameSchema, v: string): string => {
    const r = schema.safeParse(v);
    if (!r.success) throw new CliError(`invalid ${flag}: ${describeIssues(r.error)}`, EXIT.usage);
    return r.data;
  };
  const parts = [`WorkflowType = 'restoreWorkflow'`];
  if (f.status === 'running') parts.push(`ExecutionStatus = 'Running'`);
  if (f.status === 'completed') parts.push(`${SA.outcome.name} = 'COMPLETED'`);
  if (f.status === 'failed')
    parts.push(
      `(${SA.outcome.name} IN ('PREFLIGHT_FAILED', 'REJECTED', 'CANCELLED', 'DEADLINE_EXCEEDED', 'COMPENSATED', 'FAILED') OR ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut'))`,
    );
  if (f.targetClusterName)
    parts.push(
      `${SA.targetCluster.name} = ${quoted(valid('--targetClusterName', clusterNameSchema, f.targetClusterName))}`,
    );
  if (f.projectId) {
    const id = quoted(valid('--projectId', objectIdSchema, f.projectId));
    parts.push(`(${SA.projectId.name} = ${id} OR ${SA.targetProjectId.name} = ${id})`);
  }
  return parts.join(' AND ');
}

export async function listCommand(client: Client, f: ListFlags): Promise<number> {
  const rows: Record<string, string | undefined>[] = [];
  for await (const wf of client.workflow.list({ query: listQuery(f) })) {
    const a = wf.typedSearchAttributes;
    rows.push({
      workflowId: wf.workflowId,
      runId: wf.runId,
      status: wf.status.name,
      startTime: wf.startTime.toISOString(),
      target: a.get(SA.targetCluster),
      source: a.get(SA.sourceCluster),
      snapshotId: a.get(SA.snapshotId),
      backend: a.get(SA.backend),
      phase: a.get(SA.phase),
      jobStatus: a.get(SA.jobStatus),
      outcome: a.get(SA.outcome),
    });
    if (rows.length >= f.limit) break;
  }
  emit(f.output, { restores: rows }, () =>
    rows.length
      ? rows
          .map(
            (r) =>
              `${(r.outcome ?? r.phase ?? r.status ?? '').padEnd(18)} ${r.workflowId}  ${r.source} → ${r.target}  ${r.startTime}`,
          )
          .join('\n')
      : 'no restores match',
  );
  return 0;
}
