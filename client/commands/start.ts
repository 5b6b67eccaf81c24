// `atlas-restore start`: flags named like the Atlas CLI's restore commands.
// The request is parsed once, resolved, and confirmed before anything connects; then started through the SDK client
// (client/start.ts), which attaches to the same request or refuses a different one (exit 6).
import type { Client } from '@temporalio/client';
import { createInterface } from 'node:readline/promises';
import { EXIT, exitCodeFor } from '../../common/exit-codes';
import type { RestoreInput } from '../../common/input';
import { describeIssues, inputSchemas, restoreWorkflowId } from '../../common/input';
import { requestDigest, resolveRequest } from '../../common/request';
import { signFor, signingKeyFrom } from '../signing';
import type { OutputFormat } from '../output';
import { busyExit, CliError, emit, say } from '../output';
import { defaultRequester } from '../requester';
import { parseVerifyFlag } from '../verify-flag';

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
  approvalTimeout?: string;
  reason?: string;
  requester?: string;
  rollbackOnFailure?: boolean;
  /** `--verify`: false, true or a JSON object (client/verify-flag.ts); absent: the workflow's default (on). */
  verify?: string;
  force?: boolean;
  wait?: boolean;
  output: OutputFormat;
  /** SSH key that signs the start (or ATLAS_RESTORE_SIGNING_KEY); required by a policy rule asking for approval. */
  signingKey?: string;
  taskQueue?: string;
  /** Polling defaults from the configuration (ATLAS_RESTORE_POLL_*). */
  polling?: { initialS?: number; maxS?: number };
}

/** Asks for the target's name on a terminal; the injected `ask` lets tests answer. */
export type Confirm = (question: string) => Promise<string>;

export const ttyConfirm: Confirm = async (q) => {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(q);
  } finally {
    rl.close();
  }
};

/** A connected client, or how to get one (the CLI connects only once the request is known to be valid). */
export type ClientSource = Client | (() => Promise<Client>);

export async function startCommand(
  source: ClientSource,
  f: StartFlags,
  confirm: Confirm | undefined = process.stdin.isTTY ? ttyConfirm : undefined,
): Promise<number> {
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
    ...(f.approvalTimeout ? { approvalTimeout: f.approvalTimeout } : {}),
    ...(f.polling ? { polling: Object.fromEntries(Object.entries(f.polling).filter(([, v]) => v !== undefined)) } : {}),
    ...(f.reason ? { reason: f.reason } : {}),
    ...(f.verify !== undefined ? { verify: parseVerifyFlag(f.verify) } : {}),
    ...((f.requester ?? defaultRequester()) ? { requester: f.requester ?? defaultRequester() } : {}),
  };
  const parsed = inputSchemas().RestoreInputSchema.safeParse(input);
  if (!parsed.success) throw new CliError(`invalid restore input: ${describeIssues(parsed.error)}`, EXIT.usage);
  if (!f.dryRun && !f.force) {
    if (!confirm)
      throw new CliError(
        'refusing to start a restore without --force: it deletes all data on the target and no terminal is attached to confirm',
        EXIT.usage,
      );
    say(
      `This restore DELETES ALL DATA on cluster '${f.targetClusterName}' (project ${parsed.data.targetProjectId ?? parsed.data.projectId}) and replaces it with snapshot ${f.snapshotId} of '${f.clusterName}'.`,
    );
    const answer = (await confirm(`Type the target cluster name (${f.targetClusterName}) to continue: `)).trim();
    if (answer !== f.targetClusterName)
      throw new CliError('confirmation did not match the target cluster name; nothing was started', EXIT.usage);
  }
  const resolved = resolveRequest(parsed.data);
  const key = signingKeyFrom(f.signingKey);
  const signed = key
    ? await signFor(key, {
        action: 'start',
        workflowId: restoreWorkflowId(resolved),
        requestDigest: requestDigest(resolved),
      })
    : undefined;
  const client = typeof source === 'function' ? await source() : source;
  const { startResolved, TargetBusyError } = await import('../start.js');
  let r;
  try {
    r = await startResolved(client, input, resolved, {
      taskQueue: f.taskQueue,
      ...(signed ? { memo: { startSignature: signed } } : {}),
    });
  } catch (e) {
    if (e instanceof TargetBusyError) return busyExit(f.output, e);
    throw e;
  }
  const { handle, runId, existing } = r;
  if (!f.wait) return started(f, handle.workflowId, runId, existing);
  say(`${existing ? 'already running' : 'started'}: ${handle.workflowId} (run ${runId})`);
  const [{ waitWithProgress }, { resultText }] = await Promise.all([
    import('../progress.js'),
    import('../result-text.js'),
  ]);
  const result = await waitWithProgress(handle);
  emit(f.output, result, () => resultText(result));
  return exitCodeFor(result.outcome);
}

function started(f: StartFlags, workflowId: string, runId: string, existing: boolean): number {
  say(`${existing ? 'already running' : 'started'}: ${workflowId} (run ${runId})`);
  emit(f.output, { workflowId, runId, existing }, () => `${workflowId} ${runId}`);
  return EXIT.ok;
}
