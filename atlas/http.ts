// The one transport for Atlas calls: versioned media types, auth, a per-request timeout, the User-Agent, and
// every failure turned into an AtlasApiError (atlas/errors.ts). No retries here: whether and when to retry is the
// workflow's decision (activities/retry.ts), so it is visible and durable in Temporal.
import { HttpClient } from 'urllib';
import { z } from 'zod';
import { TOOL_NAME, TOOL_VERSION } from '../common/constants';
import { AtlasAuth, parseRetryAfter } from './auth';
import { AtlasApiError, AtlasResponseShapeError } from './errors';
import { fillPath, Operation, OperationName, OPS } from './operations';
import { ApiErrorSchema } from './schemas';

export const USER_AGENT = `${TOOL_NAME}/${TOOL_VERSION} (node ${process.version})`;

/** One finished call, for metrics and the benchmark's call counts. */
export interface CallRecord {
  operation: OperationName;
  status: number;
  errorCode?: string;
  durationMs: number;
}

export interface AtlasHttpOptions {
  baseUrl: string;
  auth: AtlasAuth;
  /** Per-request timeout (connect and response), milliseconds. */
  timeoutMs?: number;
  http?: HttpClient;
  onCall?: (c: CallRecord) => void;
}

export interface CallOptions {
  params: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export class AtlasHttp {
  readonly baseUrl: string;
  readonly auth: AtlasAuth;
  readonly timeoutMs: number;
  readonly http: HttpClient;
  readonly #onCall?: (c: CallRecord) => void;

  constructor(o: AtlasHttpOptions) {
    this.baseUrl = o.baseUrl.replace(/\/$/, '');
    this.auth = o.auth;
    this.timeoutMs = o.timeoutMs ?? 20_000;
    this.http = o.http ?? new HttpClient();
    this.#onCall = o.onCall;
  }

  /** Calls one operation and parses the 2xx body with `schema`. */
  async call<S extends z.ZodType>(name: OperationName, schema: S, o: CallOptions): Promise<z.infer<S>> {
    const op: Operation = OPS[name];
    const started = Date.now();
    let status = 0;
    let errorCode: string | undefined;
    try {
      const { status: s, text, retryAfterS } = await this.#send(op, o, false);
      status = s;
      const sunsetPath = op.path.includes('/backup/tenant/');
      let json: unknown;
      try {
        json = text.length ? JSON.parse(text) : undefined;
      } catch {
        if (status >= 200 && status < 300) {
          errorCode = 'MALFORMED_RESPONSE';
          throw new AtlasApiError(0, 'MALFORMED_RESPONSE', `HTTP ${status} with a body that is not JSON`, name);
        }
      }
      if (status < 200 || status >= 300) {
        const parsed = ApiErrorSchema.safeParse(json);
        errorCode = parsed.success ? parsed.data.errorCode : '';
        const detail = parsed.success ? (parsed.data.detail ?? parsed.data.reason ?? '') : `HTTP ${status}`;
        throw new AtlasApiError(status, errorCode, detail, name, retryAfterS, sunsetPath);
      }
      const result = schema.safeParse(json);
      if (!result.success) {
        const issue = result.error.issues[0];
        errorCode = 'UNEXPECTED_SHAPE';
        throw new AtlasResponseShapeError(name, issue?.path.join('.') || '(body)', issue?.message ?? 'is invalid');
      }
      return result.data;
    } finally {
      this.#onCall?.({ operation: name, status, errorCode, durationMs: Date.now() - started });
    }
  }

  async #send(op: Operation, o: CallOptions, isRetryAfter401: boolean): Promise<{ status: number; text: string; retryAfterS?: number }> {
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
      });
    } catch (e) {
      throw transportError(e, opName(op));
    }
    if (res.status === 401 && this.auth.invalidate && !isRetryAfter401) {
      this.auth.invalidate();
      return this.#send(op, o, true);
    }
    return { status: res.status, text: res.data ?? '', retryAfterS: parseRetryAfter(res.headers['retry-after']) };
  }
}

function opName(op: Operation): string {
  return (Object.keys(OPS) as OperationName[]).find((k) => OPS[k] === op) ?? op.operationId;
}

/** Maps a failure below HTTP to an AtlasApiError; the message names the kind, never the request's headers. */
function transportError(e: unknown, operation: string): AtlasApiError {
  const err = e as { name?: string; code?: string; message?: string };
  const name = err?.name ?? '';
  const code = err?.code ?? '';
  if (name.includes('Timeout') || code.includes('TIMEOUT')) return new AtlasApiError(0, 'TIMEOUT', 'no answer within the request timeout', operation);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || name === 'SocketError' || code === 'EPIPE')
    return new AtlasApiError(0, 'CONNECTION_RESET', 'the connection was reset', operation);
  return new AtlasApiError(0, 'NETWORK_ERROR', code || name || 'request failed', operation);
}
