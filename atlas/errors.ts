// One error model for every Atlas call, and the one place that decides what each failure means for a restore:
// classifyAtlasError gives the failure type (common/failure-types.ts: the one vocabulary, from the Atlas client to
// the workflow), describeAtlasError the one description (retryable, Retry-After, benign, operator hint) that
// activities/failures.ts turns into an ApplicationFailure.
import { FAILURE, type FailureType } from '../common/failure-types';
import { ATLAS_DETAIL_MAX, cut } from '../common/text';

/** The failure types an Atlas answer can have (the others are the workflow's and the guard's own). */
export type AtlasFailureType = Exclude<FailureType, typeof FAILURE.nothingSubmitted | typeof FAILURE.refused>;

/** What each type means for a restore; `definite`: see AtlasErrorDescription. */
const MEANING: Record<AtlasFailureType, { retryable: boolean; benign: boolean; definite: boolean }> = {
  [FAILURE.transient]: { retryable: true, benign: false, definite: false },
  [FAILURE.rateLimited]: { retryable: true, benign: true, definite: false },
  [FAILURE.conflict]: { retryable: true, benign: true, definite: false },
  [FAILURE.routing]: { retryable: false, benign: false, definite: true },
  [FAILURE.auth]: { retryable: false, benign: false, definite: false },
  [FAILURE.rejected]: { retryable: false, benign: false, definite: true },
  [FAILURE.shape]: { retryable: false, benign: false, definite: false },
};

/** Status 0 marks a failure below HTTP; these codes name it. */
const TRANSPORT_CODES = ['TIMEOUT', 'CONNECTION_RESET', 'NETWORK_ERROR', 'MALFORMED_RESPONSE'] as const;

const RETRYABLE_CODES = new Set<string>([
  'TENANT_RESTORE_DESTINATION_UNAVAILABLE',
  'RATE_LIMITED',
  'RATE_LIMITED_TOKEN_BUCKET',
  ...TRANSPORT_CODES,
]);
const CONFLICT_CODES = new Set<string>([
  'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
  'CLUSTER_RESTORE_IN_PROGRESS_CANNOT_UPDATE',
]);
const ROUTING_CODES = new Set<string>([
  'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
  'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
  'VERSION_GONE',
  'TENANT_API_SUNSET',
  'NOT_A_FLEX_CLUSTER',
]);
/** Our own verdicts that no retry or other backend can change. */
const FATAL_CODES = new Set<string>(['UNSUPPORTED_SOURCE_CLUSTER']);

/**
 * Classifies an Atlas failure: transient (wait and try again), rate limited (wait Retry-After), conflict (a restore is
 * already running into the target), routing (wrong API for the cluster: the other backend), auth (an operator must fix
 * the credentials or their access), rejected (retrying will not help: bad input, failed precondition, not found). `sunsetPath` is true when the call went to a tenant endpoint, where a 404 without a
 * resource-specific code means the endpoint itself is gone (sunset 2026-01-22), not the resource.
 * 401/403 are 'auth' (checked after the codes above, so a routing or conflict code on a 403 keeps its meaning).
 * Only the two restore-in-progress codes are conflicts: other 409s (incomplete or deleted snapshot, paused cluster)
 * will not clear by waiting for someone else's restore, so they are fatal like any other 4xx.
 */
export function classifyAtlasError(status: number, errorCode: string, sunsetPath = false): AtlasFailureType {
  if (FATAL_CODES.has(errorCode)) return FAILURE.rejected;
  if (ROUTING_CODES.has(errorCode) || status === 410) return FAILURE.routing;
  if (
    sunsetPath &&
    status === 404 &&
    (errorCode === 'NOT_FOUND' || errorCode === 'RESOURCE_NOT_FOUND' || errorCode === '')
  )
    return FAILURE.routing;
  if (CONFLICT_CODES.has(errorCode)) return FAILURE.conflict;
  if (RETRYABLE_CODES.has(errorCode)) return retryableType(status, errorCode);
  if (status === 401 || status === 403) return FAILURE.auth;
  if (status === 429 || status === 408 || status >= 500 || status === 0) return retryableType(status, errorCode);
  return FAILURE.rejected;
}

const RATE_LIMIT_CODES = new Set(['RATE_LIMITED', 'RATE_LIMITED_TOKEN_BUCKET']);

const retryableType = (status: number, errorCode: string): AtlasFailureType =>
  status === 429 || RATE_LIMIT_CODES.has(errorCode) ? FAILURE.rateLimited : FAILURE.transient;

/** A failed Atlas call. Carries only what Atlas said and what we did: never credentials. */
export class AtlasApiError extends Error {
  override readonly name: string = 'AtlasApiError';
  readonly failureType: AtlasFailureType;
  readonly detail: string;

  constructor(
    /** HTTP status, or 0 for a failure below HTTP (timeout, reset). */
    readonly status: number,
    /** Atlas `errorCode`, or one of TRANSPORT_CODES. */
    readonly errorCode: string,
    /** Atlas `detail` (or a short description of a transport failure); cut at ATLAS_DETAIL_MAX. */
    detail: string,
    /** Our operation name (atlas/operations.ts). */
    readonly operation: string,
    /** Seconds from the Retry-After header, when Atlas sent one. */
    readonly retryAfterS?: number,
    sunsetPath = false,
    /** What the operator should check (the scheme's variables after a 401): the failure's one hint. */
    readonly hint?: string,
  ) {
    // What Atlas says is kept bounded: it travels into failures, the audit trail, the result and notifications.
    super(
      `Atlas ${operation} failed: ${status ? `HTTP ${status} ` : ''}${errorCode || '(no error code)'}${detail ? ` - ${cut(detail, ATLAS_DETAIL_MAX)}` : ''}`,
    );
    this.detail = cut(detail, ATLAS_DETAIL_MAX);
    this.failureType = classifyAtlasError(status, errorCode, sunsetPath);
  }

  toJSON(): object {
    const { name, message, status, errorCode, detail, operation, retryAfterS, failureType, hint } = this;
    return { name, message, status, errorCode, detail, operation, retryAfterS, failureType, hint };
  }
}

/** A 2xx response whose body does not have the shape the official spec promises. */
export class AtlasResponseShapeError extends Error {
  override readonly name = 'AtlasResponseShapeError';
  /** Atlas broke its own contract: retrying the same call will not fix it. */
  readonly failureType = FAILURE.shape;
  constructor(
    readonly operation: string,
    /** Dotted path of the first offending field, e.g. `results.0.status`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Atlas ${operation} returned an unexpected shape: field '${field}' ${problem}`);
  }
}

/** Codes of AtlasRoutingError: why resolveBackend (atlas/routing.ts) could not pick a restore API. */
export const ROUTING_PROBLEMS = {
  /** The source is a dedicated cluster: not a shared-tier (M2/M5) or Flex source. Fatal. */
  UNSUPPORTED_SOURCE: 'UNSUPPORTED_SOURCE_CLUSTER',
  /** The tenant API was requested, but Atlas answered that it is gone. Routing: 'flex' or 'auto' would work. */
  TENANT_API_SUNSET: 'TENANT_API_SUNSET',
  /** The Flex API was requested for a cluster Atlas does not serve through it. Routing: try 'tenant' or 'auto'. */
  NOT_A_FLEX_CLUSTER: 'NOT_A_FLEX_CLUSTER',
} as const;
export type RoutingProblem = (typeof ROUTING_PROBLEMS)[keyof typeof ROUTING_PROBLEMS];

/**
 * Our own decision that a source cannot be restored through the requested (or any) backend. An AtlasApiError, so
 * callers handle it like any other Atlas answer (errorCode, detail, failureType); `status` is that of the Atlas
 * answer that showed it, or 0 when the decision came from a successful read (a dedicated source).
 */
export class AtlasRoutingError extends AtlasApiError {
  override readonly name: string = 'AtlasRoutingError';
  constructor(problem: RoutingProblem, detail: string, cause?: AtlasApiError) {
    super(cause?.status ?? 0, problem, detail, 'resolveBackend', undefined);
  }
}

/** The failure type of any error thrown by atlas/*, or undefined for an error that did not come from here. */
export function failureTypeOf(e: unknown): AtlasFailureType | undefined {
  if (e instanceof AtlasApiError || e instanceof AtlasResponseShapeError) return e.failureType;
  return undefined;
}

/** Everything a restore needs to know about one failed Atlas call. Plain JSON, no credentials. */
export interface AtlasErrorDescription {
  type: AtlasFailureType;
  message: string;
  retryable: boolean;
  /** An expected answer (429, restore in progress): the failure is marked benign so it does not log as an error. */
  benign: boolean;
  /**
   * Atlas answered about the thing asked for (not found, a failed precondition, the wrong API): a read-only check
   * records it as failed. False for transient answers and for refusals of the caller itself (auth, a broken shape).
   */
  definite: boolean;
  status: number;
  errorCode: string;
  operation: string;
  retryAfterS?: number;
  /** For the operator: what to fix. */
  hint?: string;
}

/** The hint of an auth failure: which variables to check. Names only, never values. */
const authHint = (status: number): string =>
  `Atlas refused the worker's credentials (HTTP ${status || 401}): check MONGODB_ATLAS_CLIENT_ID/MONGODB_ATLAS_CLIENT_SECRET, ` +
  `or the API key (MONGODB_ATLAS_PUBLIC_API_KEY/MONGODB_ATLAS_PRIVATE_API_KEY) / access token (MONGODB_ATLAS_ACCESS_TOKEN) variables` +
  (status === 403 ? ", and that the key's role and IP access list allow this project" : '');

/** The one description of an Atlas error, or undefined for an error that did not come from atlas/*. */
export function describeAtlasError(e: unknown): AtlasErrorDescription | undefined {
  if (e instanceof AtlasResponseShapeError)
    return {
      type: e.failureType,
      ...MEANING[e.failureType],
      message: e.message,
      status: 200,
      errorCode: 'RESPONSE_SHAPE',
      operation: e.operation,
    };
  if (!(e instanceof AtlasApiError)) return undefined;
  const type = e.failureType;
  return {
    type,
    ...MEANING[type],
    message: e.message,
    status: e.status,
    errorCode: e.errorCode,
    operation: e.operation,
    ...(e.retryAfterS !== undefined ? { retryAfterS: e.retryAfterS } : {}),
    ...(type === FAILURE.auth ? { hint: e.hint ?? authHint(e.status) } : e.hint ? { hint: e.hint } : {}),
  };
}
