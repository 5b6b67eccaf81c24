// Reads back how long earlier restores took, from our own workflows' search attributes, so the polling schedule can
// sleep through most of a restore and poll closely around its expected end (workflows/polling.ts, common/expectation.ts):
// - this target's own recent durations (its median: the data size);
// - the within-target spread pooled over all recently restored targets (how much Atlas varies from one restore of the
//   same data to the next). That scan reads many workflows, so each worker keeps it for POOL_TTL_MS: a storm of
//   restores asks visibility once a minute, not once per restore. A pool too thin to bound the spread is kept only
//   POOL_TTL_UNMEASURED_MS: that is when a storm's restores are measuring it, and a re-read at the window
//   (workflows/polling.ts relearnDue) that got a minute-old thin pool would poll the whole floor for nothing.
import type { Client } from '@temporalio/client';
import { SA } from '../common/constants';
import { quoted } from '../common/visibility';
import { logMoments, sigmaUpperBound, type PooledSpread } from '../common/expectation';

export interface DurationHistory {
  /** Atlas-side durations (submit → restoreFinishedDate) of recent completed restores into the target, seconds. */
  samplesS: number[];
  /** Spread pooled over recent restores of every target (absent until some target has been restored twice). */
  pooled?: PooledSpread;
}

/** Durations per target the prediction uses (the newest ones: a target's data grows). */
const MAX_SAMPLES = 5;
/** Completed restores the pooled spread is computed from at most (newest first). */
const POOL_SCAN_MAX = 2000;
const POOL_TTL_MS = 60_000;
const POOL_TTL_UNMEASURED_MS = 5_000;

const COMPLETED_WITH_DURATION = `${SA.outcome.name} = 'COMPLETED' AND ${SA.durationS.name} > 0`;

/** A worker's cache of the pooled spread, one per Temporal client. */
const poolCache = new WeakMap<Client, { at: number; ttlMs: number; value: Promise<PooledSpread | undefined> }>();

export async function restoreDurationHistory(
  client: Client | undefined,
  targetProjectId: string,
  targetClusterName: string,
): Promise<DurationHistory> {
  if (!client) return { samplesS: [] };
  const q = `${SA.targetProjectId.name} = ${quoted(targetProjectId)} AND ${SA.targetCluster.name} = ${quoted(targetClusterName)} AND ${COMPLETED_WITH_DURATION}`;
  const samplesS: number[] = [];
  try {
    for await (const wf of client.workflow.list({ query: q })) {
      const d = wf.typedSearchAttributes.get(SA.durationS);
      if (typeof d === 'number') samplesS.push(d);
      if (samplesS.length >= MAX_SAMPLES) break;
    }
  } catch {
    // No visibility store (the time-skipping test server) or a visibility hiccup: poll without a prediction.
    return { samplesS: [] };
  }
  if (samplesS.length === 0) return { samplesS };
  const pooled = await pooledSpread(client);
  return pooled ? { samplesS, pooled } : { samplesS };
}

function pooledSpread(client: Client): Promise<PooledSpread | undefined> {
  const hit = poolCache.get(client);
  if (hit && Date.now() - hit.at < hit.ttlMs) return hit.value;
  const value = scanPooledSpread(client).catch(() => undefined);
  const entry = { at: Date.now(), ttlMs: POOL_TTL_UNMEASURED_MS, value };
  poolCache.set(client, entry);
  // Kept the full minute only once it bounds the spread (the schedule's window then follows the bound).
  void value.then((p) => {
    if (p && sigmaUpperBound(p) !== undefined) entry.ttlMs = POOL_TTL_MS;
  });
  return value;
}

async function scanPooledSpread(client: Client): Promise<PooledSpread | undefined> {
  const byTarget = new Map<string, number[]>();
  let seen = 0;
  for await (const wf of client.workflow.list({ query: COMPLETED_WITH_DURATION })) {
    const d = wf.typedSearchAttributes.get(SA.durationS);
    const key = `${wf.typedSearchAttributes.get(SA.targetProjectId) ?? ''}/${wf.typedSearchAttributes.get(SA.targetCluster) ?? ''}`;
    if (typeof d === 'number') {
      const xs = byTarget.get(key) ?? [];
      if (xs.length < MAX_SAMPLES) xs.push(d);
      byTarget.set(key, xs);
    }
    if (++seen >= POOL_SCAN_MAX) break;
  }
  return pool([...byTarget.values()]);
}

/** Pools the within-target spread of several targets' durations; undefined when no target has two. */
export function pool(perTarget: number[][]): PooledSpread | undefined {
  let sumSquares = 0;
  let df = 0;
  for (const xs of perTarget) {
    const m = logMoments(xs);
    if (m.n < 2) continue;
    sumSquares += m.sumSquares;
    df += m.n - 1;
  }
  return df > 0 ? { sumSquares, df } : undefined;
}
