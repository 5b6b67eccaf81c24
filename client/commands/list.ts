// `atlas-restore list`: a visibility query over our search attributes (the same filters work in the Temporal UI).
// One row per run, newest first: a target's restores share its workflow id, so the run id tells them apart, and
// `status`/`history`/`cancel --runId` reach any of them. A restore started by a batch names the batch.
import type { Client } from '@temporalio/client';
import { SA } from '../../common/constants';
import { EXIT } from '../../common/exit-codes';
import { describeIssues, inputSchemas } from '../../common/input';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';
import { quoted } from '../../common/visibility';
import type { OutputFormat } from '../output';
import { CliError, emit } from '../output';

/** `--status`: canceled and cancelled are the same filter. */
export const LIST_STATUSES = ['running', 'completed', 'failed', 'rejected', 'canceled', 'cancelled'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export interface ListFlags {
  status?: ListStatus;
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
  const parts = [`WorkflowType = '${RESTORE_WORKFLOW_TYPE}'`];
  if (f.status === 'running') parts.push(`ExecutionStatus = 'Running'`);
  if (f.status === 'completed') parts.push(`${SA.outcome.name} = 'COMPLETED'`);
  if (f.status === 'failed')
    parts.push(
      `(${SA.outcome.name} IN ('PREFLIGHT_FAILED', 'REJECTED', 'CANCELLED', 'DEADLINE_EXCEEDED', 'COMPENSATED', 'FAILED', 'VERIFY_FAILED') OR ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut'))`,
    );
  if (f.status === 'rejected') parts.push(`${SA.outcome.name} = 'REJECTED'`);
  if (f.status === 'canceled' || f.status === 'cancelled')
    parts.push(`(${SA.outcome.name} = 'CANCELLED' OR ExecutionStatus = 'Canceled')`);
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
      batch: wf.parentExecution?.workflowId ?? undefined,
    });
    if (rows.length >= f.limit) break;
  }
  emit(f.output, { restores: rows }, () => (rows.length ? listText(rows) : 'no restores match'));
  return 0;
}

const COLUMNS = ['STATE', 'WORKFLOW ID', 'RUN ID', 'SOURCE → TARGET', 'STARTED', 'BATCH'] as const;

/** A table with a header: the state (outcome once ended, else phase), ids to pass to status/history --runId. */
export function listText(rows: Record<string, string | undefined>[]): string {
  const cells = rows.map((r) => [
    r.outcome ?? r.phase ?? r.status ?? '',
    r.workflowId ?? '',
    r.runId ?? '',
    `${r.source ?? '?'} → ${r.target ?? '?'}`,
    r.startTime ?? '',
    r.batch ?? '-',
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), ...cells.map(line)].join('\n');
}
