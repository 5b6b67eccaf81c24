// Preflight: read-only checks of every precondition Atlas sets for a restore, each recorded with its evidence.
// A failed check ends the workflow before anything changes. A definite answer (404, precondition, wrong API: the
// error model's `definite`) becomes a failed check; anything else is thrown, and activities/index.ts makes it a
// failure (transient: retried by Temporal; bad credentials: not retried, with a hint for the operator).
import type { AtlasClient, SnapshotInfo } from '../atlas/client';
import { AtlasApiError, describeAtlasError } from '../atlas/errors';
import type { ClusterView } from '../atlas/routing';
import { describeCluster, majorOf, resolveBackend } from '../atlas/routing';
import type { Backend } from '../common/types';
import type { Check, RecoveryPoint } from '../common/result';
import type { PreflightReport, PreflightRequest } from './types';

const definite = (e: unknown): e is AtlasApiError =>
  e instanceof AtlasApiError && describeAtlasError(e)?.definite === true;

/** A destructive operation fails closed: an unknown version on either side is a failed check saying which. */
function versionCheck(snapshotVersion: string | undefined, targetMajor: string): { ok: boolean; evidence: string } {
  const snap = majorOf(snapshotVersion);
  if (snap && targetMajor) return { ok: snap === targetMajor, evidence: `snapshot ${snap} vs target ${targetMajor}` };
  const unknown = (side: string) => `${side} MongoDB version unknown (Atlas gave none)`;
  return {
    ok: false,
    evidence: `${snap ? `snapshot ${snap}` : unknown('snapshot')}; ${targetMajor ? `target ${targetMajor}` : unknown('target')}`,
  };
}

export async function runPreflight(atlas: AtlasClient, r: PreflightRequest): Promise<PreflightReport> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean | 'warn', evidence: string) =>
    checks.push({ name, status: ok === 'warn' ? 'warn' : ok ? 'pass' : 'fail', evidence });
  // 1. Which API serves the source cluster.
  let backend: Backend | undefined;
  try {
    const resolved = await resolveBackend(atlas, r.projectId, r.clusterName, r.backend);
    backend = resolved.backend;
    add('backend-resolved', true, resolved.evidence);
  } catch (e) {
    if (!definite(e)) throw e;
    add('backend-resolved', false, `source ${r.clusterName}: ${e.errorCode} ${e.detail}`);
  }

  // 2. The snapshot.
  let snapshot: SnapshotInfo | undefined;
  if (backend) {
    try {
      snapshot = await atlas.getSnapshot(backend, r.projectId, r.clusterName, r.snapshotId);
      add(
        'snapshot-exists',
        true,
        `snapshot ${r.snapshotId} of ${r.clusterName} (MongoDB ${snapshot.mongoDBVersion ?? '?'})`,
      );
      add('snapshot-completed', snapshot.status === 'COMPLETED', `snapshot status=${snapshot.status}`);
    } catch (e) {
      if (!definite(e)) throw e;
      add('snapshot-exists', false, `snapshot ${r.snapshotId} of ${r.clusterName}: ${e.errorCode}`);
    }
  }

  // 3. The target cluster.
  let target: ClusterView | undefined;
  try {
    target = await describeCluster(atlas, r.targetProjectId, r.targetClusterName);
    add(
      'target-exists',
      true,
      `target ${r.targetClusterName} in project ${r.targetProjectId}: ${target.kind} ${target.instanceSize ?? ''}`.trim(),
    );
  } catch (e) {
    if (!definite(e)) throw e;
    add('target-exists', false, `target ${r.targetClusterName} in project ${r.targetProjectId}: ${e.errorCode}`);
  }
  if (target) {
    add('target-idle', target.stateName === 'IDLE', `target stateName=${target.stateName}`);
    add('target-not-paused', !target.paused, `target paused=${target.paused}`);
    add('target-not-sharded', !target.sharded, `target sharded=${target.sharded}`);
    add(
      'target-no-encryption-at-rest',
      target.encryptionAtRestProvider === 'NONE',
      `target encryptionAtRestProvider=${target.encryptionAtRestProvider}`,
    );
    if (snapshot) {
      const v = versionCheck(snapshot.mongoDBVersion, target.mongoDBMajorVersion);
      add('mongodb-major-version', v.ok, v.evidence);
    }
  }

  // 4. No restore already running into the target (that we can see from the source's jobs).
  if (backend) {
    const running = (await atlas.listRestoreJobs(backend, r.projectId, r.clusterName)).filter(
      (j) =>
        j.targetClusterName === r.targetClusterName &&
        (j.targetProjectId ?? r.projectId) === r.targetProjectId &&
        j.status !== 'COMPLETED' &&
        j.status !== 'FAILED',
    );
    add(
      'no-restore-running',
      running.length === 0,
      running.length
        ? `restore job ${running[0].id} is ${running[0].status}`
        : 'no unfinished restore job into the target',
    );
  }

  // 5. The pre-restore recovery point: the target's newest own snapshot.
  let recoveryPoint: RecoveryPoint | undefined;
  const targetBackend = target?.kind === 'dedicated' ? undefined : target?.kind;
  if (targetBackend) {
    const snaps = (
      await atlas.listSnapshots(targetBackend, r.targetProjectId, r.targetClusterName).catch((e: unknown) => {
        if (definite(e)) return [];
        throw e;
      })
    ).filter((s) => s.status === 'COMPLETED');
    const newest = snaps.sort((a, b) => (b.finishTime ?? '').localeCompare(a.finishTime ?? ''))[0];
    if (newest) recoveryPoint = { snapshotId: newest.id, finishTime: newest.finishTime, backend: targetBackend };
  }
  if (recoveryPoint)
    add('recovery-point', true, `target snapshot ${recoveryPoint.snapshotId} (${recoveryPoint.finishTime ?? '?'})`);
  else
    add(
      'recovery-point',
      r.rollbackOnFailure ? false : 'warn',
      `no completed snapshot of the target to roll back to${r.rollbackOnFailure ? ' (rollbackOnFailure needs one)' : ''}`,
    );

  add(
    'no-client-traffic',
    'warn',
    `the target ${r.targetClusterName} must take no client traffic during the restore; all its data will be deleted`,
  );

  const plan = `restore snapshot ${r.snapshotId} of ${r.clusterName} (project ${r.projectId}) into ${r.targetClusterName} (project ${r.targetProjectId}) via the ${backend ?? '?'} API`;
  return { backend, checks, recoveryPoint, plan };
}
