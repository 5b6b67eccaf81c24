// The submit loop's branches with stub activities (time-skipping server, seconds): which failure waits how long,
// when the ambiguous create is adopted, and when the restore may say "nothing was changed".
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { FAILURE } from '../../common/failure-types';
import type { SubmitRequest, SubmitResult } from '../../common/jobs';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import { restoreWorkflow } from '../../workflows';
import { statusQuery } from '../../workflows/definitions';
import {
  atlasFailure,
  authFailure,
  baseInput,
  passingReport,
  stubAtlas,
  timeSkipping,
  withWorker,
  runRestore,
} from './stubs';
import { restoreWorkflowId } from '../../common/input';
import { pollUntil } from '../helpers/poll';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkipping();
});
afterAll(() => env?.teardown());

const run = (taskQueue: string, input: RestoreInput): Promise<RestoreResult> => runRestore(env, taskQueue, input);
const count = (calls: { name: string }[], name: string) => calls.filter((c) => c.name === name).length;
const retryDelays = (r: RestoreResult) =>
  r.audit.filter((e) => e.type === 'retry' && e.data?.delayS !== undefined).map((e) => Number(e.data?.delayS));
const job = (r: SubmitRequest): SubmitResult => ({
  jobId: `job-of-${r.snapshotId.slice(0, 4)}`,
  status: 'QUEUED',
  via: 'adopted-existing',
});
const rateLimited = (retryAfterS: number) =>
  ApplicationFailure.create({
    type: FAILURE.rateLimited,
    message: 'Atlas answered HTTP 429 RATE_LIMITED',
    details: [{ status: 429, errorCode: 'RATE_LIMITED', operation: 'stub', benign: true, retryAfterS }],
    category: ApplicationFailureCategory.BENIGN,
  });
const conflict = () => atlasFailure(FAILURE.conflict, 409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS');

test('an ambiguous create (5xx) is followed by a lookup that adopts the job it made: one create, seconds later', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.transient, 500, 'UNEXPECTED_ERROR');
    },
    find: (r) => job(r),
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(count(a.calls, 'submitRestore')).toBe(1);
  // The baseline before the create, and one lookup after it: none before the first create.
  expect(
    a.calls.map((c) => c.name).filter((n) => n !== 'preflight' && !n.startsWith('read:') && n !== 'notify'),
  ).toEqual(['listMatchingJobs', 'submitRestore', 'findSubmittedJob']);
  expect(r.audit.find((e) => e.type === 'adopted')?.data?.via).toBe('adopted-existing');
  expect(retryDelays(r)).toEqual([1]);
});

test('a 429 waits its Retry-After (jittered deterministically, up to +50 %), not the long backoff', async () => {
  const a = stubAtlas({
    submit: (_r, n) => {
      if (n <= 2) throw rateLimited(30);
      return { jobId: 'j', status: 'QUEUED', via: 'created' };
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  const waits = r.audit.filter((e) => e.type === 'rate-limited');
  // The first 429 and the end of the streak are audited; every wait is at least Retry-After, at most +50 %.
  expect(waits[0].data).toMatchObject({ operation: 'create', attempts: 1, retryAfterS: 30 });
  expect(Number(waits[0].data?.delayS)).toBeGreaterThanOrEqual(30);
  expect(Number(waits[0].data?.delayS)).toBeLessThanOrEqual(45);
  expect(waits.at(-1)?.message).toMatch(/answers the create again after 2 429/);
  const s = (Date.parse(waits.at(-1)!.at) - Date.parse(waits[0].at)) / 1000;
  expect(s).toBeGreaterThanOrEqual(60);
  expect(s).toBeLessThanOrEqual(90);
  // A 429 is not a failed attempt: no lookups, no long backoff.
  expect(r.audit.filter((e) => e.type === 'submit-attempt' && e.data?.errorCode === 'RATE_LIMITED')).toHaveLength(0);
  expect(count(a.calls, 'findSubmittedJob')).toBe(0);
  expect(retryDelays(r)).toEqual([]);
});

test('429s never count toward the bound on creates and need no lookup: 20 in a row, then created', async () => {
  const a = stubAtlas({
    submit: (_r, n) => {
      if (n <= 20) throw rateLimited(2);
      return { jobId: 'j', status: 'QUEUED', via: 'created' };
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(count(a.calls, 'submitRestore')).toBe(21);
  expect(count(a.calls, 'findSubmittedJob')).toBe(0);
  expect(count(a.calls, 'listMatchingJobs')).toBe(1);
});

test('Atlas answers 429 until the deadline: FAILED, nothing was changed, no compensation', async () => {
  const a = stubAtlas({
    submit: () => {
      throw rateLimited(5);
    },
  });
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, baseInput({ deadline: '10m', rollbackOnFailure: true })),
  );
  expect(r.outcome).toBe('FAILED');
  expect(r.targetChanged).toBe('no');
  expect(r.reason).toMatch(/Atlas kept answering 429 until the deadline/);
  // The trail counts every 429 of the streak the deadline ended (its entries are only the first and every 20th).
  const ended = r.audit.filter((e) => e.type === 'rate-limited' && e.data?.ended === true);
  expect(ended.map((e) => e.data?.attempts)).toEqual([count(a.calls, 'submitRestore')]);
  expect(r.restoreJobId).toBeUndefined();
  expect(r.compensations).toEqual([]);
  expect(count(a.calls, 'submitRestore')).toBeGreaterThan(8);
  expect(count(a.calls, 'findSubmittedJob')).toBe(0);
});

test('an ambiguous create whose lookups Atlas answers 429 until the deadline: never "nothing was changed"', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.transient, 0, 'TIMEOUT');
    },
    find: () => {
      throw rateLimited(5);
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ deadline: '10m' })));
  expect(r.outcome).toBe('DEADLINE_EXCEEDED');
  expect(r.targetChanged).toBe('unconfirmed');
  expect(r.reason).toMatch(/could not be confirmed/);
  expect(r.reason).not.toMatch(/nothing was changed/);
  expect(count(a.calls, 'submitRestore')).toBe(1);
});

test('cancelled while an ambiguous create is unsettled and its lookups fail: CANCELLED, never "nothing was changed"', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.transient, 0, 'TIMEOUT');
    },
    find: () => {
      throw atlasFailure(FAILURE.transient, 503, 'SERVICE_UNAVAILABLE');
    },
  });
  const r = await withWorker(env, a.activities, async (taskQueue) => {
    const input = baseInput();
    const handle = await env.client.workflow.start(restoreWorkflow, {
      taskQueue,
      workflowId: restoreWorkflowId(input),
      args: [input],
    });
    await pollUntil(
      async () => count(a.calls, 'findSubmittedJob'),
      (n) => n > 0,
      { what: 'the lookup after the ambiguous create' },
    );
    await handle.cancel();
    return restoreResultOf(handle);
  });
  expect(r.outcome).toBe('CANCELLED');
  expect(r.targetChanged).toBe('unconfirmed');
  expect(r.reason).toMatch(/could not be confirmed/);
  expect(r.reason).not.toMatch(/nothing was changed/);
  expect(count(a.calls, 'submitRestore')).toBe(1);
});

test('preflight reads answered 429 past the activity retries wait until Atlas answers', async () => {
  const a = stubAtlas({
    preflight: (n) => {
      // More 429s than the activity's own retries take in its 10 minutes.
      if (n <= 20) throw rateLimited(1);
      return passingReport();
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(count(a.calls, 'preflight')).toBe(21);
  expect(r.audit.find((e) => e.type === 'rate-limited')?.data).toMatchObject({ operation: 'preflight' });
});

test('status shows the rate-limited wait', async () => {
  let seen = 0;
  const a = stubAtlas({
    submit: (_r, n) => {
      seen = n;
      if (n <= 4) throw rateLimited(1);
      return { jobId: 'j', status: 'QUEUED', via: 'created' };
    },
  });
  await withWorker(env, a.activities, async (tq) => {
    const input = baseInput();
    const handle = await env.client.workflow.start(restoreWorkflow, {
      taskQueue: tq,
      workflowId: restoreWorkflowId(input),
      args: [input],
    });
    // Real time (nothing awaits the result, so the server does not skip): a query during the second wait.
    for (let i = 0; seen < 2; i++) {
      if (i > 600) throw new Error('the create was not called twice within 30 s');
      await new Promise((res) => setTimeout(res, 50));
    }
    const s = await handle.query(statusQuery);
    expect(s.phase).toBe('SUBMITTING');
    expect(s.rateLimited).toMatchObject({ operation: 'create' });
    expect(s.rateLimited?.attempts).toBeGreaterThanOrEqual(1);
    expect(Date.parse(s.rateLimited!.retryAt)).toBeGreaterThan(Date.parse(s.rateLimited!.since));
    expect((await restoreResultOf(handle)).outcome).toBe('COMPLETED');
  });
});

test('requireApproval without a requester is refused (InvalidInput), also when started around the CLI', async () => {
  const a = stubAtlas({});
  const { requester: _r, ...input } = baseInput({ requireApproval: true });
  const r = await withWorker(env, a.activities, (tq) => run(tq, input).catch((e: unknown) => e));
  expect(r).toBeInstanceOf(WorkflowFailedError);
  const cause = (r as WorkflowFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('InvalidInput');
  expect(cause.message).toMatch(/requester: is required with requireApproval/);
  expect(count(a.calls, 'preflight')).toBe(0);
});

test('a foreign 409 that never clears: 8 creates on the long backoff, then FAILED, nothing was changed', async () => {
  const a = stubAtlas({
    submit: () => {
      throw conflict();
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('FAILED');
  expect(r.targetChanged).toBe('no');
  expect(r.reason).toMatch(/another restore into the target is in progress/);
  expect(count(a.calls, 'submitRestore')).toBe(8);
  expect(retryDelays(r)).toEqual([10, 20, 40, 80, 160, 180, 180]);
  expect(r.compensations).toEqual([]);
});

test('a definite refusal of the create (400): not retried, FAILED, nothing was changed', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.rejected, 400, 'TENANT_RESTORE_VERSION_MISMATCH', { nonRetryable: true });
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/TENANT_RESTORE_VERSION_MISMATCH/);
  expect(r.targetChanged).toBe('no');
  expect(count(a.calls, 'submitRestore')).toBe(1);
});

test('the duplicate check refused (401) before any create: FAILED with the hint, nothing was changed, no create', async () => {
  const a = stubAtlas({
    list: () => {
      throw authFailure();
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('FAILED');
  expect(r.targetChanged).toBe('no');
  expect(r.reason).toMatch(/MONGODB_ATLAS_CLIENT_ID/);
  expect(count(a.calls, 'submitRestore')).toBe(0);
});

test('an ambiguous create whose lookups keep failing: never reported as "nothing was changed"', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.transient, 0, 'TIMEOUT');
    },
    find: () => {
      throw atlasFailure(FAILURE.transient, 503, 'SERVICE_UNAVAILABLE');
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).not.toBe('COMPLETED');
  expect(r.targetChanged).toBe('unconfirmed');
  expect(r.reason).not.toMatch(/nothing was changed/);
  expect(r.reason).toMatch(/could not be confirmed/);
  expect(count(a.calls, 'submitRestore')).toBe(1);
});
