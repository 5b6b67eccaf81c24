// Exit codes of the CLI: a contract runbooks and scripts rely on.
import type { Outcome } from './constants';
import type { DrillOutcome } from './drill';

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  preflightFailed: 3,
  restoreFailed: 4,
  stopped: 5,
  /** Not an outcome: another restore into this target is running, and this request was not started. */
  targetBusy: 6,
  /** Atlas completed the restore, but the target failed verification (or verification timed out). */
  verifyFailed: 7,
} as const;

/** 0 completed (or a dry run whose preflight passed); 3 preflight failed; 4 failed or compensated; 5 rejected, cancelled or deadline. */
export function exitCodeFor(outcome: Outcome): number {
  switch (outcome) {
    case 'COMPLETED':
    case 'DRY_RUN':
      return EXIT.ok;
    case 'PREFLIGHT_FAILED':
      return EXIT.preflightFailed;
    case 'FAILED':
    case 'COMPENSATED':
      return EXIT.restoreFailed;
    case 'REJECTED':
    case 'CANCELLED':
    case 'DEADLINE_EXCEEDED':
      return EXIT.stopped;
    case 'VERIFY_FAILED':
      return EXIT.verifyFailed;
  }
}

/**
 * A batch exits with its worst item's code. Worst first: 1 unexpected (we do not know what happened), 4 failed or
 * compensated (Atlas changed data), 7 verify failed (Atlas changed data, and the target does not hold what it should),
 * 6 target busy (not done: another restore holds the target), 3 preflight failed,
 * 2 invalid input (nothing changed), 5 rejected, cancelled or deadline (stopped by a decision or the clock), 0.
 */
export const EXIT_SEVERITY: readonly number[] = [
  EXIT.unexpected,
  EXIT.restoreFailed,
  EXIT.verifyFailed,
  EXIT.targetBusy,
  EXIT.preflightFailed,
  EXIT.usage,
  EXIT.stopped,
  EXIT.ok,
];

export function worstExitCode(codes: Iterable<number>): number {
  let worst: number = EXIT.ok;
  for (const c of codes)
    if (EXIT_SEVERITY.indexOf(c) < EXIT_SEVERITY.indexOf(worst))
      worst = EXIT_SEVERITY.includes(c) ? c : EXIT.unexpected;
  return worst;
}

/** The code of one batch item: its outcome's, or for one not started, why (busy 6, invalid 2, batch cancelled 5). */
export function itemExitCode(i: { outcome: Outcome | 'NOT_STARTED'; error?: string }): number {
  if (i.outcome !== 'NOT_STARTED') return exitCodeFor(i.outcome);
  return i.error === 'TARGET_BUSY' ? EXIT.targetBusy : i.error === 'INVALID_INPUT' ? EXIT.usage : EXIT.stopped;
}

/**
 * Exit codes of `drill report` and `drill run --wait`, by the drill's outcome (common/drill.ts): 0 PASSED, 8 FAILED
 * (the backup did not prove restorable: no snapshot, restore or verification failed; nothing left behind), 9
 * LEFT_BEHIND (a scratch cluster could not be deleted: it costs money until someone deletes it). Other drill codes:
 * 2 invalid input or no such drill/run, 6 `drill run` skipped because a run of the drill is in progress, 1 a run that
 * ended without a report (terminated, or failed in an unexpected way).
 */
export const DRILL_EXIT = { PASSED: EXIT.ok, FAILED: 8, LEFT_BEHIND: 9 } as const satisfies Record<
  DrillOutcome,
  number
>;
