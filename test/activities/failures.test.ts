// The one conversion: every activity passes through the wrapper (activities/index.ts), which turns each Atlas error
// into one ApplicationFailure: its type, nonRetryable, benign category and retry delay.
import { ApplicationFailureCategory } from '@temporalio/common';
import { AtlasApiError, AtlasResponseShapeError } from '../../atlas/errors';
import { activitiesOver, failingAtlas, failureOfActivity, runActivity } from './kit';

const P = '0123456789abcdef01234567';
const ref = { backend: 'tenant' as const, projectId: P, clusterName: 'c', jobId: 'j' };
const api = (status: number, code: string, retryAfterS?: number) =>
  new AtlasApiError(status, code, 'detail', 'getTenantRestore', retryAfterS);

test.each([
  ['5xx', 'AtlasTransient', false, false, api(503, 'SERVICE_UNAVAILABLE')],
  ['timeout', 'AtlasTransient', false, false, api(0, 'TIMEOUT')],
  ['429', 'AtlasRateLimited', false, true, api(429, 'RATE_LIMITED', 4)],
  ['foreign 409', 'AtlasConflict', false, true, api(409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS')],
  ['routing', 'AtlasRouting', true, false, api(400, 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API')],
  ['401', 'AtlasAuth', true, false, api(401, 'NOT_AUTHENTICATED')],
  ['403', 'AtlasAuth', true, false, api(403, 'USER_CANNOT_ACCESS_ORGANIZATION_OR_GROUP')],
  ['404', 'AtlasRejected', true, false, api(404, 'RESTORE_JOB_NOT_FOUND')],
  ['shape', 'AtlasResponseShape', true, false, new AtlasResponseShapeError('getTenantRestore', 'status', 'is missing')],
])('%s → %s (nonRetryable %s, benign %s)', async (_, type, nonRetryable, benign, err) => {
  const { f } = await failureOfActivity(activitiesOver(failingAtlas(err)).getRestoreJob, ref);
  expect(f.type).toBe(type);
  expect(f.nonRetryable).toBe(nonRetryable);
  expect(f.category === ApplicationFailureCategory.BENIGN).toBe(benign);
});

test('a 429 retries no sooner than Retry-After, at most half as long again', async () => {
  const { f, details } = await failureOfActivity(
    activitiesOver(failingAtlas(api(429, 'RATE_LIMITED', 4))).getRestoreJob,
    ref,
  );
  expect(Number(f.nextRetryDelay)).toBeGreaterThanOrEqual(4_000);
  expect(Number(f.nextRetryDelay)).toBeLessThanOrEqual(6_000);
  expect(details).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED', retryAfterS: 4, benign: true });
});

test('without Retry-After a transient failure leaves the delay to the retry policy', async () => {
  const { f } = await failureOfActivity(activitiesOver(failingAtlas(api(500, 'UNEXPECTED_ERROR'))).getRestoreJob, ref);
  expect(f.nextRetryDelay).toBeUndefined();
});

test('an auth failure names the variables to fix in its details (the workflow adds it to the reason)', async () => {
  const { f, details } = await failureOfActivity(
    activitiesOver(failingAtlas(api(401, 'NOT_AUTHENTICATED'))).findSubmittedJob,
    {
      ...ref,
      snapshotId: 'fedcba9876543210fedcba98',
      targetProjectId: P,
      targetClusterName: 't',
      notBefore: '2026-01-01T00:00:00Z',
    },
  );
  expect(details.hint).toMatch(/MONGODB_ATLAS_CLIENT_ID\/MONGODB_ATLAS_CLIENT_SECRET/);
  expect(f.message).toMatch(/HTTP 401 NOT_AUTHENTICATED/);
});

test('an error not from Atlas passes through unchanged', async () => {
  const boom = new TypeError('a bug');
  await expect(runActivity(activitiesOver(failingAtlas(boom)).getRestoreJob, ref)).rejects.toBe(boom);
});
