// Commands on one running (or finished) restore: status, watch, approve, reject, cancel. `status` also reads a batch
// (atlas-restore-batch-<name>). --runId picks one run of a workflow id (a target's earlier restores reuse its id);
// without it, the latest run.
import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { SA } from '../../common/constants';
import { EXIT, exitCodeFor, itemExitCode, worstExitCode } from '../../common/exit-codes';
import type { RestoreResult } from '../../common/result';
import { BATCH_WORKFLOW_TYPE } from '../../common/start-options';
import type { batchRestoreWorkflow, restoreWorkflow } from '../../workflows';
import type { BatchProgress, BatchResult } from '../../workflows/batch-definitions';
import { progressQuery } from '../../workflows/batch-definitions';
import { approveUpdate, rejectUpdate, statusQuery } from '../../workflows/definitions';
import type { OutputFormat } from '../output';
import { CliError, emit, say } from '../output';
import { restoreResultOf } from '../result';
import { resultText } from '../result-text';
import { waitWithProgress } from '../progress';
import type { StatusView } from '../status-text';
import { statusText } from '../status-text';
import { signFor, signingKeyFrom } from '../signing';
import type { Confirm } from './start';

type Handle = WorkflowHandle<typeof restoreWorkflow>;

async function existing(
  client: Client,
  workflowId: string,
  runId?: string,
): Promise<{
  handle: Handle;
  running: boolean;
  runId: string;
  batch: boolean;
  about: Pick<StatusView, 'target' | 'source'>;
}> {
  const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId, runId);
  try {
    const d = await handle.describe();
    const a = d.typedSearchAttributes;
    const about = {
      target: { projectId: a.get(SA.targetProjectId), clusterName: a.get(SA.targetCluster) },
      source: { clusterName: a.get(SA.sourceCluster), snapshotId: a.get(SA.snapshotId) },
    };
    // Bound to a run only when one is asked for: unbound, queries follow the restore across continue-as-new.
    return {
      handle,
      running: d.status.name === 'RUNNING',
      runId: d.runId,
      batch: d.type === BATCH_WORKFLOW_TYPE,
      about,
    };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError)
      throw new CliError(`no restore with workflow id ${workflowId}${runId ? ` and run id ${runId}` : ''}`, EXIT.usage);
    throw e;
  }
}

/**
 * Exit codes: 0 while the restore (or batch) runs; once it has ended, its outcome's code (0 completed or dry run, 3
 * preflight failed, 4 failed or compensated, 5 rejected, cancelled or deadline exceeded; a batch: its worst item's).
 */
export async function statusCommand(
  client: Client,
  workflowId: string,
  output: OutputFormat,
  runId?: string,
): Promise<number> {
  const { handle, running, runId: run, batch, about } = await existing(client, workflowId, runId);
  if (batch) return batchStatus(client, workflowId, run, running, output);
  const view: StatusView & { result?: RestoreResult } = running
    ? { workflowId, runId: run, running, ...about, ...(await handle.query(statusQuery)) }
    : { workflowId, runId: run, running, ...about, result: await restoreResultOf(handle) };
  emit(output, view, () => (view.result ? resultText(view.result) : statusText(view)));
  return view.result ? exitCodeFor(view.result.outcome) : EXIT.ok;
}

/** A batch's status: its progress while it runs, its summary (and worst item's exit code) once it has ended. */
async function batchStatus(
  client: Client,
  workflowId: string,
  runId: string,
  running: boolean,
  output: OutputFormat,
): Promise<number> {
  const handle = client.workflow.getHandle<typeof batchRestoreWorkflow>(workflowId, runId);
  const view: { workflowId: string; runId: string; running: boolean; progress?: BatchProgress; result?: BatchResult } =
    running
      ? { workflowId, runId, running, progress: await handle.query(progressQuery) }
      : { workflowId, runId, running, result: await handle.result() };
  const { batchProgressLine, batchText } = await import('./batch.js');
  emit(output, view, () =>
    view.result
      ? batchText(view.result)
      : `RUNNING  ${workflowId} (run ${runId})\n  ${view.progress ? batchProgressLine(view.progress) : ''}`,
  );
  return view.result ? worstExitCode(view.result.items.map(itemExitCode)) : EXIT.ok;
}

export async function watchCommand(client: Client, workflowId: string, output: OutputFormat): Promise<number> {
  const { handle } = await existing(client, workflowId);
  const result = await waitWithProgress(handle);
  emit(output, result, () => resultText(result));
  return exitCodeFor(result.outcome);
}

/**
 * A decision is bound to the run (and so the request) the approver reviewed: `--runId` as `status` showed it, or, on
 * a terminal, the CLI shows the running request and asks for confirmation. The workflow refuses a decision for
 * another run or digest ("you reviewed a different request").
 */
export async function decideCommand(
  client: Client,
  workflowId: string,
  decision: 'approve' | 'reject',
  by: string,
  note: string | undefined,
  output: OutputFormat,
  o: { runId?: string; confirm?: Confirm; signingKey?: string } = {},
): Promise<number> {
  const { running, runId: current, about } = await existing(client, workflowId);
  if (!running) throw new CliError(`${workflowId} is not running; nothing to ${decision}`, EXIT.usage);
  if (o.runId && o.runId !== current)
    throw new CliError(
      `${decision} refused: you reviewed a different request: run ${o.runId} is not the running one (${current}); run \`atlas-restore status ${workflowId}\` again`,
      EXIT.usage,
    );
  const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId, current);
  const st = await handle.query(statusQuery);
  if (!o.runId) {
    if (!o.confirm)
      throw new CliError(
        `${decision} needs --runId ${current} (as \`atlas-restore status ${workflowId}\` shows it): a decision is bound to the request you reviewed`,
        EXIT.usage,
      );
    say(
      statusText({ workflowId, runId: current, running, ...about, ...st }) +
        `\n${decision} THIS request (run ${current}, digest ${st.requestDigest ?? '?'})?`,
    );
    if ((await o.confirm(`Type yes to ${decision}: `)).trim() !== 'yes')
      throw new CliError(`not confirmed; nothing was sent`, EXIT.usage);
  }
  const key = signingKeyFrom(o.signingKey);
  const signed = key
    ? await signFor(key, { action: decision, workflowId, runId: current, requestDigest: st.requestDigest ?? '' })
    : undefined;
  const bound = { runId: current, requestDigest: st.requestDigest, ...(signed ? { signed } : {}) };
  try {
    const message =
      decision === 'approve'
        ? await handle.executeUpdate(approveUpdate, { args: [{ by, comment: note, ...bound }] })
        : await handle.executeUpdate(rejectUpdate, { args: [{ by, reason: note, ...bound }] });
    emit(output, { workflowId, runId: current, decision, by, message }, () => message);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError)
      throw new CliError(`${decision} refused: ${e.cause?.message ?? e.message}`, EXIT.usage);
    throw e;
  }
}

export async function cancelCommand(
  client: Client,
  workflowId: string,
  output: OutputFormat,
  runId?: string,
): Promise<number> {
  const { handle, running, runId: run } = await existing(client, workflowId, runId);
  if (!running) throw new CliError(`${workflowId} (run ${run}) is not running; nothing to cancel`, EXIT.usage);
  await handle.cancel();
  say(
    `cancellation requested for ${workflowId}; a job Atlas already runs keeps running (Atlas cannot cancel it; see \`./bin/atlas-restore watch ${workflowId}\`)`,
  );
  emit(output, { workflowId, runId: run, cancelRequested: true }, () => `cancel requested: ${workflowId} (run ${run})`);
  return EXIT.ok;
}
