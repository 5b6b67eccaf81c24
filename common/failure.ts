// What a failure means, read back from what an activity (or the submit loop) threw: the workflows' one reader of
// failure types, details and flags. Workflow-safe.
import { ActivityFailure, ApplicationFailure, ApplicationFailureCategory, TimeoutFailure } from '@temporalio/common';
import { FAILURE } from './failure-types';
import type { AtlasFailureDetails, NothingSubmittedDetails } from './failure-types';

export interface FailureDescription {
  /** FAILURE.* for our failures, 'ActivityTimeout' for a timed-out activity, else the failure's own type or name. */
  type: string;
  message: string;
  status?: number;
  errorCode?: string;
  operation?: string;
  retryAfterS?: number;
  nonRetryable: boolean;
  /** An expected answer (a 429, a foreign 409): not logged as an error. */
  benign: boolean;
  /** What the operator should do (set for AtlasAuth). */
  hint?: string;
  /** Only on NothingSubmitted: Atlas holds no job of ours. */
  submitted?: false;
  attempts?: number;
}

/** Unwraps an ActivityFailure to its cause and describes it. Never throws. */
export function describeFailure(err: unknown): FailureDescription {
  const cause = err instanceof ActivityFailure && err.cause ? err.cause : err;
  if (cause instanceof ApplicationFailure) {
    const d = (cause.details?.[0] ?? {}) as Partial<AtlasFailureDetails & NothingSubmittedDetails>;
    const desc: FailureDescription = {
      type: cause.type ?? 'Error',
      message: cause.message,
      nonRetryable: cause.nonRetryable === true,
      benign: cause.category === ApplicationFailureCategory.BENIGN,
      ...pick(d),
    };
    if (cause.type === FAILURE.nothingSubmitted) {
      desc.submitted = false;
      if (typeof d.attempts === 'number') desc.attempts = d.attempts;
    }
    return desc;
  }
  if (cause instanceof TimeoutFailure)
    return {
      type: 'ActivityTimeout',
      message: `activity timed out (${cause.timeoutType ?? 'unknown'}; worker lost?)`,
      nonRetryable: false,
      benign: false,
    };
  if (cause instanceof Error) return { type: cause.name, message: cause.message, nonRetryable: false, benign: false };
  return { type: 'Error', message: String(cause), nonRetryable: false, benign: false };
}

function pick(d: Partial<AtlasFailureDetails>): Partial<FailureDescription> {
  const out: Partial<FailureDescription> = {};
  if (typeof d.status === 'number' && d.status) out.status = d.status;
  if (typeof d.errorCode === 'string' && d.errorCode) out.errorCode = d.errorCode;
  if (typeof d.operation === 'string') out.operation = d.operation;
  if (typeof d.retryAfterS === 'number') out.retryAfterS = d.retryAfterS;
  if (typeof d.hint === 'string') out.hint = d.hint;
  return out;
}

/** One line for an audit entry or a reason: type, HTTP status and Atlas error code. */
export function failureSummary(d: FailureDescription): string {
  return `${d.type}${d.status ? ` HTTP ${d.status}` : ''}${d.errorCode ? ` ${d.errorCode}` : ''}`;
}
