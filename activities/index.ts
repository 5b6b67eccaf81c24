// The activities, built around the worker's dependencies (the samples' createActivities pattern): the Atlas client
// and its credentials live in the worker process only.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { HttpClient } from 'urllib';
import type { AtlasClient } from '../atlas/client';
import type { RestoreEvent } from '../common/events';
import type { WebhookSettings } from '../config/webhook';
import type { PolicyRule } from '../policy/policy';
import { RestorePolicy } from '../policy/policy';
import { requestDigest } from '../common/request';
import { firstRunEvents, prove, proveApprovals, proveStart } from './identity';
import { toFailure } from './failures';
import { restoreDurationHistory } from './history';
import { deliverEvent } from './notify';
import { runPreflight } from './preflight';
import { createRestoreJob, findSubmittedJob, getRestoreJob, listMatchingJobs } from './submit';
import type { Caller } from './guard';
import { readCallingRun, refuse, requireRestoreCaller } from './guard';
import type { ActivitySchema } from './schemas';
import { parseActivityInput } from './schemas';
import type { JobRef, PreflightReport, PreflightRequest, SubmitRequest } from './types';
import type { VerifyRequest } from '../common/verification';
import { runVerify } from './verify';
import { drillActivities } from './drill-activities';
import { restoreVerdict } from './drill-policy';

export interface ActivityDeps {
  atlas: AtlasClient;
  /** For reading back our own earlier restores (adaptive polling); optional. */
  temporal?: Client;
  /** The webhook (config/webhook.ts: URL, events, signing secret): worker configuration, never workflow input. */
  webhook?: WebhookSettings;
  http?: HttpClient;
  /** The restore policy (ATLAS_RESTORE_POLICY); absent: open mode, identities unverified. */
  policy?: RestorePolicy;
}

/**
 * Wraps every activity: its input is parsed with its schema (activities/schemas.ts) and refused when invalid; an Atlas
 * error becomes an ApplicationFailure (activities/failures.ts), so activity code just throws. Also counts retries
 * (attempt > 1) on the worker's metrics, and logs each attempt (the worker's log interceptor adds the target cluster).
 * Who may call is each activity's own check (activities/guard.ts), first thing in its body.
 */
function instrumented<T, R>(name: string, schema: ActivitySchema, fn: (arg: T) => Promise<R>): (arg: T) => Promise<R> {
  return async (arg: T) => {
    const ctx = Context.current();
    if (ctx.info.attempt > 1)
      ctx.metricMeter
        .createCounter('atlas_restore_activity_retries', '1', 'activity attempts after the first')
        .add(1, { activity: name });
    ctx.log.debug(`${name} attempt ${ctx.info.attempt}`);
    try {
      const parsed = parseActivityInput(schema, arg);
      if (!parsed.ok) refuse(name, 'invalid-input', parsed.problems);
      return await fn(parsed.value as T);
    } catch (e) {
      throw toFailure(e);
    }
  };
}

/** A create (the restore's or the rollback's): only for the request the calling restore was started with. */
async function checkCreate(deps: ActivityDeps, r: SubmitRequest): Promise<Caller> {
  const name = 'submitRestore';
  const c = requireRestoreCaller(name, r);
  const run = await readCallingRun(name, deps.temporal, c);
  const req = run?.request;
  if (!run || !req) return c;
  const main =
    r.projectId === req.projectId &&
    r.clusterName === req.clusterName &&
    r.snapshotId === req.snapshotId &&
    r.targetProjectId === req.targetProjectId &&
    r.targetClusterName === req.targetClusterName;
  // The rollback restores the target from its own snapshot: source = target, and only when the request asked for it.
  const rollback =
    req.rollbackOnFailure &&
    r.projectId === req.targetProjectId &&
    r.clusterName === req.targetClusterName &&
    r.targetProjectId === req.targetProjectId &&
    r.targetClusterName === req.targetClusterName;
  if (!main && !rollback)
    refuse(
      name,
      'request-mismatch',
      `${c.workflowId} was started to restore snapshot ${req.snapshotId} of ${req.clusterName} into ${req.targetClusterName}, not this`,
    );
  return c;
}

/** What the calling restore proves about its requester under its policy rule (activities/identity.ts). */
type Requester =
  | { ok: true; rule: PolicyRule; principal?: string; firstRunId: string; digest: string; events: HistoryEvents }
  | { ok: false; reason: string };
type HistoryEvents = Awaited<ReturnType<typeof firstRunEvents>>;

async function proveRequester(name: string, deps: ActivityDeps, p: RestorePolicy, c: Caller): Promise<Requester> {
  const run = await readCallingRun(name, deps.temporal, c);
  if (!run?.request || !deps.temporal)
    return { ok: false, reason: 'signatures are checked only by a worker with its Temporal client' };
  const req = run.request;
  const rule = p.ruleFor(req.targetProjectId, req.targetClusterName);
  if (!rule) return { ok: false, reason: p.verdict(req.targetProjectId, req.targetClusterName).evidence };
  const digest = requestDigest(req);
  const base = { ok: true as const, rule, firstRunId: run.firstExecutionRunId, digest };
  if (!RestorePolicy.needsSignedStart(rule)) return { ...base, events: [] };
  const events = await firstRunEvents(deps.temporal, c.workflowId, run.firstExecutionRunId);
  const start = await proveStart(deps.temporal, p.verifier!, events, c.workflowId, digest);
  if (!start.ok) return { ok: false, reason: `the start is not signed by a listed key: ${start.reason}` };
  return { ...base, principal: start.principal, events };
}

/** At the point of damage: the requester and (when the rule asks) enough approvers, proven from the first run. */
async function checkSignatures(deps: ActivityDeps, c: Caller): Promise<void> {
  const name = 'submitRestore';
  const p = deps.policy;
  if (!p) return;
  const who = await proveRequester(name, deps, p, c);
  if (!who.ok) return refuse(name, 'signature', who.reason);
  const need = who.rule.approval?.approvers ?? 0;
  if (!need) return;
  const { approvers, refused } = await proveApprovals(deps.temporal!, p, who.rule, p.verifier!, who.events, {
    workflowId: c.workflowId,
    runId: who.firstRunId,
    requestDigest: who.digest,
    requester: who.principal!,
  });
  if (approvers.length < need)
    refuse(
      name,
      'signature',
      `${approvers.length} of ${need} approval(s) proven under rule '${who.rule.name}'${refused.length ? ` (${refused.join('; ')})` : ''}`,
    );
}

/** A signed decision, verified for the calling restore's run and digest: the approver's principal, or a refusal. */
async function verifyDecision(deps: ActivityDeps, d: { action: 'approve' | 'reject'; signed?: unknown }) {
  const name = 'verifyDecision';
  const c = requireRestoreCaller(name, undefined);
  const p = deps.policy;
  if (!p?.verifier) return refuse(name, 'policy', 'this worker has no restore policy with allowedSigners');
  const who = await proveRequester(name, deps, p, c);
  if (!who.ok) return refuse(name, 'signature', who.reason);
  const proof = await prove(
    p.verifier,
    d.signed,
    { action: d.action, workflowId: c.workflowId, runId: c.runId, requestDigest: who.digest },
    Date.now(),
  );
  if (!proof.ok) return refuse(name, 'signature', proof.reason);
  if (d.action === 'approve' && proof.principal === who.principal)
    refuse(name, 'signature', `${proof.principal} is the requester: the requester cannot approve their own restore`);
  if (!p.mayApprove(who.rule, proof.principal))
    refuse(name, 'signature', `${proof.principal} is not listed to decide under rule '${who.rule.name}'`);
  return { principal: proof.principal };
}

/** The event's id, workflow id and run id come from the calling execution, never from the caller's input. */
async function ownEvent(deps: ActivityDeps, e: RestoreEvent): Promise<RestoreEvent> {
  const name = 'notify';
  const c = requireRestoreCaller(name, e, { batch: true });
  const run = await readCallingRun(name, deps.temporal, c);
  // The workflow numbers repeatable events (…/type/n); the first run's id comes from the run's start event.
  const m = /^.*\/([0-9a-f-]{36})\/[a-z._]+(?:\/(\d{1,6}))?$/.exec(e.id);
  const firstRun = run?.firstExecutionRunId ?? m?.[1];
  if (!firstRun) refuse(name, 'invalid-input', 'the event id does not name the first run of its restore');
  const id = `${c.workflowId}/${firstRun}/${e.type}${m?.[2] ? `/${m[2]}` : ''}`;
  return { ...e, id, workflowId: c.workflowId, runId: c.runId };
}

export function createActivities(deps: ActivityDeps) {
  const http = deps.http ?? new HttpClient();
  return {
    preflight: instrumented('preflight', 'preflight', async (r: PreflightRequest): Promise<PreflightReport> => {
      const caller = requireRestoreCaller('preflight', r);
      const p = deps.policy;
      if (!p) return { ...(await runPreflight(deps.atlas, r)), policy: { mode: 'open' } };
      // A target no rule allows is refused before any Atlas read: the `policy` check fails, nothing was changed.
      // A drill's child restore is judged by the drill rules (activities/drill-policy.ts).
      const v = await restoreVerdict(deps.temporal, p, caller, r.targetProjectId, r.targetClusterName);
      const policy = {
        mode: 'enforced' as const,
        digest: v.digest,
        rule: v.rule,
        approvers: v.approvers,
        signedStart: v.signedStart,
      };
      const check = { name: 'policy', status: v.allowed ? ('pass' as const) : ('fail' as const), evidence: v.evidence };
      if (!v.allowed) return { checks: [check], plan: `nothing: ${v.evidence}`, policy };
      const rule = v.drill ? undefined : p.ruleFor(r.targetProjectId, r.targetClusterName);
      if (rule && RestorePolicy.needsSignedStart(rule)) {
        // The requester, proven: a rule that asks for approval must know who asked, to refuse self-approval.
        const who = await proveRequester('preflight', deps, p, requireRestoreCaller('preflight', r));
        const signature = {
          name: 'signature',
          status: who.ok ? ('pass' as const) : ('fail' as const),
          evidence: who.ok ? `start signed by ${who.principal} (ssh)` : who.reason,
        };
        if (!who.ok) return { checks: [check, signature], plan: `nothing: ${who.reason}`, policy };
        const report = await runPreflight(deps.atlas, r);
        return {
          ...report,
          checks: [check, signature, ...report.checks],
          policy: { ...policy, requester: who.principal },
        };
      }
      const report = await runPreflight(deps.atlas, r);
      return { ...report, checks: [check, ...report.checks], policy };
    }),
    /** The create alone (ambiguous when it fails): the workflow tries it once per attempt and looks up after. */
    submitRestore: instrumented('submitRestore', 'submit', async (r: SubmitRequest) => {
      const c = await checkCreate(deps, r);
      // The policy again, from the worker's own copy: the workflow's preflight is not the point of damage.
      const p = deps.policy;
      const v = p && (await restoreVerdict(deps.temporal, p, c, r.targetProjectId, r.targetClusterName));
      if (v && !v.allowed) refuse('submitRestore', 'policy', v.evidence);
      // A drill rule asks for no signature: the drill's own run is the proof (activities/drill-policy.ts).
      if (!v?.drill) await checkSignatures(deps, c);
      return createRestoreJob(deps.atlas, r);
    }),
    /** A signed approve or reject (the workflow's update handler asks before it records the decision). */
    verifyDecision: instrumented(
      'verifyDecision',
      'decision',
      (d: { action: 'approve' | 'reject'; signed?: unknown }) => verifyDecision(deps, d),
    ),
    findSubmittedJob: instrumented('findSubmittedJob', 'submit', (r: SubmitRequest) => {
      requireRestoreCaller('findSubmittedJob', r);
      return findSubmittedJob(deps.atlas, r);
    }),
    /** The baseline before a create: the jobs of this request that are not ours (workflows/submit.ts). */
    listMatchingJobs: instrumented('listMatchingJobs', 'submit', (r: SubmitRequest) => {
      requireRestoreCaller('listMatchingJobs', r);
      return listMatchingJobs(deps.atlas, r);
    }),
    // A job reference names its source (or, for the rollback, its target): only the caller's kind is checked.
    getRestoreJob: instrumented('getRestoreJob', 'jobRef', (r: JobRef) => {
      requireRestoreCaller('getRestoreJob', undefined);
      return getRestoreJob(deps.atlas, r);
    }),
    /** The verify step after a restore (activities/verify.ts): its temporary user's password stays in the activity. */
    verifyRestore: instrumented('verifyRestore', 'verify', (r: VerifyRequest) => {
      requireRestoreCaller('verifyRestore', r);
      return runVerify({ atlas: deps.atlas, temporal: deps.temporal, log: (m) => Context.current().log.info(m) }, r);
    }),
    notify: instrumented('notify', 'event', async (e: RestoreEvent) =>
      deliverEvent(http, deps.webhook, await ownEvent(deps, e)),
    ),
    restoreDurationHistory: instrumented(
      'restoreDurationHistory',
      'history',
      (t: { targetProjectId: string; targetClusterName: string }) => {
        requireRestoreCaller('restoreDurationHistory', t);
        return restoreDurationHistory(deps.temporal, t.targetProjectId, t.targetClusterName);
      },
    ),
    ...drillActivities(deps, instrumented, http),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type * from './types';
