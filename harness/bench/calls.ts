// Attributing the simulator's call log to restores: each call names a cluster in its path (the source for restore
// operations, the target for its preflight reads), and every cluster belongs to exactly one pair.
import type { SimCall } from '../product/dev-tools';
import type { BenchPair } from './world';

const CLUSTER_IN_PATH = /\/(?:clusters|flexClusters)\/([^/?]+)/;
const CREATE_OPS = new Set(['createTenantRestore', 'createTenantRestoreV1', 'createFlexRestoreJob']);
const READ_JOB_OPS = new Set(['getTenantRestore', 'getFlexRestoreJob']);

export interface PairCalls {
  total: number;
  byOperation: Record<string, number>;
  http429: number;
  /** Calls made before the first create (preflight reads and the duplicate check). */
  beforeCreate: number;
  /** Times (ms) of the reads of the restore job, in order. */
  jobReadsAtMs: number[];
}

const empty = (): PairCalls => ({ total: 0, byOperation: {}, http429: 0, beforeCreate: 0, jobReadsAtMs: [] });

/** Calls of one round (a slice of the log), by pair. Digest challenges are not calls a client chose to make. */
export function callsByPair(
  calls: readonly SimCall[],
  byCluster: ReadonlyMap<string, BenchPair>,
): Map<BenchPair, PairCalls> {
  const out = new Map<BenchPair, PairCalls>();
  const created = new Set<BenchPair>();
  for (const c of calls) {
    if (c.challenge) continue;
    const m = CLUSTER_IN_PATH.exec(c.path);
    const pair = m ? byCluster.get(decodeURIComponent(m[1])) : undefined;
    if (!pair) continue;
    let t = out.get(pair);
    if (!t) out.set(pair, (t = empty()));
    t.total++;
    t.byOperation[c.operation] = (t.byOperation[c.operation] ?? 0) + 1;
    if (c.status === 429) t.http429++;
    if (CREATE_OPS.has(c.operation) && c.status < 300) created.add(pair);
    else if (!created.has(pair) && !CREATE_OPS.has(c.operation)) t.beforeCreate++;
    if (READ_JOB_OPS.has(c.operation) && c.status === 200) t.jobReadsAtMs.push(c.atMs);
  }
  return out;
}
