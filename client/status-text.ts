// A running restore's status as a person reads it: for an approver, what will be deleted, the checks, the plan and
// when approval times out; for everyone, where the restore is and, when the restore has an expectation, an ETA.
import type { RestoreStatus } from '../common/result';
import { sanitize } from '../common/text';
import { checkLine } from './result-text';

export interface StatusView extends Partial<RestoreStatus> {
  workflowId: string;
  runId: string;
  running: boolean;
  /** From the workflow's search attributes: what the restore overwrites, with what. */
  target?: { projectId?: string; clusterName?: string };
  source?: { clusterName?: string; snapshotId?: string };
}

/** "45s", "12m", "2h05m": a duration as one reads it in a status line. */
function humanDuration(s: number): string {
  s = Math.max(0, Math.round(s));
  if (s < 90) return `${s}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  const h = Math.floor(s / 3600);
  return `${h}h${String(Math.round((s - h * 3600) / 60)).padStart(2, '0')}m`;
}

/** The ETA from the restore's learned expectation (expectedFinishAt), or undefined without one. */
export function etaText(expectedFinishAt: string | undefined, nowMs = Date.now()): string | undefined {
  if (!expectedFinishAt) return undefined;
  const left = (Date.parse(expectedFinishAt) - nowMs) / 1000;
  if (!Number.isFinite(left)) return undefined;
  return left >= 0
    ? `ETA ${expectedFinishAt} (in ~${humanDuration(left)})`
    : `ETA ${expectedFinishAt} (overdue by ${humanDuration(-left)})`;
}

export function statusText(v: StatusView, nowMs = Date.now()): string {
  const lines = [`${v.phase ?? '?'}  ${v.workflowId} (run ${v.runId})`];
  if (v.target?.clusterName)
    lines.push(
      `  target: '${v.target.clusterName}' in project ${v.target.projectId ?? '?'} — ALL ITS DATA is deleted and replaced by snapshot ${v.source?.snapshotId ?? '?'} of '${v.source?.clusterName ?? '?'}'`,
    );
  // What an approver reviews: who asked and why (as typed), the flags, and the run and digest a decision binds to.
  if (v.requestDigest)
    lines.push(
      `  requested by ${v.policy?.mode === 'enforced' && v.policy.requester ? `${sanitize(v.policy.requester)} (verified)` : `${sanitize(v.requester ?? 'unknown')} (unverified)`}${v.reason ? `: ${sanitize(v.reason)}` : ''}`,
      `  flags: requireApproval=${v.flags?.requireApproval ?? '?'} dryRun=${v.flags?.dryRun ?? '?'} rollbackOnFailure=${v.flags?.rollbackOnFailure ?? '?'}`,
      `  request digest ${v.requestDigest}; run ${v.runId}`,
    );
  if (v.policy)
    lines.push(
      v.policy.mode === 'open'
        ? '  policy: OPEN MODE (the worker has no ATLAS_RESTORE_POLICY): identities unverified'
        : `  policy: ${v.policy.digest}, rule '${v.policy.rule ?? '(none)'}'${v.policy.approvers ? `, approval by ${v.policy.approvers} required` : ''}`,
    );
  if (v.awaitingApproval) {
    lines.push(
      `  WAITING FOR APPROVAL: \`./bin/atlas-restore approve ${v.workflowId} --runId ${v.runId} --by <name>\` or \`./bin/atlas-restore reject ${v.workflowId} --runId ${v.runId} --by <name>\``,
    );
    if (v.approvalTimeoutAt)
      lines.push(
        `  approval times out at ${v.approvalTimeoutAt} (in ~${humanDuration((Date.parse(v.approvalTimeoutAt) - nowMs) / 1000)}); then the restore ends REJECTED`,
      );
  }
  if (v.plan) lines.push(`  plan: ${sanitize(v.plan)}`);
  if (v.checks?.length) {
    lines.push('  checks:');
    for (const c of v.checks) lines.push(checkLine(c));
  }
  lines.push(
    `  backend: ${v.backend ?? '-'}; restore job: ${v.restoreJobId ?? '-'}${v.jobStatus ? ` (${v.jobStatus})` : ''}`,
  );
  lines.push(`  polls: ${v.polls ?? 0}${v.nextPollAt ? `; next poll at ${v.nextPollAt}` : ''}`);
  const eta = etaText(v.expectedFinishAt, nowMs);
  if (eta) lines.push(`  ${eta}`);
  if (v.atlasTrouble)
    lines.push(
      `  ATLAS TROUBLE since ${v.atlasTrouble.since} (${v.atlasTrouble.attempts} attempts): ${sanitize(v.atlasTrouble.lastError)}; the restore keeps waiting`,
    );
  lines.push(`  started ${v.startedAt ?? '?'}; deadline ${v.deadlineAt ?? '?'}`);
  return lines.join('\n');
}
