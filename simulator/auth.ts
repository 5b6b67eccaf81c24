// The simulator's side of Atlas auth: HTTP Digest (MD5, qop=auth) for API keys, the OAuth 2.0 client-credentials
// token endpoint for service accounts, and static bearer tokens. Each credential carries a project role, so the
// Project Owner precondition of a restore can be exercised.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Role = 'GROUP_OWNER' | 'GROUP_READ_ONLY';

export interface SimCredentials {
  apiKeys?: { publicKey: string; privateKey: string; role?: Role }[];
  serviceAccounts?: { clientId: string; clientSecret: string; role?: Role }[];
  accessTokens?: { token: string; role?: Role }[];
  /** Lifetime of issued OAuth tokens, seconds (Atlas: 3600). */
  tokenTtlS?: number;
}

export type AuthResult =
  | { ok: true; role: Role; principal: string }
  | {
      ok: false;
      status: 401;
      errorCode: string;
      detail: string;
      challenge?: string;
      /** no credentials were sent */ anonymous: boolean;
    };

const REALM = 'MMS Public API';
/** How long a Digest nonce stays valid. */
const NONCE_TTL_MS = 5 * 60_000;
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const same = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const NOT_AUTHENTICATED = 'You are not authenticated. Please check your credentials.';

export class SimAuth {
  readonly #issued = new Map<string, { expiresAtMs: number; role: Role; principal: string }>();
  /** Nonces are signed, not stored: a long benchmark does not grow a nonce table. */
  readonly #nonceKey = randomBytes(32);
  tokensIssued = 0;

  constructor(readonly creds: SimCredentials | undefined) {}

  /** No credentials configured means the simulator accepts anonymous calls as Project Owner. */
  get open(): boolean {
    const c = this.creds;
    return !c || (!c.apiKeys?.length && !c.serviceAccounts?.length && !c.accessTokens?.length);
  }

  check(req: IncomingMessage, nowMs: number): AuthResult {
    if (this.open) return { ok: true, role: 'GROUP_OWNER', principal: 'anonymous' };
    const h = req.headers.authorization ?? '';
    if (/^Bearer /i.test(h)) {
      const token = h.slice(7).trim();
      const issued = this.#issued.get(token);
      if (issued && issued.expiresAtMs > nowMs) return { ok: true, role: issued.role, principal: issued.principal };
      const stat = this.creds?.accessTokens?.find((t) => same(t.token, token));
      if (stat) return { ok: true, role: stat.role ?? 'GROUP_OWNER', principal: 'access-token' };
      if (issued) this.#issued.delete(token);
      return {
        ok: false,
        status: 401,
        errorCode: issued ? 'EXPIRED_ACCESS_TOKEN' : 'INVALID_ACCESS_TOKEN',
        detail: 'Invalid or expired access token.',
        anonymous: false,
      };
    }
    if (/^Digest /i.test(h)) return this.#digest(req, h.slice(7), nowMs);
    return this.#challenge(nowMs, true);
  }

  #challenge(nowMs: number, anonymous: boolean): AuthResult {
    return {
      ok: false,
      status: 401,
      errorCode: 'NOT_AUTHENTICATED',
      detail: NOT_AUTHENTICATED,
      anonymous,
      challenge: `Digest realm="${REALM}", domain="", nonce="${this.#nonce(nowMs)}", algorithm=MD5, qop="auth", stale=false`,
    };
  }

  #nonce(nowMs: number): string {
    const t = nowMs.toString(16);
    return `${t}${createHmac('sha256', this.#nonceKey).update(t).digest('hex').slice(0, 32)}`;
  }

  #nonceValid(nonce: string, nowMs: number): boolean {
    const t = nonce.slice(0, -32);
    const issuedAt = parseInt(t, 16);
    return !!t && same(this.#nonce(issuedAt), nonce) && nowMs - issuedAt < NONCE_TTL_MS && issuedAt <= nowMs + 1_000;
  }

  #digest(req: IncomingMessage, header: string, nowMs: number): AuthResult {
    const f: Record<string, string> = {};
    for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) f[m[1]] = m[2] ?? m[3];
    const key = this.creds?.apiKeys?.find((k) => k.publicKey === f.username);
    if (!key || !f.nonce || !this.#nonceValid(f.nonce, nowMs) || f.uri !== req.url)
      return this.#challenge(nowMs, false);
    const ha1 = md5(`${key.publicKey}:${f.realm ?? REALM}:${key.privateKey}`);
    const ha2 = md5(`${req.method}:${f.uri}`);
    const expected = f.qop
      ? md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`)
      : md5(`${ha1}:${f.nonce}:${ha2}`);
    if (!same(expected, f.response ?? '')) return this.#challenge(nowMs, false);
    return { ok: true, role: key.role ?? 'GROUP_OWNER', principal: `api-key:${key.publicKey}` };
  }

  /** POST /api/oauth/token (grant_type=client_credentials, HTTP Basic client auth), answered like RFC 6749 5.1/5.2. */
  issueToken(req: IncomingMessage, form: string, nowMs: number): { status: number; body: Record<string, unknown> } {
    const basic = (req.headers.authorization ?? '').replace(/^Basic\s+/i, '');
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const unform = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const id = colon < 0 ? '' : unform(decoded.slice(0, colon));
    const secret = colon < 0 ? '' : unform(decoded.slice(colon + 1));
    const grant = new URLSearchParams(form).get('grant_type');
    if (grant !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const sa = this.open
      ? { clientId: id || 'anonymous', role: 'GROUP_OWNER' as Role }
      : this.creds?.serviceAccounts?.find((s) => s.clientId === id && same(s.clientSecret, secret));
    if (!sa) return { status: 401, body: { error: 'invalid_client' } };
    if (this.#issued.size > 1_000)
      for (const [t, v] of this.#issued) if (v.expiresAtMs <= nowMs) this.#issued.delete(t);
    const token = randomBytes(24).toString('base64url');
    const ttl = this.creds?.tokenTtlS ?? 3600;
    this.#issued.set(token, {
      expiresAtMs: nowMs + ttl * 1000,
      role: sa.role ?? 'GROUP_OWNER',
      principal: `service-account:${sa.clientId}`,
    });
    this.tokensIssued++;
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: ttl } };
  }
}

export const canRestore = (role: Role): boolean => role === 'GROUP_OWNER';
