// Atlas's Retry-After header, read (atlas/http.ts, atlas/auth.ts), and the one rule that turns it into a wait, for the
// activity retry (nextRetryDelay) and the workflow's submit loop alike. Workflow-safe: the caller supplies the jitter
// (Math.random in an activity, jitterOf(...) in a workflow, which must stay deterministic).

/**
 * Never sooner than Retry-After (the rate limiter's refill time), and spread over up to half as long again, so
 * restores throttled together do not come back in lockstep and drain the project's bucket for each other.
 * `jitter` ∈ [0, 1). A Retry-After below 1 s counts as 1 s.
 */
export function retryAfterDelayMs(retryAfterS: number, jitter: number): number {
  const j = Math.min(Math.max(jitter, 0), 1);
  return Math.round(Math.max(1, retryAfterS) * 1000 * (1 + 0.5 * j));
}

/** A deterministic fraction in [0, 1) from a seed (FNV-1a), e.g. `${workflowId}:${attempt}` in a workflow. */
export function jitterOf(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return h / 0x100000000;
}

/** Retry-After in seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(h: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
