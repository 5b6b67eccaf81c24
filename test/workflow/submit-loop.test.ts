// The submit loop's branches with stub activities (time-skipping server, seconds): which failure waits how long,
// when the ambiguous create is adopted, and when the restore may say "nothing was changed".
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { restoreResultOf } from '../../client/result';
import { FAILURE } from '../../common/failure-types';
import type { SubmitRequest, SubmitResult } from '../../common/jobs';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import { restoreWorkflow } from '../../workflows';
import { atlasFailure, authFailure, baseInput, stubAtlas, timeSkipping, withWorker } from './stubs';
import { restoreWorkflowId } from '../../common/input';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkipping();
});
afterAll(() => env?.teardown());

const run = async (taskQueue: string, input: RestoreInput): Promise<RestoreResult> =>
  restoreResultOf(
    await env.client.workflow.start(restoreWorkflow, {
      taskQueue,
      workflowId: restoreWorkflowId(input as Parameters<typeof restoreWorkflowId>[0]),
      args: [input],
    }),
  );
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
    find: (r, n) => (n >= 2 ? job(r) : null),
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('COMPLETED');
  expect(count(a.calls, 'submitRestore')).toBe(1);
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
  const delays = retryDelays(r);
  expect(delays).toHaveLength(2);
  for (const d of delays) {
    expect(d).toBeGreaterThanOrEqual(30);
    expect(d).toBeLessThanOrEqual(45);
  }
  expect(r.audit.filter((e) => e.type === 'submit-attempt' && e.data?.errorCode === 'RATE_LIMITED')).toHaveLength(2);
});

test('a foreign 409 that never clears: 8 creates on the long backoff, then FAILED, nothing was changed', async () => {
  const a = stubAtlas({
    submit: () => {
      throw conflict();
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/nothing was changed/);
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
  expect(r.reason).toMatch(/nothing was changed/);
  expect(count(a.calls, 'submitRestore')).toBe(1);
});

test('the duplicate check refused (401) before any create: FAILED with the hint, nothing was changed, no create', async () => {
  const a = stubAtlas({
    find: () => {
      throw authFailure();
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/nothing was changed/);
  expect(r.reason).toMatch(/MONGODB_ATLAS_CLIENT_ID/);
  expect(count(a.calls, 'submitRestore')).toBe(0);
});

test('an ambiguous create whose lookups keep failing: never reported as "nothing was changed"', async () => {
  const a = stubAtlas({
    submit: () => {
      throw atlasFailure(FAILURE.transient, 0, 'TIMEOUT');
    },
    find: (_r, n) => {
      if (n === 1) return null;
      throw atlasFailure(FAILURE.transient, 503, 'SERVICE_UNAVAILABLE');
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput()));
  expect(r.outcome).not.toBe('COMPLETED');
  expect(r.reason).not.toMatch(/nothing was changed/);
  expect(r.reason).toMatch(/could not be confirmed/);
  expect(count(a.calls, 'submitRestore')).toBe(1);
});
