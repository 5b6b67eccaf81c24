// `atlas-restore start`: flags named like the Atlas CLI's restore commands.
import { Client } from '@temporalio/client';
import { createInterface } from 'node:readline/promises';
import { EXIT, exitCodeFor } from '../../common/exit-codes';
import type { RestoreInput } from '../../common/input';
import { CliError, emit, OutputFormat, say } from '../output';
import { waitWithProgress } from '../progress';
import { resultText } from '../result-text';
import { InvalidInputError, startRestore, TargetBusyError } from '../start';

export interface StartFlags {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetClusterName: string;
  targetProjectId?: string;
  backend?: string;
  requireApproval?: boolean;
  dryRun?: boolean;
  deadline?: string;
  reason?: string;
  requester?: string;
  rollbackOnFailure?: boolean;
  force?: boolean;
  wait?: boolean;
  output: OutputFormat;
  taskQueue?: string;
  /** Polling defaults from the configuration (ATLAS_RESTORE_POLL_*). */
  polling?: { initialS?: number; maxS?: number };
}

/** Asks for the target's name on a terminal; the injected `ask` lets tests answer. */
export type Confirm = (question: string) => Promise<string>;

const ttyConfirm: Confirm = async (q) => {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(q);
  } finally {
    rl.close();
  }
};

export async function startCommand(client: Client, f: StartFlags, confirm: Confirm | undefined = process.stdin.isTTY ? ttyConfirm : undefined): Promise<number> {
  const input: RestoreInput = {
    projectId: f.projectId,
    clusterName: f.clusterName,
    snapshotId: f.snapshotId,
    targetClusterName: f.targetClusterName,
    ...(f.targetProjectId ? { targetProjectId: f.targetProjectId } : {}),
    acknowledgeDataLoss: true,
    ...(f.backend ? { backend: f.backend as RestoreInput['backend'] } : {}),
    requireApproval: !!f.requireApproval,
    dryRun: !!f.dryRun,
    rollbackOnFailure: !!f.rollbackOnFailure,
    ...(f.deadline ? { deadline: f.deadline } : {}),
    ...(f.polling ? { polling: Object.fromEntries(Object.entries(f.polling).filter(([, v]) => v !== undefined)) } : {}),
    ...(f.reason ? { reason: f.reason } : {}),
    requester: f.requester ?? process.env.USER ?? 'unknown',
  };
  if (!f.dryRun && !f.force) {
    if (!confirm) throw new CliError('refusing to start a restore without --force: it deletes all data on the target and no terminal is attached to confirm', EXIT.usage);
    say(`This restore DELETES ALL DATA on cluster '${f.targetClusterName}' (project ${f.targetProjectId ?? f.projectId}) and replaces it with snapshot ${f.snapshotId} of '${f.clusterName}'.`);
    const answer = (await confirm(`Type the target cluster name (${f.targetClusterName}) to continue: `)).trim();
    if (answer !== f.targetClusterName) throw new CliError('confirmation did not match the target cluster name; nothing was started', EXIT.usage);
  }
  let started;
  try {
    started = await startRestore(client, input, { taskQueue: f.taskQueue });
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof TargetBusyError) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
  const { handle, runId, existing } = started;
  say(`${existing ? 'already running' : 'started'}: ${handle.workflowId} (run ${runId})`);
  if (!f.wait) {
    emit(f.output, { workflowId: handle.workflowId, runId, existing }, () => `${handle.workflowId} ${runId}`);
    return EXIT.ok;
  }
  const result = await waitWithProgress(handle);
  emit(f.output, result, () => resultText(result));
  return exitCodeFor(result.outcome);
}
