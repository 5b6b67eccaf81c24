// Atlas's v2 rate limiter: a token bucket per project (capacity, refill rate per refill period). An empty bucket
// answers 429 RATE_LIMITED_TOKEN_BUCKET with Retry-After, as the api-rate-limit docs describe; every answer carries
// RateLimit-Limit and RateLimit-Remaining (the spec declares them on 2xx and 429).

export interface RateLimitOptions {
  capacity: number;
  refillRate: number;
  refillSeconds: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; remaining: 0; retryAfterS: number };

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  limited = 0;
  constructor(readonly o: RateLimitOptions) {}

  /** Takes a token for `key`; says how many are left, or the seconds to wait when the bucket is empty. */
  take(key: string, nowMs: number): TakeResult {
    const perMs = this.o.refillRate / (this.o.refillSeconds * 1000);
    const b = this.#buckets.get(key) ?? { tokens: this.o.capacity, at: nowMs };
    b.tokens = Math.min(this.o.capacity, b.tokens + Math.max(0, nowMs - b.at) * perMs);
    b.at = nowMs;
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    this.limited++;
    return { ok: false, remaining: 0, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }

  /** The body detail Atlas writes for an empty bucket (api-rate-limit docs). */
  detail(path: string, retryAfterS: number): string {
    const o = this.o;
    return `Rate limit exceeded for ${path}. Please retry after ${retryAfterS} seconds. Request capacity: ${o.capacity}. Refill rate: ${o.refillRate} per ${o.refillSeconds} seconds.`;
  }
}
