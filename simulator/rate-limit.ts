// Atlas's v2 rate limiter: a token bucket per project (capacity, refill rate per refill period). An empty bucket
// answers 429 RATE_LIMITED_TOKEN_BUCKET with Retry-After, as the api-rate-limit docs describe.

export interface RateLimitOptions {
  capacity: number;
  refillRate: number;
  refillSeconds: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  limited = 0;
  constructor(readonly o: RateLimitOptions) {}

  /** Takes a token for `key`; returns the seconds to wait when the bucket is empty. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterS: number } {
    const perMs = this.o.refillRate / (this.o.refillSeconds * 1000);
    const b = this.#buckets.get(key) ?? { tokens: this.o.capacity, at: nowMs };
    b.tokens = Math.min(this.o.capacity, b.tokens + (nowMs - b.at) * perMs);
    b.at = nowMs;
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    this.limited++;
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }
}
