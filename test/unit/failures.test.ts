// Retry-After handling: one rule for the activity retry and the workflow's submit loop. Never sooner than asked,
// and not in lockstep with the others throttled at the same moment.
import type { ApplicationFailure } from '@temporalio/common';
import { ApplicationFailureCategory } from '@temporalio/common';
import { AtlasApiError } from '../../atlas/errors';
import { toFailure } from '../../activities/failures';
import { jitterOf, retryAfterDelayMs } from '../../common/retry-after';

test('never sooner than Retry-After, at most half as long again', () => {
  expect(retryAfterDelayMs(4, 0)).toBe(4_000);
  expect(retryAfterDelayMs(4, 0.999999)).toBe(6_000);
  expect(retryAfterDelayMs(0, 0)).toBe(1_000);
});

test('restores throttled together spread their retries (random jitter in activities)', () => {
  const delays = Array.from({ length: 50 }, () => retryAfterDelayMs(2, Math.random()));
  expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
  expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
  expect(new Set(delays).size).toBeGreaterThan(10);
});

test('the workflow jitter is deterministic per seed, in [0, 1), and spread across workflows', () => {
  expect(jitterOf('wf-1:2')).toBe(jitterOf('wf-1:2'));
  const js = Array.from({ length: 50 }, (_, i) => jitterOf(`restore-target-${i}:1`));
  expect(Math.min(...js)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...js)).toBeLessThan(1);
  expect(new Set(js.map((j) => Math.round(retryAfterDelayMs(2, j) / 50))).size).toBeGreaterThan(10);
});

test('a 429 becomes a retryable, benign failure carrying the delay', () => {
  const e = new AtlasApiError(429, 'RATE_LIMITED', 'slow down', 'getCluster', 3);
  const f = toFailure(e) as ApplicationFailure;
  expect(f.nonRetryable).toBe(false);
  expect(f.type).toBe('AtlasRateLimited');
  expect(f.category).toBe(ApplicationFailureCategory.BENIGN);
  expect(Number(f.nextRetryDelay)).toBeGreaterThanOrEqual(3_000);
  expect(Number(f.nextRetryDelay)).toBeLessThanOrEqual(4_500);
});
