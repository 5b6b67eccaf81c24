// Live progress while waiting for a restore: a spinner on a terminal, plain lines otherwise (logs, CI, pipes).
// Always on stderr, so stdout carries only the result.
import type { WorkflowHandle } from '@temporalio/client';
import { createSpinner } from 'nanospinner';
import type { RestoreResult, RestoreStatus } from '../common/result';
import { restoreWorkflow } from '../workflows';
import { statusQuery } from '../workflows/definitions';
import { restoreResultOf } from './result';

export function progressLine(s: RestoreStatus, elapsedS: number): string {
  const parts: string[] = [s.phase];
  if (s.backend) parts.push(`backend=${s.backend}`);
  if (s.jobStatus) parts.push(`job=${s.jobStatus}`);
  parts.push(`polls=${s.polls}`);
  if (s.awaitingApproval) parts.push('(awaiting approval)');
  return `[${elapsedS.toFixed(0).padStart(4)}s] ${parts.join(' ')}`;
}

export async function waitWithProgress(
  handle: WorkflowHandle<typeof restoreWorkflow>,
  tty = !!process.stderr.isTTY,
): Promise<RestoreResult> {
  const t0 = Date.now();
  const spinner = tty ? createSpinner('waiting for the restore', { stream: process.stderr }).start() : undefined;
  let last = '';
  let done = false;
  const ticker = (async () => {
    while (!done) {
      try {
        const s = await handle.query(statusQuery);
        const line = progressLine(s, (Date.now() - t0) / 1000);
        const key = line.slice(line.indexOf(']'));
        if (spinner) spinner.update({ text: line });
        else if (key !== last) process.stderr.write(line + '\n');
        last = key;
      } catch {
        // between runs (continue-as-new) or already finished: ask again
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  try {
    const r = await restoreResultOf(handle);
    spinner?.[r.outcome === 'COMPLETED' || r.outcome === 'DRY_RUN' ? 'success' : 'error']({
      text: `${r.outcome} after ${((Date.now() - t0) / 1000).toFixed(0)}s`,
    });
    return r;
  } catch (e) {
    spinner?.error({ text: 'failed' });
    throw e;
  } finally {
    done = true;
    await ticker;
  }
}
