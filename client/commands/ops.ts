// Commands on one running (or finished) restore: status, watch, approve, reject, cancel.
import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { SA } from '../../common/constants';
import { EXIT, exitCodeFor } from '../../common/exit-codes';
import type { RestoreResult } from '../../common/result';
import type { restoreWorkflow } from '../../workflows';
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
): Promise<{ handle: Handle; running: boolean; runId: string; about: Pick<StatusView, 'target' | 'source'> }> {
  const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId);
  try {
    const d = await handle.describe();
    const a = d.typedSearchAttributes;
    const about = {
      target: { projectId: a.get(SA.targetProjectId), clusterName: a.get(SA.targetCluster) },
      source: { clusterName: a.get(SA.sourceCluster), snapshotId: a.get(SA.snapshotId) },
    };
    return { handle, running: d.status.name === 'RUNNING', runId: d.runId, about };
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) throw new CliError(`no restore with workflow id ${workflowId}`, EXIT.usage);
    throw e;
  }
}

export async function statusCommand(client: Client, workflowId: string, output: OutputFormat): Promise<number> {
  const { handle, running, runId, about } = await existing(client, workflowId);
  const view: StatusView & { result?: RestoreResult } = running
    ? { workflowId, runId, running, ...about, ...(await handle.query(statusQuery)) }
    : { workflowId, runId, running, ...about, result: await restoreResultOf(handle) };
  emit(output, view, () => (view.result ? resultText(view.result) : statusText(view)));
  return view.result ? exitCodeFor(view.result.outcome) : EXIT.ok;
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

export async function cancelCommand(client: Client, workflowId: string, output: OutputFormat): Promise<number> {
  const { handle, running } = await existing(client, workflowId);
  if (!running) throw new CliError(`${workflowId} is not running; nothing to cancel`, EXIT.usage);
  await handle.cancel();
  say(
    `cancellation requested for ${workflowId}; a job Atlas already runs keeps running (Atlas cannot cancel it; see \`atlas-restore watch ${workflowId}\`)`,
  );
  emit(output, { workflowId, cancelRequested: true }, () => `cancel requested: ${workflowId}`);
  return EXIT.ok;
}
