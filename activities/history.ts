// Reads back how long earlier restores into the same target took, from our own workflows' search attributes, so the
// polling schedule can sleep through most of a restore and poll closely around its expected end.
import type { Client } from '@temporalio/client';
import { SA } from '../common/constants';

export interface DurationHistory {
  /** Atlas-side durations (submit → restoreFinishedDate) of recent completed restores into the target, seconds. */
  samplesS: number[];
}

const MAX_SAMPLES = 5;

export async function restoreDurationHistory(client: Client | undefined, targetProjectId: string, targetClusterName: string): Promise<DurationHistory> {
  if (!client) return { samplesS: [] };
  const q =
    `${SA.targetProjectId.name} = '${targetProjectId}' AND ${SA.targetCluster.name} = '${targetClusterName}' ` +
    `AND ${SA.outcome.name} = 'COMPLETED' AND ${SA.durationS.name} > 0`;
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
  return { samplesS };
}
