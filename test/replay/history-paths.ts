// The paths a restore can take, each driven the way an operator or Atlas would drive it (client/start.ts, the
// status query, approve/reject updates, cancel, the simulator's faults and planner), for recording their histories.
// They depend on outcomes and on what the simulator saw, never on audit or phase names, so that a change to the
// workflow's insides does not stop them recording it.
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import type { Outcome } from '../../common/constants';
import { inputSchemas, restoreWorkflowId, type RestoreInput } from '../../common/input';
import { requestDigest, resolveRequest } from '../../common/request';
import { signFor } from '../../client/signing';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { restoreWorkflow } from '../../workflows';
import { batchRestoreWorkflow } from '../../workflows';
import { approveUpdate, rejectUpdate, statusQuery } from '../../workflows/definitions';
import type { Stack } from '../helpers/stack';
import { jobsInto, simNow, waitForStatus } from '../helpers/run';
import { addPair } from '../helpers/world';
import { BATCH_WORKFLOW_TYPE, RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

type RestoreHandle = WorkflowHandle<typeof restoreWorkflow>;

/** One recorded path: what it is called, what it must end as, and how to drive it. */
export interface HistoryPath {
  name: string;
  workflowType: typeof RESTORE_WORKFLOW_TYPE | typeof BATCH_WORKFLOW_TYPE;
  /** The restore's outcome (or, for a batch, the outcome counts) the run must produce to count as this path. */
  expect: Outcome | Record<string, number>;
  /** The restore policy file the recording worker enforces (written on demand); absent: open mode. */
  policy?: () => string;
  /**
   * Recorded on a stack of its own whose simulator gives the clusters data (a FerretDB each): the verify paths. Its
   * own, so its time-skipping clock starts at the wall clock: the temporary user's deleteAfterDate (the worker's
   * wall clock + 4 h) must be ahead of the simulator's clock, which the earlier paths' skipped hours would pass.
   */
  data?: boolean;
  /** Drives the path to its end; returns the workflow whose run chain is recorded. */
  run(h: Stack): Promise<{ workflowId: string; firstRunId: string; outcome: Outcome | Record<string, number> }>;
}

/** Polls every second at most: short restores take few real seconds on either server. */
const fast = { polling: { initialS: 1, maxS: 2, learn: false } };

async function restore(h: Stack, input: RestoreInput, drive?: (handle: RestoreHandle) => Promise<void>) {
  const { handle, runId } = await startRestore(h.env.client, input, { taskQueue: h.taskQueue });
  await drive?.(handle);
  const r = await restoreResultOf(handle);
  return { workflowId: handle.workflowId, firstRunId: runId, outcome: r.outcome };
}

/** Repeats an update until the workflow accepts it: it is refused until the restore waits for a decision. */
async function decide(send: () => Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      await send();
      return;
    } catch (e) {
      if (!(e instanceof WorkflowUpdateFailedError) || Date.now() - t0 > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Waits (real time) until the restore reports a submitted job. */
const untilSubmitted = (handle: RestoreHandle, timeoutMs = 60_000): Promise<void> =>
  waitForStatus(handle, (s) => !!s.restoreJobId, timeoutMs);

/** The pair's input as a caller who says nothing of verification sends it (addPair's says `verify: false`). */
const verifiedByDefault = (input: RestoreInput): RestoreInput => {
  const { verify: _off, ...rest } = input;
  return rest;
};

/** The simulator saw the verify step: a temporary database user created (and deleted) in the target's project. */
function expectVerified(h: Stack, projectId: string, path: string): void {
  const ops = h.sim.calls.filter((c) => c.groupId === projectId).map((c) => c.operation);
  if (!ops.includes('createDatabaseUser') || !ops.includes('deleteDatabaseUser'))
    throw new Error(`${path}: the simulator saw no temporary user created and deleted (${ops.join(', ')})`);
}

/** A restore whose creates Atlas answers 429 (`times` of them; absent: every one). */
async function rateLimitedCreates(h: Stack, o: { times?: number; retryAfterS: number }, input: RestoreInput) {
  h.sim.faults.add({
    operation: 'createTenantRestore',
    groupId: input.projectId,
    ...(o.times !== undefined ? { times: o.times } : {}),
    action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: o.retryAfterS },
  });
  try {
    return await restore(h, { ...input, ...fast });
  } finally {
    h.sim.faults.clear();
  }
}

/**
 * The policy the policy paths are recorded under, with real ssh-keygen keys: alice requests, bob (a DBA) approves,
 * carol is a listed signer but no DBA. Only dst-* (open) and gated-* (approval by a DBA) targets are allowed.
 */
let policyDir: string | undefined;
function recordingPolicy(): { file: string; key: (who: string) => string } {
  policyDir ??= mkdtempSync(join(tmpdir(), 'recorded-policy-'));
  const dir = policyDir;
  const key = (who: string) => join(dir, who);
  const file = join(dir, 'policy.yaml');
  if (!existsSync(file)) {
    for (const who of ['alice', 'bob', 'carol'])
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who, '-f', key(who)]);
    writeFileSync(
      join(dir, 'allowed_signers'),
      ['alice', 'bob', 'carol'].map((w) => `${w} ${readFileSync(`${key(w)}.pub`, 'utf8')}`).join(''),
    );
    writeFileSync(
      file,
      [
        'version: 1',
        'allowedSigners: allowed_signers',
        'groups:',
        '  dbas: [bob]',
        'rules:',
        '  - name: gated',
        '    target: "*/gated-*"',
        '    approval:',
        '      approvers: 1',
        '      from: [group:dbas]',
        '  - name: recorded',
        '    target: "*/dst-*"',
        '',
      ].join('\n'),
    );
  }
  return { file, key };
}

export const HISTORY_PATHS: HistoryPath[] = [
  {
    name: 'completed-tenant',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    run: async (h) =>
      restore(h, { ...addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 }).input, ...fast }),
  },
  {
    name: 'completed-flex',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // The current era: a tenant cluster answers as Flex (the 2026-01-22 migration), so the flex API is used.
    run: async (h) => {
      h.sim.world.era = 'current';
      try {
        const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 });
        const r = await restore(h, { ...pair.input, ...fast });
        const backends = jobsInto(h, pair.projectId, pair.target.name).map((j) => j.backend);
        if (backends.join() !== 'flex')
          throw new Error(`completed-flex: jobs ${backends.join() || 'none'}, expected one flex job`);
        return r;
      } finally {
        h.sim.world.era = 'legacy';
      }
    },
  },
  {
    name: 'preflight-failed',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'PREFLIGHT_FAILED',
    run: async (h) => restore(h, addPair(h.sim.world, { nowMs: await simNow(h), target: { paused: true } }).input),
  },
  {
    name: 'dry-run',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'DRY_RUN',
    run: async (h) => restore(h, { ...addPair(h.sim.world, { nowMs: await simNow(h) }).input, dryRun: true }),
  },
  {
    name: 'approval-approved',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    run: async (h) =>
      restore(
        h,
        {
          ...addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 }).input,
          ...fast,
          requireApproval: true,
        },
        (handle) => decide(() => handle.executeUpdate(approveUpdate, { args: [{ by: 'bob', comment: 'CHG-42' }] })),
      ),
  },
  {
    name: 'approval-rejected',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'REJECTED',
    run: async (h) =>
      restore(h, { ...addPair(h.sim.world, { nowMs: await simNow(h) }).input, requireApproval: true }, (handle) =>
        decide(() => handle.executeUpdate(rejectUpdate, { args: [{ by: 'carol', reason: 'wrong snapshot' }] })),
      ),
  },
  {
    name: 'approval-timed-out',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'REJECTED',
    run: async (h) =>
      restore(h, {
        ...addPair(h.sim.world, { nowMs: await simNow(h) }).input,
        requireApproval: true,
        approvalTimeout: '10m',
      }),
  },
  {
    name: 'submit-foreign-409-then-500-after-commit',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // Two answers of 409 for a restore someone else runs, then a create that commits and still answers 500.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 });
      h.sim.faults.add(
        {
          operation: 'createTenantRestore',
          groupId: pair.projectId,
          times: 2,
          action: { kind: 'status', status: 409, errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS' },
        },
        {
          operation: 'createTenantRestore',
          groupId: pair.projectId,
          times: 1,
          action: { kind: 'after-commit', status: 500 },
        },
      );
      try {
        const r = await restore(h, { ...pair.input, ...fast });
        const applied = h.sim.faults.list().map((f) => f.applied);
        if (applied.join() !== '2,1')
          throw new Error(`submit-foreign-409-then-500-after-commit: faults applied ${applied.join()}, expected 2,1`);
        const jobs = jobsInto(h, pair.projectId, pair.target.name).length;
        if (jobs !== 1) throw new Error(`submit-foreign-409-then-500-after-commit: ${jobs} jobs, expected exactly one`);
        return r;
      } finally {
        h.sim.faults.clear();
      }
    },
  },
  {
    name: 'submit-rate-limited',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // Two 429s on the create: waited out after Retry-After, no lookup, not counted (issue 20).
    run: async (h) =>
      rateLimitedCreates(
        h,
        { times: 2, retryAfterS: 2 },
        addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 }).input,
      ),
  },
  {
    name: 'rate-limited-until-deadline',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'FAILED',
    // Atlas answers every create 429 until the deadline: nothing was changed (issue 20).
    run: async (h) =>
      rateLimitedCreates(
        h,
        { retryAfterS: 5 },
        { ...addPair(h.sim.world, { nowMs: await simNow(h) }).input, deadline: '5m' },
      ),
  },
  {
    name: 'same-request-again',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // The second of two identical restores: the first one's job is in its baseline and is not adopted (issue 20).
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 5_000 });
      await restore(h, { ...pair.input, ...fast });
      const again = await restore(h, { ...pair.input, ...fast });
      if (jobsInto(h, pair.projectId, pair.target.name).length !== 2)
        throw new Error('same-request-again: expected a second job of our own');
      return again;
    },
  },
  {
    name: 'policy-refused',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'PREFLIGHT_FAILED',
    // Only dst-* targets are allowed: another target is refused by the policy check, nothing was changed (issue 21).
    policy: () => recordingPolicy().file,
    run: async (h) =>
      restore(h, addPair(h.sim.world, { nowMs: await simNow(h), target: { name: `forbidden-${Date.now()}` } }).input),
  },
  {
    name: 'approval-signed',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // A gated target: alice's signed start, a refused approval by a principal the rule does not list (carol), then
    // bob's signed approval of the run he reviewed (issue 21).
    policy: () => recordingPolicy().file,
    run: async (h) => {
      const { key } = recordingPolicy();
      const pair = addPair(h.sim.world, {
        nowMs: await simNow(h),
        restoreMs: 10_000,
        target: { name: `gated-${Date.now()}` },
      });
      const input: RestoreInput = { ...pair.input, ...fast, requester: 'alice' };
      const resolved = resolveRequest(inputSchemas().RestoreInputSchema.parse(input));
      const startSignature = await signFor(key('alice'), {
        action: 'start',
        workflowId: restoreWorkflowId(resolved),
        requestDigest: requestDigest(resolved),
      });
      const { handle, runId } = await startRestore(h.env.client, input, {
        taskQueue: h.taskQueue,
        memo: { startSignature },
      });
      await waitForStatus(handle, (s) => s.awaitingApproval);
      const digest = (await handle.query(statusQuery)).requestDigest ?? '';
      const decision = async (who: string) => ({
        by: who,
        runId,
        requestDigest: digest,
        signed: await signFor(key(who), {
          action: 'approve',
          workflowId: handle.workflowId,
          runId,
          requestDigest: digest,
        }),
      });
      const refused = await handle.executeUpdate(approveUpdate, { args: [await decision('carol')] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(refused instanceof WorkflowUpdateFailedError)) throw new Error('approval-signed: carol was not refused');
      await handle.executeUpdate(approveUpdate, { args: [await decision('bob')] });
      const r = await restoreResultOf(handle);
      return { workflowId: handle.workflowId, firstRunId: runId, outcome: r.outcome };
    },
  },
  {
    name: 'failed-job-rollback',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPENSATED',
    // Atlas fails the restore job; the target is restored from its own pre-restore snapshot.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
      h.sim.world.planner = (j) => ({
        durationMs: 10_000,
        endsAs: j.snapshotId === pair.snapshotId ? 'FAILED' : 'COMPLETED',
      });
      try {
        return await restore(h, { ...pair.input, ...fast, rollbackOnFailure: true });
      } finally {
        h.sim.world.planner = undefined;
      }
    },
  },
  {
    name: 'verified',
    workflowType: 'restoreWorkflow',
    expect: 'COMPLETED',
    data: true,
    // No `verify` field: verified by default (issue 25); the target holds the snapshot's data and passes.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 });
      const r = await restore(h, { ...verifiedByDefault(pair.input), ...fast });
      expectVerified(h, pair.projectId, 'verified');
      return r;
    },
  },
  {
    name: 'verify-failed',
    workflowType: 'restoreWorkflow',
    expect: 'VERIFY_FAILED',
    data: true,
    // Atlas completes the job, but the target holds no user collection (terraform-provider-mongodbatlas #642).
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 });
      h.sim.world.snapshots.get(pair.snapshotId)!.dataset = { databases: [] };
      const r = await restore(h, { ...verifiedByDefault(pair.input), ...fast, rollbackOnFailure: true });
      expectVerified(h, pair.projectId, 'verify-failed');
      if (jobsInto(h, pair.projectId, pair.target.name).length !== 1)
        throw new Error('verify-failed: a rollback job was started (rollbackOnFailure does not apply)');
      return r;
    },
  },
  {
    name: 'verify-skipped',
    workflowType: 'restoreWorkflow',
    expect: 'COMPLETED',
    data: true,
    // `verify: false`: no verify step, no temporary user.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10_000 });
      const r = await restore(h, { ...pair.input, ...fast, verify: false });
      if (h.sim.calls.some((c) => c.groupId === pair.projectId && c.operation === 'createDatabaseUser'))
        throw new Error('verify-skipped: a temporary user was created');
      return r;
    },
  },
  {
    name: 'verify-after-rollback',
    workflowType: 'restoreWorkflow',
    expect: 'COMPENSATED',
    data: true,
    // Atlas fails the restore job; the rollback restores the target's own snapshot, and that target is verified.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
      h.sim.world.planner = (j) => ({
        durationMs: 10_000,
        endsAs: j.snapshotId === pair.snapshotId ? 'FAILED' : 'COMPLETED',
      });
      try {
        const r = await restore(h, { ...verifiedByDefault(pair.input), ...fast, rollbackOnFailure: true });
        expectVerified(h, pair.projectId, 'verify-after-rollback');
        return r;
      } finally {
        h.sim.world.planner = undefined;
      }
    },
  },
  {
    name: 'cancel-after-submit',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'CANCELLED',
    run: async (h) =>
      restore(
        h,
        { ...addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 3_600_000 }).input, ...fast },
        async (handle) => {
          await untilSubmitted(handle);
          await handle.cancel();
        },
      ),
  },
  {
    name: 'deadline',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'DEADLINE_EXCEEDED',
    // Polls every 30 s: the 5-minute deadline passes within one run.
    run: async (h) =>
      restore(h, {
        ...addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 10 * 3_600_000 }).input,
        deadline: '5m',
        polling: { initialS: 30, maxS: 60, learn: false },
      }),
  },
  {
    name: 'continued-as-new',
    workflowType: RESTORE_WORKFLOW_TYPE,
    expect: 'COMPLETED',
    // One poll a second for a job that runs until the restore has continued as new (whatever decides when), then
    // ends: two runs, the first ending in continue-as-new. The server's clock is skipped, so this takes seconds.
    run: async (h) => {
      const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 30 * 86_400_000 });
      const { handle, runId } = await startRestore(
        h.env.client,
        { ...pair.input, polling: { initialS: 1, maxS: 1, learn: false } },
        { taskQueue: h.taskQueue },
      );
      for (let i = 0; (await handle.describe()).runId === runId; i++) {
        if (i > 200)
          throw new Error('continued-as-new: the restore did not continue as new within 200 minutes of polling');
        await h.env.sleep(60_000);
      }
      const [job] = jobsInto(h, pair.projectId, pair.target.name);
      job.durationMs = (await simNow(h)) - job.createdAtMs + 5_000;
      return { workflowId: handle.workflowId, firstRunId: runId, outcome: (await restoreResultOf(handle)).outcome };
    },
  },
  {
    name: 'batch-with-children',
    workflowType: BATCH_WORKFLOW_TYPE,
    expect: { COMPLETED: 1, PREFLIGHT_FAILED: 1 },
    run: async (h) => {
      const now = await simNow(h);
      const ok = addPair(h.sim.world, { nowMs: now, restoreMs: 5_000 });
      const bad = addPair(h.sim.world, { nowMs: now, target: { paused: true } });
      const workflowId = 'atlas-restore-batch-recorded-drill';
      const handle = await h.env.client.workflow.start(batchRestoreWorkflow, {
        taskQueue: h.taskQueue,
        workflowId,
        args: [
          {
            name: 'recorded drill',
            concurrency: 2,
            restores: [
              { ...ok.input, ...fast },
              { ...bad.input, ...fast },
            ],
          },
        ],
      });
      const r = await handle.result();
      return { workflowId, firstRunId: handle.firstExecutionRunId, outcome: r.byOutcome as Record<string, number> };
    },
  },
];
