// `atlas-restore start`: flags named like the Atlas CLI's restore commands.
// The request is validated and confirmed before anything connects; a plain start goes through client/fast-start.ts
// (no SDK to load), everything else through the SDK's client.
import type { Client } from '@temporalio/client';
import { createInterface } from 'node:readline/promises';
import { EXIT, exitCodeFor } from '../../common/exit-codes';
import { describeIssues, RestoreInput, RestoreInputSchema } from '../../common/input';
import type { TemporalTarget } from '../../config/temporal';
import { CliError, emit, OutputFormat, say } from '../output';

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
  /** Connection settings: with them a plain start skips the SDK (client/fast-start.ts). */
  temporal?: TemporalTarget;
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

/** A connected client, or how to get one (the CLI connects only once the request is known to be valid). */
export type ClientSource = Client | (() => Promise<Client>);

export async function startCommand(source: ClientSource, f: StartFlags, confirm: Confirm | undefined = process.stdin.isTTY ? ttyConfirm : undefined): Promise<number> {
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
  const parsed = RestoreInputSchema.safeParse(input);
  if (!parsed.success) throw new CliError(`invalid restore input: ${describeIssues(parsed.error)}`, EXIT.usage);
  if (!f.dryRun && !f.force) {
    if (!confirm) throw new CliError('refusing to start a restore without --force: it deletes all data on the target and no terminal is attached to confirm', EXIT.usage);
    say(`This restore DELETES ALL DATA on cluster '${f.targetClusterName}' (project ${f.targetProjectId ?? f.projectId}) and replaces it with snapshot ${f.snapshotId} of '${f.clusterName}'.`);
    const answer = (await confirm(`Type the target cluster name (${f.targetClusterName}) to continue: `)).trim();
    if (answer !== f.targetClusterName) throw new CliError('confirmation did not match the target cluster name; nothing was started', EXIT.usage);
  }
  if (!f.wait && f.temporal) {
    const { fastStart } = await import('../fast-start.js');
    const fast = await fastStart(f.temporal, parsed.data, input, f.taskQueue).catch(() => undefined);
    // On any failure (the target is busy, the server is unreachable, ...) the SDK path below decides and reports.
    if (fast) return started(f, fast.workflowId, fast.runId, false);
  }
  const client = typeof source === 'function' ? await source() : source;
  const { InvalidInputError, startRestore, TargetBusyError } = await import('../start.js');
  let r;
  try {
    r = await startRestore(client, input, { taskQueue: f.taskQueue });
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof TargetBusyError) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
  const { handle, runId, existing } = r;
  if (!f.wait) return started(f, handle.workflowId, runId, existing);
  say(`${existing ? 'already running' : 'started'}: ${handle.workflowId} (run ${runId})`);
  const [{ waitWithProgress }, { resultText }] = await Promise.all([import('../progress.js'), import('../result-text.js')]);
  const result = await waitWithProgress(handle);
  emit(f.output, result, () => resultText(result));
  return exitCodeFor(result.outcome);
}

function started(f: StartFlags, workflowId: string, runId: string, existing: boolean): number {
  say(`${existing ? 'already running' : 'started'}: ${workflowId} (run ${runId})`);
  emit(f.output, { workflowId, runId, existing }, () => `${workflowId} ${runId}`);
  return EXIT.ok;
}
