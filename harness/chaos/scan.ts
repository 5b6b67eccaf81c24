// The secret scan over everything a run leaves behind in Temporal: every run of every workflow on the task queue
// (history events with their payloads, failures, memo, search attributes and user metadata; and describe(), which
// shows the current memo, search attributes and details). Also counts the runs of each workflow id, for the audit
// check across continue-as-new.
import type { Client } from '@temporalio/client';
import { resilient } from './input-phase';
import type { SecretScan } from './secrets';

export interface HistoryScan {
  histories: number;
  events: number;
  runsByWorkflow: Map<string, number>;
}

export async function scanHistories(client: Client, taskQueue: string, scan: SecretScan): Promise<HistoryScan> {
  const out: HistoryScan = { histories: 0, events: 0, runsByWorkflow: new Map() };
  const executions: { workflowId: string; runId: string }[] = [];
  await resilient(async () => {
    executions.length = 0;
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` }))
      executions.push({ workflowId: wf.workflowId, runId: wf.runId });
  });
  // A few at a time: histories of long restores run to a few hundred events each.
  for (let i = 0; i < executions.length; i += 8) {
    await Promise.all(
      executions.slice(i, i + 8).map(async ({ workflowId, runId }) => {
        const handle = client.workflow.getHandle(workflowId, runId);
        const history = await resilient(() => handle.fetchHistory());
        const desc = await resilient(() => handle.describe());
        scan.value('workflow history', history);
        scan.value('workflow description (memo, search attributes, details)', desc.raw);
        out.histories++;
        out.events += history.events?.length ?? 0;
        out.runsByWorkflow.set(workflowId, (out.runsByWorkflow.get(workflowId) ?? 0) + 1);
      }),
    );
  }
  return out;
}
