// Proven identities at the point of damage (issue 21 items 2 and 4): the requester's signed start (carried in the
// start's memo, `startSignature`) and each approver's signed decision (an `approve` update's `signed` field), read
// from the restore's first run's history, never from an activity's input, and verified against the policy's
// allowed_signers. Each statement is checked at the time its event was recorded (a start signed 15 minutes before it
// began still proves it hours later, at submit).
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { PolicyRule, RestorePolicy } from '../policy/policy';
import type { IdentityVerifier } from '../policy/ssh';
import type { SignedStatement, Statement } from '../policy/statement';
import { parseStatement, statementProblem } from '../policy/statement';

/** The memo key a signed start travels in (any SDK can set a memo on start). */
const START_SIGNATURE_MEMO = 'startSignature';

export type Proof = { ok: true; principal: string } | { ok: false; reason: string };

const asSigned = (v: unknown): SignedStatement | undefined => {
  const s = v as Partial<SignedStatement> | undefined;
  return s && typeof s.statement === 'string' && typeof s.signature === 'string'
    ? { statement: s.statement, signature: s.signature }
    : undefined;
};

/** Verifies one signed statement against what it must say, at `atMs`. */
export async function prove(
  verifier: IdentityVerifier,
  signed: unknown,
  expected: Omit<Statement, 'issuedAt' | 'expiresAt'>,
  atMs: number,
): Promise<Proof> {
  const s = asSigned(signed);
  if (!s) return { ok: false, reason: `no signed ${expected.action} (sign it with --signingKey)` };
  const parsed = parseStatement(s.statement);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const problem = statementProblem(parsed, expected, atMs);
  if (problem) return { ok: false, reason: problem };
  return verifier.verify(s.statement, s.signature);
}

type Event = temporal.api.history.v1.IHistoryEvent;

/** The first run's events (the start and every decision happen there: nothing continues as new before submit). */
export async function firstRunEvents(temporal: Client, workflowId: string, firstRunId: string): Promise<Event[]> {
  return (await temporal.workflow.getHandle(workflowId, firstRunId).fetchHistory()).events ?? [];
}

const eventMs = (e: Event): number => (e.eventTime ? tsToMs(e.eventTime) : 0);

/** The requester, proven by the signed start in the start event's memo. */
export async function proveStart(
  temporal: Client,
  verifier: IdentityVerifier,
  events: Event[],
  workflowId: string,
  requestDigest: string,
): Promise<Proof> {
  const started = events[0];
  const field = started?.workflowExecutionStartedEventAttributes?.memo?.fields?.[START_SIGNATURE_MEMO];
  const signed: unknown = field ? temporal.options.loadedDataConverter.payloadConverter.fromPayload(field) : undefined;
  return prove(verifier, signed, { action: 'start', workflowId, requestDigest }, eventMs(started));
}

/**
 * The approvers the first run accepted (approve updates that completed successfully), each proven again: distinct
 * principals the rule lists, none of them the requester.
 */
export async function proveApprovals(
  temporal: Client,
  policy: RestorePolicy,
  rule: PolicyRule,
  verifier: IdentityVerifier,
  events: Event[],
  o: { workflowId: string; runId: string; requestDigest: string; requester: string },
): Promise<{ approvers: string[]; refused: string[] }> {
  const succeeded = new Set(
    events
      .filter((e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success)
      .map((e) => e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId),
  );
  const approvers = new Set<string>();
  const refused: string[] = [];
  for (const e of events) {
    const a = e.workflowExecutionUpdateAcceptedEventAttributes;
    const req = a?.acceptedRequest;
    if (!a || req?.input?.name !== 'approve' || !succeeded.has(req.meta?.updateId)) continue;
    const payload = req.input.args?.payloads?.[0];
    const args = payload
      ? (temporal.options.loadedDataConverter.payloadConverter.fromPayload(payload) as { signed?: unknown })
      : undefined;
    const p = await prove(verifier, args?.signed, { action: 'approve', ...o }, eventMs(e));
    if (!p.ok) refused.push(p.reason);
    else if (p.principal === o.requester) refused.push(`${p.principal} is the requester`);
    else if (!policy.mayApprove(rule, p.principal)) refused.push(`${p.principal} may not approve under '${rule.name}'`);
    else approvers.add(p.principal);
  }
  return { approvers: [...approvers], refused };
}
