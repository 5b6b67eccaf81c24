// Live progress while waiting for a restore: a spinner on a terminal, plain lines otherwise (logs, CI, pipes).
// Always on stderr, so stdout carries only the result. The result itself is long-polled; the status is asked for
// when it can have changed: at the restore's own next poll (nextPollAt), 1 to 30 s apart.
import type { WorkflowHandle } from '@temporalio/client';
import { createSpinner } from 'nanospinner';
import type { RestoreResult, RestoreStatus } from '../common/result';
import type { restoreWorkflow } from '../workflows';
import { statusQuery } from '../workflows/definitions';
import { restoreResultOf } from './result';
import { etaText } from './status-text';

const MIN_QUERY_GAP_MS = 1_000;
const MAX_QUERY_GAP_MS = 30_000;

/** When to ask for the status again: just after the restore's next poll; waiting for a person, rarely; else soon. */
export function nextQueryDelayMs(s: RestoreStatus | undefined, nowMs = Date.now()): number {
  const at = s?.nextPollAt ? Date.parse(s.nextPollAt) : NaN;
  const ms = Number.isFinite(at) ? at - nowMs + 500 : s?.awaitingApproval ? MAX_QUERY_GAP_MS : 2_000;
  return Math.min(MAX_QUERY_GAP_MS, Math.max(MIN_QUERY_GAP_MS, ms));
}

export function progressLine(s: RestoreStatus, elapsedS: number): string {
  const parts: string[] = [s.phase];
  if (s.backend) parts.push(`backend=${s.backend}`);
  if (s.jobStatus) parts.push(`job=${s.jobStatus}`);
  parts.push(`polls=${s.polls}`);
  if (s.awaitingApproval) parts.push('(awaiting approval)');
  if (s.atlasTrouble) parts.push(`(Atlas failing since ${s.atlasTrouble.since}: ${s.atlasTrouble.lastError})`);
  const eta = etaText(s.expectedFinishAt);
  if (eta) parts.push(eta);
  return `[${elapsedS.toFixed(0).padStart(4)}s] ${parts.join(' ')}`;
}

/** Where a live progress line goes: a spinner on a terminal (tests record it). */
export interface LiveSink {
  update(line: string): void;
  end(ok: boolean, text: string): void;
}

/** The spinner redraws its line this often, so the elapsed time runs between the (seconds apart) status queries. */
const TICK_MS = 1_000;

function spinnerSink(): LiveSink {
  const spinner = createSpinner('waiting for the restore', { stream: process.stderr }).start();
  return {
    update: (text) => spinner.update({ text }),
    end: (ok, text) => (ok ? spinner.success({ text }) : spinner.error({ text })),
  };
}

/**
 * Waits for the restore's result. On a terminal (or with a `live` sink) one line is redrawn every second with the
 * elapsed time and the last status; otherwise a plain line is written whenever the status changes.
 */
export async function waitWithProgress(
  handle: WorkflowHandle<typeof restoreWorkflow>,
  live: LiveSink | undefined = process.stderr.isTTY ? spinnerSink() : undefined,
): Promise<RestoreResult> {
  const t0 = Date.now();
  const elapsedS = () => (Date.now() - t0) / 1000;
  let status: RestoreStatus | undefined;
  let last = '';
  let done = false;
  let wake: () => void = () => undefined;
  const redraw = () =>
    live?.update(status ? progressLine(status, elapsedS()) : `[${elapsedS().toFixed(0).padStart(4)}s] waiting`);
  const tick = live ? setInterval(redraw, TICK_MS) : undefined;
  const ticker = (async () => {
    while (!done) {
      try {
        status = await handle.query(statusQuery);
        const line = progressLine(status, elapsedS());
        const key = line.slice(line.indexOf(']'));
        if (live) redraw();
        else if (key !== last) process.stderr.write(line + '\n');
        last = key;
      } catch {
        // between runs (continue-as-new) or already finished: ask again
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, nextQueryDelayMs(status));
        wake = () => (clearTimeout(t), r());
      });
    }
  })();
  try {
    const r = await restoreResultOf(handle);
    live?.end(r.outcome === 'COMPLETED' || r.outcome === 'DRY_RUN', `${r.outcome} after ${elapsedS().toFixed(0)}s`);
    return r;
  } catch (e) {
    live?.end(false, 'failed');
    throw e;
  } finally {
    clearInterval(tick);
    done = true;
    wake();
    await ticker;
  }
}
