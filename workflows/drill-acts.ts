// The drill's activity proxies, one per purpose and retry policy (issue 22). The create is never retried by Temporal
// (a retry could make a second cluster): workflows/drill-cluster.ts looks the name up after an ambiguous failure. The
// delete is tried once per call: the teardown loop retries it until the drill's deadline, and says so.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/** Reads (snapshot, lookup by name, trend) and the janitor: transient errors retried in seconds, bounded. */
export const drillReads = proxyActivities<
  Pick<Activities, 'drillFindCluster' | 'drillJanitor' | 'drillPickSnapshot' | 'drillTrend'>
>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '20s', maximumAttempts: 5 },
});

/** The create of the scratch cluster: one attempt. */
export const drillCreate = proxyActivities<Pick<Activities, 'drillCreateCluster'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/** One teardown step (look up, delete when ours): one attempt; the teardown loop decides when to try again. */
export const drillDelete = proxyActivities<Pick<Activities, 'drillDeleteCluster'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/** The drill.* events: a few quick tries; an undelivered event never changes the drill's outcome. */
export const drillNotifyActs = proxyActivities<Pick<Activities, 'drillNotify'>>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumAttempts: 3 },
});
