// `atlas-restore history`: the audit trail as a readable timeline; `-o json` gives the raw Temporal events too.
import { Client } from '@temporalio/client';
import type { AuditEvent } from '../../common/result';
import { restoreWorkflow } from '../../workflows';
import { auditQuery } from '../../workflows/definitions';
import { emit, OutputFormat } from '../output';
import { restoreResultOf } from '../result';

export async function historyCommand(client: Client, workflowId: string, output: OutputFormat): Promise<number> {
  const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId);
  const d = await handle.describe();
  const audit: AuditEvent[] =
    d.status.name === 'RUNNING' ? await handle.query(auditQuery) : (await restoreResultOf(handle)).audit;
  if (output === 'json') {
    const events = (await handle.fetchHistory()).events ?? [];
    emit(output, { workflowId, runId: d.runId, audit, events }, () => '');
    return 0;
  }
  emit(output, audit, () => audit.map(timelineLine).join('\n'));
  return 0;
}

export function timelineLine(e: AuditEvent): string {
  return `${e.at}  ${e.type.padEnd(18)} ${e.message}`;
}
