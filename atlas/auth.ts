// The three ways Atlas accepts a caller, behind one interface. Credentials live only inside these objects: they are
// read from the worker's environment (atlas/config.ts) and never returned, logged or put in an error message.
import { inspect } from 'node:util';
import type { HttpClient } from 'urllib';
import { checkedBaseUrl } from './base-url';
import { parseRetryAfter } from '../common/retry-after';
import { AtlasApiError } from './errors';

/** What the transport adds to a request for authentication. */
export interface AuthParts {
  headers?: Record<string, string>;
  /** `user:password` for urllib's HTTP Digest handling (challenge, MD5, qop=auth). */
  digestAuth?: string;
}

export interface AtlasAuth {
  readonly scheme: 'digest' | 'service-account' | 'bearer' | 'none';
  parts(): Promise<AuthParts>;
  /** Called after a 401 so a cached token can be dropped before one retry. */
  invalidate?(): void;
}

/** API key pair: public key as username, private key as password, HTTP Digest. */
export class DigestAuth implements AtlasAuth {
  readonly scheme = 'digest';
  readonly #userPass: string;
  constructor(publicKey: string, privateKey: string) {
    if (!publicKey || !privateKey || publicKey.includes(':'))
      throw new Error('an Atlas API key needs a public key (without ":") and a private key');
    this.#userPass = `${publicKey}:${privateKey}`;
  }
  async parts(): Promise<AuthParts> {
    return { digestAuth: this.#userPass };
  }
  toJSON(): object {
    return { scheme: this.scheme };
  }
  [inspect.custom](): string {
    return `DigestAuth { scheme: 'digest' }`;
  }
}

/** A static bearer token (the seed's `$ACCESS_TOKEN`, e.g. from `atlas auth token`). */
export class BearerAuth implements AtlasAuth {
  readonly scheme = 'bearer';
  readonly #token: string;
  constructor(token: string) {
    // A token is one header value: refuse whitespace inside it rather than let it split the header.
    if (!token.trim() || /\s/.test(token.trim())) throw new Error('an Atlas access token must be one non-empty word');
    this.#token = token.trim();
  }
  async parts(): Promise<AuthParts> {
    return { headers: { authorization: `Bearer ${this.#token}` } };
  }
  toJSON(): object {
    return { scheme: this.scheme };
  }
  [inspect.custom](): string {
    return `BearerAuth { scheme: 'bearer' }`;
  }
}

/** No credentials: only for a simulator started without auth. */
export class NoAuth implements AtlasAuth {
  readonly scheme = 'none';
  async parts(): Promise<AuthParts> {
    return {};
  }
  toJSON(): object {
    return { scheme: this.scheme };
  }
}

export interface ServiceAccountOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  http: HttpClient;
  timeoutMs: number;
  userAgent: string;
  /** Refresh this many seconds before the token expires (Atlas tokens last one hour); at most half the lifetime. */
  refreshMarginS?: number;
  /** How many times a 429/5xx from the token endpoint is retried before giving up. */
  maxTokenRetries?: number;
  /**
   * Longest wait (seconds) between token attempts. A longer Retry-After from the token endpoint is not slept through
   * here: the RATE_LIMITED error carries it, so the caller (a Temporal activity retry) waits durably instead.
   */
  maxTokenWaitS?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Service account: OAuth 2.0 client credentials against `{baseUrl}/api/oauth/token`. The token is cached and
 * fetched again shortly before expiry; concurrent callers share one in-flight request. A short hand-written
 * exchange rather than an OAuth library: it is one form POST, and the maintained OAuth clients for Node are ESM-only
 * or pull in an HTTP stack of their own next to urllib.
 */
export class ServiceAccountAuth implements AtlasAuth {
  readonly scheme = 'service-account';
  readonly #o: Required<Omit<ServiceAccountOptions, 'clientSecret'>>;
  readonly #basic: string;
  #token?: { value: string; refreshAt: number };
  #inflight?: Promise<string>;
  tokenRequests = 0;

  constructor(o: ServiceAccountOptions) {
    if (!o.clientId || !o.clientSecret) throw new Error('a service account needs a client id and a client secret');
    // RFC 6749 2.3.1: form-encode id and secret before Basic, as the Atlas Go SDK does.
    this.#basic = Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString(
      'base64',
    );
    const { clientSecret: _secret, ...rest } = o;
    this.#o = {
      refreshMarginS: 60,
      maxTokenRetries: 4,
      maxTokenWaitS: 30,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      ...rest,
      baseUrl: checkedBaseUrl(o.baseUrl),
    };
  }

  toJSON(): object {
    return { scheme: this.scheme, tokenRequests: this.tokenRequests };
  }

  [inspect.custom](): string {
    return `ServiceAccountAuth { scheme: 'service-account', tokenRequests: ${this.tokenRequests} }`;
  }

  invalidate(): void {
    this.#token = undefined;
  }

  async parts(): Promise<AuthParts> {
    return { headers: { authorization: `Bearer ${await this.token()}` } };
  }

  async token(): Promise<string> {
    const t = this.#token;
    if (t && this.#o.now() < t.refreshAt) return t.value;
    this.#inflight ??= this.#fetch().finally(() => (this.#inflight = undefined));
    return this.#inflight;
  }

  async #fetch(): Promise<string> {
    const url = `${this.#o.baseUrl}/api/oauth/token`;
    for (let attempt = 0; ; attempt++) {
      this.tokenRequests++;
      let status = 0;
      let body: unknown;
      let retryAfterS: number | undefined;
      try {
        const res = await this.#o.http.request<string>(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${this.#basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'user-agent': this.#o.userAgent,
          },
          content: 'grant_type=client_credentials',
          dataType: 'text',
          timeout: this.#o.timeoutMs,
          retry: 0,
          socketErrorRetry: 0,
          // Never followed: the client secret must not be re-posted to wherever a 3xx points.
          followRedirect: false,
        });
        status = res.status;
        retryAfterS = parseRetryAfter(res.headers['retry-after']);
        try {
          body = JSON.parse(res.data);
        } catch {
          body = undefined;
        }
      } catch {
        // No answer (timeout, reset): status stays 0, a transient failure.
      }
      if (status === 200 && isTokenResponse(body)) {
        const lifetimeMs = body.expires_in * 1000;
        const marginMs = Math.min(this.#o.refreshMarginS * 1000, lifetimeMs / 2);
        this.#token = { value: body.access_token, refreshAt: this.#o.now() + lifetimeMs - marginMs };
        return body.access_token;
      }
      const transient = status === 0 || status === 429 || status >= 500 || status === 200;
      const tooLong = (retryAfterS ?? 0) > this.#o.maxTokenWaitS;
      if (!transient || tooLong || attempt >= this.#o.maxTokenRetries) throw tokenError(status, body, retryAfterS);
      const backoffMs = Math.min(this.#o.maxTokenWaitS * 1000, 500 * 2 ** attempt);
      await this.#o.sleep(Math.max(backoffMs, (retryAfterS ?? 0) * 1000));
    }
  }
}

/** The token endpoint's refusal as an AtlasApiError; the message names the likely cause and never the credentials. */
function tokenError(status: number, body: unknown, retryAfterS: number | undefined): AtlasApiError {
  const oauthError =
    typeof (body as { error?: unknown })?.error === 'string' ? (body as { error: string }).error.slice(0, 64) : '';
  const said = oauthError ? ` (the token endpoint answered ${oauthError})` : '';
  if (status === 400 || status === 401)
    return new AtlasApiError(
      status,
      'INVALID_CLIENT_CREDENTIALS',
      `the service account client id or secret was not accepted${said}`,
      'oauthToken',
      undefined,
      false,
      'check MONGODB_ATLAS_CLIENT_ID / MONGODB_ATLAS_CLIENT_SECRET',
    );
  if (status === 429)
    return new AtlasApiError(
      429,
      'RATE_LIMITED',
      `the token endpoint is rate limiting this client${said}`,
      'oauthToken',
      retryAfterS,
    );
  if (status === 200)
    return new AtlasApiError(
      0,
      'MALFORMED_RESPONSE',
      'the token endpoint answered 200 without access_token/expires_in',
      'oauthToken',
    );
  return new AtlasApiError(
    status,
    'TOKEN_REQUEST_FAILED',
    `could not obtain a service account token${said}`,
    'oauthToken',
    retryAfterS,
  );
}

function isTokenResponse(b: unknown): b is { access_token: string; expires_in: number } {
  const o = b as { access_token?: unknown; expires_in?: unknown } | undefined;
  return typeof o?.access_token === 'string' && typeof o.expires_in === 'number';
}
