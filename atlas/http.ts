// The one transport for Atlas calls: versioned media types, auth, a per-request timeout, the User-Agent, and
// every failure turned into an AtlasApiError (atlas/errors.ts). No retries here: whether and when to retry is the
// workflow's decision (the retry policies in workflows/activity-options.ts, the submit loop in workflows/submit.ts), so
// it is visible and durable in Temporal. That includes urllib's own silent retry after a socket error, which is
// switched off: replaying a create-restore POST could start a second restore. onCall reports every call's operation,
// status and duration (the worker's metrics, the benchmark's call counts).
import { inspect } from 'node:util';
import { HttpClient } from 'urllib';
import type { z } from 'zod';
import { TOOL_NAME, TOOL_VERSION } from '../common/constants';
import type { AtlasAuth } from './auth';
import { checkedBaseUrl } from './base-url';
import { AtlasApiError, AtlasResponseShapeError } from './errors';
import type { Operation, OperationName } from './operations';
import { fillPath, OPS } from './operations';
import { ApiErrorSchema } from './schemas';
import { setTimeout as delay } from 'node:timers/promises';
import { parseRetryAfter, retryAfterDelayMs } from '../common/retry-after';

export const USER_AGENT = `${TOOL_NAME}/${TOOL_VERSION} (node ${process.version})`;

/** One finished call, for metrics and the benchmark's call counts. */
export interface CallRecord {
  operation: OperationName;
  /** HTTP status, 0 when there was no HTTP answer. */
  status: number;
  errorCode?: string;
  /** Wall time of the call (including a re-sent request after a 401), for atlas_restore_atlas_call_duration_seconds. */
  durationMs: number;
}

export interface AtlasHttpOptions {
  baseUrl: string;
  auth: AtlasAuth;
  /** Per-request timeout (connect and response), milliseconds. */
  timeoutMs?: number;
  http?: HttpClient;
  onCall?: (c: CallRecord) => void;
  /**
   * The caller's abort signal, read per call. The worker passes the running activity's cancellation signal, so a
   * call still in flight when the shutdown grace ends (or the activity times out) is abandoned, not waited on.
   */
  signal?: () => AbortSignal | undefined;
}

export interface CallOptions {
  params: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

/**
 * What to check after a 401, by auth scheme: the failure's one hint (atlas/errors.ts), naming the setting, never its
 * value. Without credentials the generic hint, which names every scheme's variables, says it.
 */
const AUTH_HINTS: Partial<Record<AtlasAuth['scheme'], string>> = {
  digest:
    "the API key pair was not accepted; check MONGODB_ATLAS_PUBLIC_API_KEY / MONGODB_ATLAS_PRIVATE_API_KEY and the key's project access",
  'service-account': "the service account token was not accepted; check the service account's project access",
  bearer: 'the access token was not accepted (expired or revoked?); check MONGODB_ATLAS_ACCESS_TOKEN',
};

/** How long one read may wait out 429s before its failure goes to the activity's retry (activities/failures.ts). */
const READ_429_BUDGET_MS = 30_000;

export class AtlasHttp {
  readonly baseUrl: string;
  readonly auth: AtlasAuth;
  readonly timeoutMs: number;
  readonly http: HttpClient;
  readonly #onCall?: (c: CallRecord) => void;
  readonly #signal?: () => AbortSignal | undefined;

  constructor(o: AtlasHttpOptions) {
    this.baseUrl = checkedBaseUrl(o.baseUrl);
    this.auth = o.auth;
    this.timeoutMs = o.timeoutMs ?? 20_000;
    this.http = o.http ?? new HttpClient();
    this.#onCall = o.onCall;
    this.#signal = o.signal;
  }

  toJSON(): object {
    return { baseUrl: this.baseUrl, auth: this.auth, timeoutMs: this.timeoutMs };
  }

  [inspect.custom](): string {
    return `AtlasHttp { baseUrl: '${this.baseUrl}', auth: '${this.auth.scheme}', timeoutMs: ${this.timeoutMs} }`;
  }

  /** Calls one operation and parses the 2xx body with `schema`. */
  async call<S extends z.ZodType>(name: OperationName, schema: S, o: CallOptions): Promise<z.infer<S>> {
    const op: Operation = OPS[name];
    const started = Date.now();
    let status = 0;
    let errorCode: string | undefined;
    try {
      let res = await this.#send(op, name, o, false);
      // A read answered 429 is asked again here, after Retry-After: retrying the whole activity would spend the
      // tokens its earlier reads already got, and a several-read activity (preflight) could then never finish under
      // a slowly refilling bucket. Bounded; the create (POST) is never repeated (the workflow decides).
      while (res.status === 429 && op.method === 'GET') {
        const waitMs = retryAfterDelayMs(res.retryAfterS ?? 1, Math.random());
        if (Date.now() + waitMs - started > READ_429_BUDGET_MS) break;
        await delay(waitMs, undefined, { signal: this.#signal?.() }).catch(() => undefined);
        if (this.#signal?.()?.aborted) break;
        res = await this.#send(op, name, o, false);
      }
      status = res.status;
      return this.#parse(name, op, schema, res);
    } catch (e) {
      if (e instanceof AtlasApiError) errorCode = e.errorCode;
      else if (e instanceof AtlasResponseShapeError) errorCode = 'UNEXPECTED_SHAPE';
      throw e;
    } finally {
      this.#onCall?.({ operation: name, status, errorCode, durationMs: Date.now() - started });
    }
  }

  #parse<S extends z.ZodType>(name: OperationName, op: Operation, schema: S, res: RawResponse): z.infer<S> {
    const { status, text, retryAfterS } = res;
    const ok = status >= 200 && status < 300;
    let json: unknown;
    try {
      json = text.length ? JSON.parse(text) : undefined;
    } catch {
      if (ok) throw new AtlasApiError(0, 'MALFORMED_RESPONSE', `HTTP ${status} with a body that is not JSON`, name);
    }
    if (!ok) {
      const parsed = ApiErrorSchema.safeParse(json);
      const errorCode = parsed.success ? parsed.data.errorCode : '';
      let detail = parsed.success
        ? (parsed.data.detail ?? parsed.data.reason ?? '')
        : `HTTP ${status} without an Atlas error body`;
      const fields = parsed.success ? parsed.data.badRequestDetail?.fields : undefined;
      if (fields?.length) detail += ` (${fields.map((f) => `${f.field}: ${f.description}`).join('; ')})`;
      const tenant = op.path.includes('/backup/tenant/');
      const hint = status === 401 ? AUTH_HINTS[this.auth.scheme] : undefined;
      throw new AtlasApiError(status, errorCode, detail, name, retryAfterS, tenant, hint);
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new AtlasResponseShapeError(name, issue?.path.join('.') || '(body)', issue?.message ?? 'is invalid');
    }
    return result.data;
  }

  async #send(op: Operation, name: OperationName, o: CallOptions, isRetryAfter401: boolean): Promise<RawResponse> {
    const url = new URL(this.baseUrl + fillPath(op.path, o.params));
    for (const [k, val] of Object.entries(o.query ?? {})) if (val !== undefined) url.searchParams.set(k, String(val));
    const auth = await this.auth.parts();
    const headers: Record<string, string> = { accept: op.mediaType, 'user-agent': USER_AGENT, ...auth.headers };
    if (op.method === 'POST') headers['content-type'] = op.mediaType;
    let res;
    try {
      res = await this.http.request<string>(url.toString(), {
        method: op.method,
        headers,
        content: op.method === 'POST' ? JSON.stringify(o.body ?? {}) : undefined,
        digestAuth: auth.digestAuth,
        dataType: 'text',
        timeout: this.timeoutMs,
        retry: 0,
        socketErrorRetry: 0,
        // A 3xx is an answer, never followed: a redirect must not carry the request and its credentials elsewhere.
        followRedirect: false,
        signal: this.#signal?.(),
      });
    } catch (e) {
      throw transportError(e, name);
    }
    // A cached service-account token may have been revoked early: drop it and try once with a fresh one.
    if (res.status === 401 && this.auth.invalidate && !isRetryAfter401) {
      this.auth.invalidate();
      return this.#send(op, name, o, true);
    }
    return { status: res.status, text: res.data ?? '', retryAfterS: parseRetryAfter(res.headers['retry-after']) };
  }
}

interface RawResponse {
  status: number;
  text: string;
  retryAfterS?: number;
}

/** Maps a failure below HTTP to an AtlasApiError; the message names the kind, never the request or its headers. */
function transportError(e: unknown, operation: string): AtlasApiError {
  const err = e as { name?: string; code?: string };
  const name = String(err?.name ?? '');
  const code = String(err?.code ?? '');
  if (name === 'AbortError' || code === 'ABORT_ERR')
    return new AtlasApiError(
      0,
      'NETWORK_ERROR',
      'the call was abandoned: its activity was cancelled (worker shutdown past its grace, or a timeout)',
      operation,
    );
  if (name.includes('Timeout') || code.includes('TIMEOUT'))
    return new AtlasApiError(0, 'TIMEOUT', 'no answer within the request timeout', operation);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || name === 'SocketError')
    return new AtlasApiError(0, 'CONNECTION_RESET', 'the connection was closed before an answer arrived', operation);
  return new AtlasApiError(0, 'NETWORK_ERROR', code || name || 'request failed', operation);
}
