// The simulator's side of Atlas auth: HTTP Digest (MD5, qop=auth) for API keys, the OAuth 2.0 client-credentials
// token endpoint for service accounts, and static bearer tokens. Each credential carries a project role, so the
// Project Owner precondition of a restore can be exercised.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Role = 'GROUP_OWNER' | 'GROUP_READ_ONLY';

export interface SimCredentials {
  apiKeys?: { publicKey: string; privateKey: string; role?: Role }[];
  serviceAccounts?: { clientId: string; clientSecret: string; role?: Role }[];
  accessTokens?: { token: string; role?: Role }[];
  /** Lifetime of issued OAuth tokens, seconds (Atlas: 3600). */
  tokenTtlS?: number;
}

export type AuthResult = { ok: true; role: Role; principal: string } | { ok: false; status: 401; errorCode: string; detail: string; challenge?: string };

const REALM = 'MMS Public API';
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

export class SimAuth {
  readonly #issued = new Map<string, { expiresAtMs: number; role: Role; principal: string }>();
  readonly #nonces = new Set<string>();
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
    if (h.startsWith('Bearer ')) {
      const token = h.slice(7).trim();
      const issued = this.#issued.get(token);
      if (issued && issued.expiresAtMs > nowMs) return { ok: true, role: issued.role, principal: issued.principal };
      const stat = this.creds?.accessTokens?.find((t) => t.token === token);
      if (stat) return { ok: true, role: stat.role ?? 'GROUP_OWNER', principal: 'access-token' };
      return { ok: false, status: 401, errorCode: issued ? 'EXPIRED_ACCESS_TOKEN' : 'NOT_AUTHENTICATED', detail: 'Invalid or expired access token.' };
    }
    if (h.startsWith('Digest ')) return this.#digest(req, h.slice(7));
    return this.#challenge('NOT_AUTHENTICATED', 'You are not authenticated. Please check your credentials.');
  }

  #challenge(errorCode: string, detail: string): AuthResult {
    const nonce = randomBytes(16).toString('hex');
    this.#nonces.add(nonce);
    return { ok: false, status: 401, errorCode, detail, challenge: `Digest realm="${REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=false` };
  }

  #digest(req: IncomingMessage, header: string): AuthResult {
    const f: Record<string, string> = {};
    for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) f[m[1]] = m[2] ?? m[3];
    const key = this.creds?.apiKeys?.find((k) => k.publicKey === f.username);
    if (!key || !f.nonce || !this.#nonces.has(f.nonce)) return this.#challenge('NOT_AUTHENTICATED', 'You are not authenticated. Please check your credentials.');
    const ha1 = md5(`${key.publicKey}:${f.realm ?? REALM}:${key.privateKey}`);
    const ha2 = md5(`${req.method}:${f.uri}`);
    const expected = f.qop ? md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:${f.qop}:${ha2}`) : md5(`${ha1}:${f.nonce}:${ha2}`);
    if (expected !== f.response) return this.#challenge('NOT_AUTHENTICATED', 'You are not authenticated. Please check your credentials.');
    return { ok: true, role: key.role ?? 'GROUP_OWNER', principal: `api-key:${key.publicKey}` };
  }

  /** POST /api/oauth/token (grant_type=client_credentials, HTTP Basic client auth). */
  issueToken(req: IncomingMessage, form: string, nowMs: number): { status: number; body: Record<string, unknown> } {
    const basic = (req.headers.authorization ?? '').replace(/^Basic\s+/i, '');
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':').map((s) => decodeURIComponent(s ?? ''));
    const grant = new URLSearchParams(form).get('grant_type');
    if (grant !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const sa = this.creds?.serviceAccounts?.find((s) => s.clientId === id && s.clientSecret === secret);
    if (!sa) return { status: 401, body: { error: 'invalid_client' } };
    const token = randomBytes(24).toString('base64url');
    const ttl = this.creds?.tokenTtlS ?? 3600;
    this.#issued.set(token, { expiresAtMs: nowMs + ttl * 1000, role: sa.role ?? 'GROUP_OWNER', principal: `service-account:${sa.clientId}` });
    this.tokensIssued++;
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: ttl } };
  }
}

export const canRestore = (role: Role): boolean => role === 'GROUP_OWNER';
