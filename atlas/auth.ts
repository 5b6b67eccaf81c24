// The three ways Atlas accepts a caller, behind one interface. Credentials live only inside these objects: they are
// read from the worker's environment (atlas/config.ts) and never returned, logged or put in an error message.
import { HttpClient } from 'urllib';
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
    this.#userPass = `${publicKey}:${privateKey}`;
  }
  async parts(): Promise<AuthParts> {
    return { digestAuth: this.#userPass };
  }
  toJSON(): object {
    return { scheme: this.scheme };
  }
}

/** A static bearer token (the seed's `$ACCESS_TOKEN`, e.g. from `atlas auth token`). */
export class BearerAuth implements AtlasAuth {
  readonly scheme = 'bearer';
  readonly #token: string;
  constructor(token: string) {
    this.#token = token;
  }
  async parts(): Promise<AuthParts> {
    return { headers: { authorization: `Bearer ${this.#token}` } };
  }
  toJSON(): object {
    return { scheme: this.scheme };
  }
}

/** No credentials: only for a simulator started without auth. */
export class NoAuth implements AtlasAuth {
  readonly scheme = 'none';
  async parts(): Promise<AuthParts> {
    return {};
  }
}

export interface ServiceAccountOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  http: HttpClient;
  timeoutMs: number;
  userAgent: string;
  /** Refresh this many seconds before the token expires (Atlas tokens last one hour). */
  refreshMarginS?: number;
  /** How many times a 429/5xx from the token endpoint is retried before giving up. */
  maxTokenRetries?: number;
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
  #token?: { value: string; expiresAt: number };
  #inflight?: Promise<string>;
  tokenRequests = 0;

  constructor(o: ServiceAccountOptions) {
    this.#basic = Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`).toString('base64');
    this.#o = {
      refreshMarginS: 60,
      maxTokenRetries: 4,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => Date.now(),
      ...o,
    };
    delete (this.#o as { clientSecret?: string }).clientSecret;
  }

  toJSON(): object {
    return { scheme: this.scheme };
  }

  invalidate(): void {
    this.#token = undefined;
  }

  async parts(): Promise<AuthParts> {
    return { headers: { authorization: `Bearer ${await this.token()}` } };
  }

  async token(): Promise<string> {
    const t = this.#token;
    if (t && this.#o.now() < t.expiresAt - this.#o.refreshMarginS * 1000) return t.value;
    this.#inflight ??= this.#fetch().finally(() => (this.#inflight = undefined));
    return this.#inflight;
  }

  async #fetch(): Promise<string> {
    const url = `${this.#o.baseUrl.replace(/\/$/, '')}/api/oauth/token`;
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
        });
        status = res.status;
        retryAfterS = parseRetryAfter(res.headers['retry-after']);
        try {
          body = JSON.parse(res.data);
        } catch {
          body = undefined;
        }
      } catch {
        status = 0;
      }
      if (status === 200 && isTokenResponse(body)) {
        this.#token = { value: body.access_token, expiresAt: this.#o.now() + body.expires_in * 1000 };
        return body.access_token;
      }
      const transient = status === 0 || status === 429 || status >= 500;
      if (!transient || attempt >= this.#o.maxTokenRetries) {
        const code = status === 401 || status === 400 ? 'INVALID_CLIENT_CREDENTIALS' : status === 429 ? 'RATE_LIMITED' : 'TOKEN_REQUEST_FAILED';
        throw new AtlasApiError(
          status,
          code,
          status === 401 || status === 400
            ? 'the service account client id or secret was not accepted (check MONGODB_ATLAS_CLIENT_ID / MONGODB_ATLAS_CLIENT_SECRET)'
            : 'could not obtain a service account token',
          'oauthToken',
          retryAfterS,
        );
      }
      const backoffMs = Math.min(30_000, 500 * 2 ** attempt);
      await this.#o.sleep(Math.max(backoffMs, (retryAfterS ?? 0) * 1000));
    }
  }
}

function isTokenResponse(b: unknown): b is { access_token: string; expires_in: number } {
  const o = b as { access_token?: unknown; expires_in?: unknown } | undefined;
  return typeof o?.access_token === 'string' && typeof o.expires_in === 'number';
}

/** Retry-After in seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(h: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
