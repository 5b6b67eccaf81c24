// Workflow branching with stub activities on the time-skipping server (real Temporal, seconds per test): phase →
// outcome, which undo runs, continue-as-new carry, deadline, and the honest-outcome rules of issue 11.
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { FAILURE } from '../../common/failure-types';
import { inputSchemas, type RestoreInput } from '../../common/input';
import { SA } from '../../common/constants';
import { requestDigest, resolveRequest } from '../../common/request';
import type { RestoreResult } from '../../common/result';
import { restoreWorkflow } from '../../workflows';
import { approveUpdate, statusQuery } from '../../workflows/definitions';
import { POLLS_PER_RUN } from '../../workflows/restore';
import {
  atlasFailure,
  authFailure,
  baseInput,
  passingReport,
  RECOVERY,
  stubAtlas,
  timeSkipping,
  withWorker,
} from './stubs';
import type { Script } from './stubs';
import { restoreWorkflowId } from '../../common/input';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkipping();
});
afterAll(() => env?.teardown());

const startFlow = (taskQueue: string, input: RestoreInput) =>
  env.client.workflow.start(restoreWorkflow, {
    taskQueue,
    workflowId: restoreWorkflowId(input as Parameters<typeof restoreWorkflowId>[0]),
    args: [input],
  });
const run = async (taskQueue: string, input: RestoreInput): Promise<RestoreResult> =>
  restoreResultOf(await startFlow(taskQueue, input));
/** Starts a restore and returns once it is polling its job (the status query says so). */
const startUntilPolling = async (taskQueue: string, input: RestoreInput) => {
  const handle = await startFlow(taskQueue, input);
  for (let i = 0; i < 100 && (await handle.query(statusQuery).catch(() => undefined))?.phase !== 'POLLING'; i++)
    await new Promise((res) => setTimeout(res, 100));
  return handle;
};
const types = (r: RestoreResult) => r.audit.map((e) => e.type);
const submits = (calls: { name: string }[]) => calls.filter((c) => c.name === 'submitRestore').length;

test('phase → outcome: a job that completes → COMPLETED, one submit, terminal event notified', async () => {
  const a = stubAtlas({ read: (_r, n) => (n < 3 ? { status: 'RUNNING', restoreFinishedDate: undefined } : {}) });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(r.polls).toBe(3);
  expect(submits(a.calls)).toBe(1);
  expect(a.events.map((e) => e.type)).toEqual(['restore.completed']);
  expect(a.events[0].id).toBe(`${r.workflowId}/${r.runId}/restore.completed`);
});

// 11.2: a credential failure after submit must not end (or compensate) a restore Atlas is still running.
test('11.2 reads failing with 401 after submit: keeps waiting, one audit entry and one notification per streak, then COMPLETED', async () => {
  const a = stubAtlas({
    read: (_r, n) => {
      if (n >= 2 && n <= 6) throw authFailure();
      if (n >= 8 && n <= 9) throw atlasFailure(FAILURE.transient, 503, 'SERVICE_UNAVAILABLE');
      return n < 11 ? { status: 'RUNNING', restoreFinishedDate: undefined } : {};
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('COMPLETED');
  expect(r.compensations).toEqual([]);
  expect(submits(a.calls)).toBe(1);
  expect(types(r).filter((t) => t === 'atlas-trouble')).toHaveLength(2);
  expect(types(r).filter((t) => t === 'atlas-recovered')).toHaveLength(2);
  const trouble = r.audit.find((e) => e.type === 'atlas-trouble')!;
  expect(trouble.message).toMatch(/MONGODB_ATLAS_CLIENT_ID/);
  const unreachable = a.events.filter((e) => e.type === 'restore.atlas_unreachable');
  expect(unreachable.map((e) => e.id)).toEqual([
    `${r.workflowId}/${r.runId}/restore.atlas_unreachable/1`,
    `${r.workflowId}/${r.runId}/restore.atlas_unreachable/2`,
  ]);
});

test('11.2 reads failing until the deadline: DEADLINE_EXCEEDED naming the job and its last known status; nothing undone', async () => {
  const a = stubAtlas({
    read: (_r, n) => {
      if (n >= 2) throw authFailure();
      return { status: 'RUNNING', restoreFinishedDate: undefined };
    },
  });
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, baseInput({ deadline: '2h', rollbackOnFailure: true })),
  );
  expect(r.outcome).toBe('DEADLINE_EXCEEDED');
  expect(r.reason).toMatch(/job-1 was RUNNING/);
  expect(r.reason).toMatch(/keeps running/);
  expect(r.compensations).toEqual([]);
  expect(submits(a.calls)).toBe(1);
  // Backoff up to maxS (30 s) for 2 h: hundreds of reads, not thousands, and one trouble entry.
  expect(a.count('read:job-1')).toBeLessThan((2 * 3600) / 30 + 20);
  expect(types(r).filter((t) => t === 'atlas-trouble')).toHaveLength(1);
  expect(a.events.filter((e) => e.type === 'restore.atlas_unreachable')).toHaveLength(1);
});

// 11.4: only COMPLETED and FAILED end the wait; an unknown status is "not finished".
test('11.4 a status outside the enum (CLOSED): keeps polling, audited once with the raw value, then COMPLETED', async () => {
  const a = stubAtlas({
    read: (_r, n) =>
      n === 1
        ? { status: 'RUNNING', restoreFinishedDate: undefined }
        : n < 5
          ? { status: 'CLOSED', restoreFinishedDate: undefined }
          : {},
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(r.polls).toBe(5);
  const unknown = r.audit.filter((e) => e.type === 'unknown-job-status');
  expect(unknown).toHaveLength(1);
  expect(unknown[0].data?.status).toBe('CLOSED');
  expect(r.compensations).toEqual([]);
});

test('11.4 COMPLETED without restoreFinishedDate: ends after one confirming read, saying so', async () => {
  const a = stubAtlas({
    read: (_r, n) => ({ status: n === 1 ? 'RUNNING' : 'COMPLETED', restoreFinishedDate: undefined }),
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ deadline: '6h' })));
  expect(r.outcome).toBe('COMPLETED');
  expect(a.count('read:job-1')).toBe(3);
  expect(r.reason).toMatch(/without restoreFinishedDate.*our observation/);
  expect(Date.parse(r.finishedAt) - Date.parse(r.startedAt)).toBeLessThan(120_000);
});

// 11.5: carried state only from continue-as-new (also the shape older builds carried: jobId, jobStatus at the top).
test('11.5 a forged second argument: InvalidInput before any activity', async () => {
  const now = new Date().toISOString();
  const forged = {
    startedAt: now,
    deadlineAt: now,
    main: {
      job: { backend: 'tenant', projectId: 'a'.repeat(24), clusterName: 'x', jobId: 'j' },
      submittedAt: now,
      polls: 0,
      status: 'FAILED',
      streaks: 0,
      unknownSeen: [],
    },
    recoveryPoint: { snapshotId: 'd'.repeat(24), backend: 'tenant' },
    checks: [],
    undo: [{ kind: 'rollback', recoveryPoint: { snapshotId: 'd'.repeat(24), backend: 'tenant' } }],
    compensations: [],
    audit: [],
    runs: 1,
  };
  const older = { jobId: 'f'.repeat(24), jobStatus: 'FAILED', recoveryPoint: forged.recoveryPoint, polls: 1, runs: 2 };
  for (const carried of [forged, older]) {
    const a = stubAtlas({});
    const err = await withWorker(env, a.activities, async (taskQueue) => {
      const input = baseInput({ rollbackOnFailure: true });
      const handle = await env.client.workflow.start(restoreWorkflow, {
        taskQueue,
        workflowId: restoreWorkflowId(input),
        args: [input, carried as never],
      });
      return handle.result().then(
        () => undefined,
        (e: unknown) => e,
      );
    });
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('InvalidInput');
    expect((cause as ApplicationFailure).message).toMatch(/carried state/);
    expect(a.calls).toEqual([]);
  }
});

// 11.7: checks go stale during approval.
test('11.7 approved, but the re-check fails: PREFLIGHT_FAILED, both reports in the audit trail, nothing submitted', async () => {
  const a = stubAtlas({
    preflight: (n) =>
      n === 1
        ? passingReport()
        : {
            ...passingReport(),
            checks: [{ name: 'target-idle', status: 'fail', evidence: 'target stateName=UPDATING' }],
          },
  });
  const r = await withWorker(env, a.activities, async (taskQueue) => {
    const input = baseInput({ requireApproval: true });
    const handle = await env.client.workflow.start(restoreWorkflow, {
      taskQueue,
      workflowId: restoreWorkflowId(input as Parameters<typeof restoreWorkflowId>[0]),
      args: [input],
    });
    for (let i = 0; i < 100 && !(await handle.query(statusQuery).catch(() => undefined))?.awaitingApproval; i++)
      await new Promise((res) => setTimeout(res, 100));
    const s = await handle.query(statusQuery);
    expect(s.plan).toMatch(/restore snapshot/);
    expect(s.checks?.[0].status).toBe('pass');
    expect(Date.parse(s.approvalTimeoutAt!)).toBeGreaterThan(Date.parse(s.startedAt));
    await handle.executeUpdate(approveUpdate, { args: [{ by: 'bob' }] });
    return restoreResultOf(handle);
  });
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.reason).toMatch(/after approval/);
  const reports = r.audit.filter((e) => e.type === 'preflight');
  expect(reports.map((e) => e.data?.round)).toEqual([1, 2]);
  expect(r.audit.filter((e) => e.type === 'check').map((e) => e.data?.status)).toEqual(['pass', 'fail']);
  expect(submits(a.calls)).toBe(0);
  expect(a.events.map((e) => e.type)).toEqual(['restore.approval_requested', 'restore.preflight_failed']);
});

// 11.8: a notification that cannot be delivered never changes the outcome.
test('11.8 the webhook is down: a FAILED job is still COMPENSATED; the failed delivery is audited', async () => {
  const a = stubAtlas({
    read: () => ({ status: 'FAILED', restoreFinishedDate: undefined }),
    notify: () => {
      throw new Error('webhook answered HTTP 503');
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.audit.filter((e) => e.type === 'notify-failed')).toHaveLength(1);
  expect(a.count('notify')).toBe(3);
});

// 13.7: the saga is an undo stack; it runs only when the job FAILED.
test('saga: a FAILED job with rollbackOnFailure → the rollback (pushed at submit) runs through the same wait → COMPENSATED', async () => {
  const a = stubAtlas({
    read: (ref, n) =>
      ref.jobId === 'job-1'
        ? { status: 'FAILED', restoreFinishedDate: undefined }
        : n < 3
          ? { status: 'RUNNING', restoreFinishedDate: undefined }
          : {},
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations).toEqual([expect.objectContaining({ step: 'rollback-restore', status: 'done' })]);
  expect(
    a.calls.filter((c) => c.name === 'submitRestore').map((c) => (c.arg as { snapshotId: string }).snapshotId),
  ).toEqual([baseInput().snapshotId, RECOVERY]);
  expect(r.audit.filter((e) => e.type === 'poll' && e.data?.purpose === 'rollback')).toHaveLength(3);
  expect(types(r)).toContain('undo-registered');
});

test('saga: the rollback job FAILED too → FAILED', async () => {
  const a = stubAtlas({ read: () => ({ status: 'FAILED', restoreFinishedDate: undefined }) });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('FAILED');
  expect(r.compensations[0].status).toBe('failed');
});

test('saga: no rollback asked → COMPENSATED with nothing to undo', async () => {
  const a = stubAtlas({ read: () => ({ status: 'FAILED', restoreFinishedDate: undefined }) });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations).toEqual([]);
  expect(r.reason).toMatch(/nothing to undo/);
  expect(submits(a.calls)).toBe(1);
});

// 11.9 and "never compensate a job Atlas is still running".
test('11.9 cancelled while the job runs: closes as Canceled, result readable, no rollback over the running job', async () => {
  const a = stubAtlas({ read: () => ({ status: 'RUNNING', restoreFinishedDate: undefined }) });
  const { r, status } = await withWorker(env, a.activities, async (taskQueue) => {
    const input = baseInput({ rollbackOnFailure: true });
    const handle = await startUntilPolling(taskQueue, input);
    await handle.cancel();
    const r = await restoreResultOf(handle);
    return { r, status: (await handle.describe()).status.name };
  });
  expect(status).toBe('CANCELLED');
  expect(r.outcome).toBe('CANCELLED');
  expect(r.reason).toMatch(/job-1 was RUNNING at .* keeps running/);
  expect(r.compensations).toEqual([]);
  expect(submits(a.calls)).toBe(1);
  expect(a.events.map((e) => e.type)).toEqual(['restore.cancelled']);
});

test('continue-as-new carries the job, the polls and the trail: one submit across runs', async () => {
  const reads = 2 * POLLS_PER_RUN + 30;
  const a = stubAtlas({ read: (_r, n) => (n < reads ? { status: 'RUNNING', restoreFinishedDate: undefined } : {}) });
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, baseInput({ deadline: '720h', polling: { initialS: 1, maxS: 2, learn: false } })),
  );
  expect(r.outcome).toBe('COMPLETED');
  expect(r.polls).toBe(reads);
  expect(submits(a.calls)).toBe(1);
  expect(a.count('preflight')).toBe(1);
  expect(types(r).filter((t) => t === 'continued')).toHaveLength(2);
});

test('a long rollback continues as new mid-saga: the undo stack and the rollback job are carried; COMPENSATED', async () => {
  const a = stubAtlas({
    read: (ref, n) =>
      ref.jobId === 'job-1'
        ? { status: 'FAILED', restoreFinishedDate: undefined }
        : n < POLLS_PER_RUN + 20
          ? { status: 'RUNNING', restoreFinishedDate: undefined }
          : {},
  });
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, baseInput({ rollbackOnFailure: true, polling: { initialS: 1, maxS: 2, learn: false } })),
  );
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations).toEqual([expect.objectContaining({ step: 'rollback-restore', status: 'done' })]);
  expect(submits(a.calls)).toBe(2);
  expect(types(r)).toContain('continued');
});

test('the workflow publishes RestoreRequestDigest itself (a child started without our start options has it)', async () => {
  const a = stubAtlas({});
  const input = baseInput();
  const sa = await withWorker(env, a.activities, async (taskQueue) => {
    const handle = await env.client.workflow.start(restoreWorkflow, {
      taskQueue,
      workflowId: restoreWorkflowId(input as Parameters<typeof restoreWorkflowId>[0]),
      args: [input],
    });
    await restoreResultOf(handle);
    return (await handle.describe()).typedSearchAttributes.get(SA.requestDigest);
  });
  expect(sa).toBe(requestDigest(resolveRequest(inputSchemas().RestoreInputSchema.parse(input))));
});

test('status while polling shows the learned expected finish (submit time + expected duration)', async () => {
  const a = stubAtlas({ historyS: [600, 600], read: () => ({ status: 'RUNNING', restoreFinishedDate: undefined }) });
  const s = await withWorker(env, a.activities, async (taskQueue) => {
    const input = baseInput({ polling: { learn: true } });
    const handle = await startUntilPolling(taskQueue, input);
    const status = await handle.query(statusQuery);
    await handle.cancel();
    await restoreResultOf(handle);
    return status;
  });
  const submitted = Date.parse(s.startedAt);
  expect(Date.parse(s.expectedFinishAt!) - submitted).toBeGreaterThanOrEqual(599_000);
  expect(Date.parse(s.expectedFinishAt!) - submitted).toBeLessThan(700_000);
});

// Issue 14: every terminal outcome is told, with its own event type, once (the activity filters by configuration).
describe('each terminal outcome notifies its own event, once', () => {
  const failing = () => ({
    ...passingReport(),
    checks: [{ name: 'target-idle', status: 'fail' as const, evidence: 'target stateName=UPDATING' }],
  });
  const cases: [string, Script, Partial<RestoreInput>, string[]][] = [
    ['COMPLETED', {}, {}, ['restore.completed']],
    ['DRY_RUN', {}, { dryRun: true }, ['restore.dry_run']],
    ['PREFLIGHT_FAILED', { preflight: failing }, {}, ['restore.preflight_failed']],
    [
      'REJECTED',
      {},
      { requireApproval: true, approvalTimeout: '10m' },
      ['restore.approval_requested', 'restore.rejected'],
    ],
    [
      'DEADLINE_EXCEEDED',
      { read: () => ({ status: 'RUNNING', restoreFinishedDate: undefined }) },
      { deadline: '30m' },
      ['restore.deadline_exceeded'],
    ],
    [
      'COMPENSATED',
      { read: () => ({ status: 'FAILED', restoreFinishedDate: undefined }) },
      {},
      ['restore.compensated'],
    ],
    [
      'FAILED',
      {
        submit: () => {
          throw atlasFailure(FAILURE.rejected, 400, 'INVALID_ATTRIBUTE', { nonRetryable: true });
        },
      },
      {},
      ['restore.failed'],
    ],
  ];
  test.each(cases)('%s', async (outcome, script, input, events) => {
    const a = stubAtlas(script);
    const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput(input)));
    expect(r.outcome).toBe(outcome);
    expect(a.events.map((e) => e.type)).toEqual(events);
    const last = a.events[a.events.length - 1];
    expect([last.outcome, last.workflowId]).toEqual([outcome, r.workflowId]);
    expect(new Set(a.events.map((e) => e.id)).size).toBe(a.events.length);
  });
});
