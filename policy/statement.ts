// The canonical statement a requester or an approver signs (issue 21 item 2): what they do, to which restore, for
// which request, and until when. Plain `key=value` lines in a fixed order, so any SDK or a shell script can write the
// same bytes and sign them with `ssh-keygen -Y sign -n atlas-restore`. Workflow-safe (no Node imports).

/** The SSHSIG namespace our signatures use (`ssh-keygen -n`): a signature for git or anything else does not verify. */
export const SIGNATURE_NAMESPACE = 'atlas-restore';
const HEADER = 'atlas-restore statement v1';
/** Default and longest life of a signed statement. */
const STATEMENT_TTL_S = 15 * 60;
const STATEMENT_MAX_TTL_S = 24 * 3600;

export type SignedAction = 'start' | 'approve' | 'reject';

export interface Statement {
  action: SignedAction;
  workflowId: string;
  /** For decisions: the run the approver reviewed. A start has none (it is not known before the start). */
  runId?: string;
  requestDigest: string;
  issuedAt: string;
  expiresAt: string;
}

/** A statement and its armored SSHSIG signature (`-----BEGIN SSH SIGNATURE-----`), as carried to the worker. */
export interface SignedStatement {
  statement: string;
  signature: string;
}

const KEYS = ['action', 'workflowId', 'runId', 'requestDigest', 'issuedAt', 'expiresAt'] as const;

export function canonicalStatement(s: Statement): string {
  return `${[HEADER, ...KEYS.filter((k) => s[k] !== undefined).map((k) => `${k}=${s[k]}`)].join('\n')}\n`;
}

/** The statement for `action` issued at `nowMs`, valid `ttlS` seconds. */
export function newStatement(
  o: Omit<Statement, 'issuedAt' | 'expiresAt'>,
  nowMs: number,
  ttlS = STATEMENT_TTL_S,
): Statement {
  return {
    ...o,
    issuedAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ttlS * 1000).toISOString(),
  };
}

/** Parses exactly what canonicalStatement writes (anything else is refused: a signature covers these bytes only). */
export function parseStatement(text: string): Statement | string {
  if (text.length > 2000) return 'the statement is too long';
  const lines = text.split('\n');
  if (lines[0] !== HEADER || lines.at(-1) !== '') return 'not an atlas-restore statement v1';
  const kv = new Map<string, string>();
  for (const l of lines.slice(1, -1)) {
    const m = /^([a-zA-Z]+)=([\x21-\x7e]{1,300})$/.exec(l);
    if (!m || kv.has(m[1]) || !(KEYS as readonly string[]).includes(m[1])) return `bad statement line '${l}'`;
    kv.set(m[1], m[2]);
  }
  const action = kv.get('action');
  if (action !== 'start' && action !== 'approve' && action !== 'reject') return 'the statement names no action';
  const s: Statement = {
    action,
    workflowId: kv.get('workflowId') ?? '',
    ...(kv.has('runId') ? { runId: kv.get('runId') } : {}),
    requestDigest: kv.get('requestDigest') ?? '',
    issuedAt: kv.get('issuedAt') ?? '',
    expiresAt: kv.get('expiresAt') ?? '',
  };
  if (canonicalStatement(s) !== text) return 'the statement is not in canonical form';
  return s;
}

/** Why a parsed statement does not hold for `expected` at `nowMs`, or undefined when it does. */
export function statementProblem(
  s: Statement,
  expected: Omit<Statement, 'issuedAt' | 'expiresAt'>,
  nowMs: number,
): string | undefined {
  if (s.action !== expected.action) return `it signs '${s.action}', not '${expected.action}'`;
  if (s.workflowId !== expected.workflowId) return `it names workflow ${s.workflowId}, not ${expected.workflowId}`;
  if (expected.runId !== undefined && s.runId !== expected.runId)
    return `you reviewed a different request: it names run ${s.runId ?? '(none)'}, not ${expected.runId}`;
  if (s.requestDigest !== expected.requestDigest)
    return `you reviewed a different request: it names digest ${s.requestDigest}, not ${expected.requestDigest}`;
  const issued = Date.parse(s.issuedAt);
  const expires = Date.parse(s.expiresAt);
  if (!Number.isFinite(issued) || !Number.isFinite(expires)) return 'its times are not ISO timestamps';
  if (issued > nowMs + 60_000) return `it is issued in the future (${s.issuedAt})`;
  if (expires <= nowMs) return `it expired at ${s.expiresAt}`;
  if (expires - issued > STATEMENT_MAX_TTL_S * 1000) return 'it is valid for longer than a day';
  return undefined;
}
