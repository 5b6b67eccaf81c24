// The verify step after a restore, as one activity: the target back to IDLE in Atlas, a temporary read-only user,
// the target answering `ping` within verify.timeout, the manifest, the checks, and the user deleted (in finally; if the
// worker dies first, Atlas deletes it at its deleteAfterDate and a retried verify makes a new one). The password never
// leaves this activity: not in the result, the logs or an error.
import type { Client } from '@temporalio/client';
import type { AtlasClient } from '../atlas/client';
import { parseDurationS } from '../common/input';
import type { Verification, VerificationCheck, VerifyRequest } from '../common/verification';
import { DEFAULT_VERIFY_TIMEOUT } from '../common/verification';
import { manifestChecks } from './verify-checks';
import type { ConnectProblem } from './verify-connect';
import { connectWithin, heartbeat } from './verify-connect';
import { readManifest } from './verify-manifest';
import { previousVerified } from './verify-previous';
import { describeTarget } from './verify-target';
import type { TempUser } from './verify-user';
import { createTempUser } from './verify-user';

const iso = (ms: number): string => new Date(ms).toISOString();
/** Re-reads of the cluster state while it settles after the job (UPDATING → IDLE); a few Atlas calls at most. */
const IDLE_POLL_MS = [2_000, 5_000, 10_000, 20_000];

const WHY: Record<ConnectProblem, (target: string, project: string) => string> = {
  unreachable: (t) => `nothing answered at ${t}'s address (connection refused or timed out)`,
  'access-list': (t, p) =>
    `${t} closed every connection on connect: the Atlas IP access list of project ${p} does not list this worker's address. Fix: add the worker's egress IP (or CIDR) under Network Access > IP Access List (Admin API createGroupAccessListEntry), then verify again`,
  auth: (t) => `${t} refused the temporary user's login (Atlas may still be rolling the new user out)`,
  other: (t) => `${t} did not answer ping`,
};

export interface VerifyDeps {
  atlas: AtlasClient;
  temporal?: Client;
  /** Logs without secrets: the caller's activity logger. */
  log?: (message: string) => void;
}

export async function runVerify(deps: VerifyDeps, r: VerifyRequest): Promise<Verification> {
  const startedMs = Date.now();
  const timeoutS = parseDurationS(r.settings.timeout ?? DEFAULT_VERIFY_TIMEOUT) ?? 600;
  const deadlineMs = startedMs + timeoutS * 1000;
  const checks: VerificationCheck[] = [];
  const done = (status: Verification['status'], reason?: string, extra: Partial<Verification> = {}): Verification => ({
    status,
    ...(reason ? { reason } : {}),
    checks,
    ...extra,
    startedAt: iso(startedMs),
    finishedAt: iso(Date.now()),
  });
  const target = r.targetClusterName;

  // 1. Atlas says the target is IDLE (it may show UPDATING for a moment after the job).
  let described = await describeTarget(deps.atlas, r.targetProjectId, target);
  for (const wait of IDLE_POLL_MS) {
    if (described.stateName === 'IDLE' || Date.now() + wait >= deadlineMs) break;
    heartbeat({ stateName: described.stateName });
    await new Promise((res) => setTimeout(res, wait));
    described = await describeTarget(deps.atlas, r.targetProjectId, target);
  }
  const idle = described.stateName === 'IDLE';
  checks.push({
    name: 'cluster-idle',
    passed: idle,
    evidence: `Atlas (${described.describedBy}) reports stateName=${described.stateName}`,
  });
  if (!idle) return done('TIMED_OUT', `target ${target} was not IDLE within ${timeoutS}s`);
  const uri = described.connectionString;
  if (!uri) {
    checks.push({ name: 'target-answers', passed: false, evidence: 'Atlas gave no connection string for the target' });
    return done('FAILED', `Atlas gave no connection string for ${target}`);
  }

  // 2. A temporary user, then ping with backoff until the timeout.
  const user: TempUser = await createTempUser(deps.atlas, r.targetProjectId, target);
  deps.log?.(`verify: temporary user ${user.username} created (deleteAfterDate ${user.deleteAfterDate})`);
  try {
    const c = await connectWithin(uri, user, deadlineMs);
    if (!c.ok) {
      const why = WHY[c.problem](target, r.targetProjectId);
      checks.push({
        name: 'target-answers',
        passed: false,
        evidence: `${why}; ${c.attempts} attempts in ${timeoutS}s, last error: ${c.lastError}`,
      });
      return done('TIMED_OUT', `${why} (within ${timeoutS}s)`);
    }
    try {
      checks.push({
        name: 'target-answers',
        passed: true,
        evidence: `ping answered after ${(c.afterMs / 1000).toFixed(1)}s (${c.attempts} attempt${c.attempts > 1 ? 's' : ''})`,
      });
      // 3. The manifest and the checks on it.
      const manifest = await readManifest(c.client, deadlineMs);
      const previous = r.settings.compareWithPrevious
        ? await previousVerified(deps.temporal, r.projectId, r.clusterName, r.workflowId)
        : undefined;
      checks.push(...manifestChecks(manifest, r.settings, previous));
      const failed = checks.filter((k) => !k.passed);
      return failed.length
        ? done('FAILED', `verification failed: ${failed.map((k) => `${k.name} (${k.evidence})`).join('; ')}`, {
            manifest,
          })
        : done('PASSED', undefined, { manifest });
    } finally {
      await c.client.close().catch(() => undefined);
    }
  } finally {
    // Deleted even when the checks fail; if this call fails, Atlas removes the user at deleteAfterDate.
    await deps.atlas.deleteDatabaseUser(r.targetProjectId, user.username).then(
      () => deps.log?.(`verify: temporary user ${user.username} deleted`),
      (e: unknown) =>
        deps.log?.(
          `verify: temporary user ${user.username} not deleted (${e instanceof Error ? e.message : String(e)}); Atlas removes it at ${user.deleteAfterDate}`,
        ),
    );
  }
}
