// `atlas-restore batch <plan>`: starts the batch workflow (restores as child workflows) from a validated plan.
import { Client } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT } from '../../common/exit-codes';
import { batchRestoreWorkflow } from '../../workflows';
import { CliError, emit, OutputFormat, say } from '../output';
import { parsePlan, PlanError } from '../plan';

export async function batchCommand(client: Client, file: string, o: { wait: boolean; output: OutputFormat; taskQueue: string }): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read plan ${file}: ${(e as Error).message}`, EXIT.usage);
  }
  let plan;
  try {
    plan = parsePlan(text, basename(file));
  } catch (e) {
    if (e instanceof PlanError) throw new CliError(`${e.message}\nnothing was started`, EXIT.usage);
    throw e;
  }
  const workflowId = `atlas-restore-batch-${(plan.name ?? 'plan').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 60)}-${Date.now()}`;
  const handle = await client.workflow.start(batchRestoreWorkflow, {
    taskQueue: o.taskQueue,
    workflowId,
    args: [{ name: plan.name, concurrency: plan.concurrency, restores: plan.restores }],
    staticSummary: `Batch restore: ${plan.name ?? basename(file)} (${plan.restores.length} restores, ${plan.concurrency} at a time)`,
  });
  say(`started batch ${workflowId} with ${plan.restores.length} restores`);
  if (!o.wait) {
    emit(o.output, { workflowId, runId: handle.firstExecutionRunId, restores: plan.restores.length }, () => workflowId);
    return EXIT.ok;
  }
  const r = await handle.result();
  emit(o.output, r, () => [`${r.name ?? 'batch'}: ${JSON.stringify(r.byOutcome)}`, ...r.items.map((i) => `  ${i.outcome.padEnd(18)} ${i.targetClusterName}  ${i.reason ?? ''}`)].join('\n'));
  return r.items.every((i) => i.outcome === 'COMPLETED' || i.outcome === 'DRY_RUN') ? EXIT.ok : EXIT.restoreFailed;
}
