// `atlas-restore batch <plan>`: validates the plan, confirms it (as `start` confirms a target), then starts the batch
// workflow — or returns the running batch of the same plan; a different plan under the same name is refused (exit 6).
// `--wait` exits with the worst item's code (common/exit-codes.ts EXIT_SEVERITY).
import type { WorkflowHandle } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT, itemExitCode, worstExitCode } from '../../common/exit-codes';
import { batchStartOptions } from '../../common/start-options';
import type { batchRestoreWorkflow } from '../../workflows';
import type { BatchProgress, BatchResult } from '../../workflows/batch-definitions';
import type { OutputFormat } from '../output';
import { busyExit, CliError, emit, say } from '../output';
import type { Plan } from '../plan';
import { parsePlan, PlanError } from '../plan';
import { startOrAttach, TargetBusyError } from '../start';
import type { ClientSource, Confirm } from './start';
import { ttyConfirm } from './start';
import { defaultRequester } from '../requester';
import { parseVerifyFlag } from '../verify-flag';

export interface BatchFlags {
  wait: boolean;
  force?: boolean;
  /** `--verify` (client/verify-flag.ts): for every restore of the plan that gives no `verify` of its own. */
  verify?: string;
  output: OutputFormat;
  taskQueue: string;
}

function readPlan(file: string, verify?: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read plan ${file}: ${(e as Error).message}`, EXIT.usage);
  }
  try {
    const v = parseVerifyFlag(verify);
    return parsePlan(text, basename(file), defaultRequester(), v !== undefined ? { verify: v } : undefined);
  } catch (e) {
    if (e instanceof PlanError) throw new CliError(`${e.message}\nnothing was started`, EXIT.usage);
    throw e;
  }
}

/** A plan whose every restore is a dry run changes nothing; anything else is confirmed by typing the plan's name. */
async function confirmPlan(plan: Plan, file: string, f: BatchFlags, confirm: Confirm | undefined): Promise<void> {
  if (f.force || plan.resolved.every((r) => r.dryRun)) return;
  if (!confirm)
    throw new CliError(
      'refusing to start a batch without --force: its restores delete all data on their targets and no terminal is attached to confirm',
      EXIT.usage,
    );
  const name = plan.name ?? basename(file);
  say(`This batch runs ${plan.restores.length} restores; each DELETES ALL DATA on its target:`);
  for (const r of plan.resolved)
    say(
      `  ${r.targetClusterName} (project ${r.targetProjectId}) ← snapshot ${r.snapshotId} of '${r.clusterName}'${r.dryRun ? ' (dry run)' : ''}`,
    );
  const answer = (await confirm(`Type the plan's name (${name}) to continue: `)).trim();
  if (answer !== name)
    throw new CliError("confirmation did not match the plan's name; nothing was started", EXIT.usage);
}

export async function batchCommand(
  source: ClientSource,
  file: string,
  f: BatchFlags,
  confirm: Confirm | undefined = process.stdin.isTTY ? ttyConfirm : undefined,
): Promise<number> {
  const plan = readPlan(file, f.verify);
  await confirmPlan(plan, file, f, confirm);
  const client = typeof source === 'function' ? await source() : source;
  const opts = batchStartOptions({
    name: plan.name,
    digest: plan.digest,
    restores: plan.restores.length,
    concurrency: plan.concurrency,
  });
  let started;
  try {
    started = await startOrAttach<typeof batchRestoreWorkflow>(
      client,
      opts,
      [{ name: plan.name, concurrency: plan.concurrency, restores: plan.restores }],
      { taskQueue: f.taskQueue },
      'a different batch plan with this name is running',
    );
  } catch (e) {
    if (e instanceof TargetBusyError) return busyExit(f.output, e);
    throw e;
  }
  const { handle, runId, existing } = started;
  say(
    `${existing ? 'already running' : 'started'}: batch ${handle.workflowId} (run ${runId}) with ${plan.restores.length} restores`,
  );
  if (!f.wait) {
    emit(
      f.output,
      { workflowId: handle.workflowId, runId, restores: plan.restores.length, existing },
      () => `${handle.workflowId} ${runId}`,
    );
    return EXIT.ok;
  }
  const r = await waitForBatch(handle);
  emit(f.output, r, () => batchText(r));
  return worstExitCode(r.items.map(itemExitCode));
}

/** Waits for the summary (following continue-as-new), with a progress line on stderr when it changes. */
async function waitForBatch(handle: WorkflowHandle<typeof batchRestoreWorkflow>): Promise<BatchResult> {
  const { progressQuery } = await import('../../workflows/batch-definitions.js');
  let done = false;
  let last = '';
  const ticker = (async () => {
    while (!done) {
      try {
        const p = await handle.query(progressQuery);
        const line = `batch: ${batchProgressLine(p)}`;
        if (line !== last) say(line);
        last = line;
      } catch {
        // between runs (continue-as-new) or finished
      }
      await new Promise((r) => setTimeout(r, 5_000).unref());
    }
  })();
  try {
    return await handle.result();
  } finally {
    done = true;
    void ticker;
  }
}

export const batchProgressLine = (p: BatchProgress): string =>
  `${p.done}/${p.total} done, ${p.running} running, ${p.pending} pending ${JSON.stringify(p.byOutcome)}`;

export function batchText(r: BatchResult): string {
  return [
    `${r.name ?? 'batch'}: ${JSON.stringify(r.byOutcome)}${r.cancelled ? ' (batch cancelled)' : ''}`,
    ...r.items.map(
      (i) =>
        `  ${i.outcome.padEnd(18)} ${i.targetClusterName}  ${i.workflowId || '-'}${i.restoreJobId ? `  restore job ${i.restoreJobId}` : ''}  ${i.reason ?? ''}`,
    ),
  ].join('\n');
}
