// Retry-After handling: an activity throttled by Atlas comes back no sooner than asked, and not in lockstep with the
// others throttled at the same moment.
import { ApplicationFailure } from '@temporalio/common';
import { AtlasApiError } from '../../atlas/errors';
import { retryAfterDelayMs, toFailure } from '../../activities/failures';

test('never sooner than Retry-After, at most half as long again', () => {
  expect(retryAfterDelayMs(4, () => 0)).toBe(4_000);
  expect(retryAfterDelayMs(4, () => 0.999999)).toBe(6_000);
  expect(retryAfterDelayMs(0, () => 0)).toBe(1_000);
});

test('restores throttled together spread their retries', () => {
  const delays = Array.from({ length: 50 }, () => retryAfterDelayMs(2));
  expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
  expect(Math.max(...delays)).toBeLessThanOrEqual(3_000);
  expect(new Set(delays).size).toBeGreaterThan(10);
});

test('a 429 becomes a retryable failure carrying the delay', () => {
  const e = new AtlasApiError(429, 'RATE_LIMITED', 'slow down', 'getCluster', 3);
  const f = toFailure(e) as ApplicationFailure;
  expect(f.nonRetryable).toBe(false);
  expect(Number(f.nextRetryDelay)).toBeGreaterThanOrEqual(3_000);
  expect(Number(f.nextRetryDelay)).toBeLessThanOrEqual(4_500);
});
