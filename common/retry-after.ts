// The one rule that turns Atlas's Retry-After into a wait, for the activity retry (nextRetryDelay) and the
// workflow's submit loop alike. Workflow-safe: the caller supplies the jitter (Math.random in an activity,
// jitterOf(...) in a workflow, which must stay deterministic).

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
