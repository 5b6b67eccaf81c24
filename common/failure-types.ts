// Failure types of our activities (the ApplicationFailure `type`), one per kind of Atlas answer. atlas/errors.ts
// decides which one an error is; activities/failures.ts turns it into the failure; workflows read `nonRetryable`,
// `benign` and the details through describeFailure (common/failure.ts). Workflow-safe.
export const FAILURE = {
  /** 5xx, 408, timeouts, resets, garbled answers, a destination not ready yet: try again soon. */
  transient: 'AtlasTransient',
  /** 429: wait Retry-After (common/retry-after.ts), then try again. Expected: benign. */
  rateLimited: 'AtlasRateLimited',
  /** A restore is already running into the target: the submit loop waits it out (long backoff). Expected: benign. */
  conflict: 'AtlasConflict',
  /** Wrong API for the cluster (tenant vs Flex, a sunset endpoint). Not retried. */
  routing: 'AtlasRouting',
  /** 401/403: Atlas refused the worker's credentials. Not retried; the failure carries a hint for the operator. */
  auth: 'AtlasAuth',
  /** Any other definite refusal (4xx, our own verdicts such as a dedicated source). Not retried. */
  rejected: 'AtlasRejected',
  /** A 2xx whose body breaks the spec: retrying the same call will not fix it. */
  shape: 'AtlasResponseShape',
  /** Thrown by the workflow's submit loop when it gives up and Atlas certainly holds no job of ours. */
  nothingSubmitted: 'NothingSubmitted',
  /** An activity refused its caller or its input (activities/guard.ts): nothing was called. Not retried. */
  refused: 'ActivityRefused',
} as const;
export type FailureType = (typeof FAILURE)[keyof typeof FAILURE];

/** The details (first element) every Atlas failure carries. Plain JSON: what Atlas said, never credentials. */
export interface AtlasFailureDetails {
  status: number;
  errorCode: string;
  operation: string;
  retryAfterS?: number;
  benign: boolean;
  hint?: string;
}

/** The details of a NothingSubmitted failure. */
export interface NothingSubmittedDetails {
  submitted: false;
  attempts: number;
  /** Failure type of the last answer (e.g. AtlasConflict when a foreign restore never cleared). */
  lastType: string;
  status?: number;
  errorCode?: string;
  hint?: string;
}
