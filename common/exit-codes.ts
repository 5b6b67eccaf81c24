// Exit codes of the CLI: a contract runbooks and scripts rely on.
import type { Outcome } from './constants';

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  preflightFailed: 3,
  restoreFailed: 4,
  stopped: 5,
  /** Not an outcome: another restore into this target is running, and this request was not started. */
  targetBusy: 6,
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
  }
}
