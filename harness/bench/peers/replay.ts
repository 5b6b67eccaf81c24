// Peers whose polling is a fixed rule, replayed exactly over the same restore durations (no sampling, no overhead):
// - `atlas backups restores watch` (Atlas CLI): one create, then a read at once and every 4 s, no backoff, until
//   the job is done;
// - the CloudFormation resource MongoDB::Atlas::CloudBackUpRestoreJobs: one create, then a read at each 30 s
//   handler callback.
// Time 0 is the job's creation; a restore of d seconds is seen done by the first read at or after d.

export interface ReplayedRestore {
  calls: number;
  /** Seconds from restoreFinishedDate to the read that saw it. */
  lagS: number;
}

export interface FixedPoller {
  name: string;
  /** Seconds from create to the first read. */
  firstReadS: number;
  intervalS: number;
}

export const ATLAS_CLI_WATCH: FixedPoller = { name: 'atlas backups restores watch', firstReadS: 0, intervalS: 4 };
export const CLOUDFORMATION: FixedPoller = {
  name: 'CloudFormation CloudBackUpRestoreJobs',
  firstReadS: 30,
  intervalS: 30,
};

export function replay(p: FixedPoller, durationS: number): ReplayedRestore {
  // Reads at firstReadS + k·intervalS, k = 0, 1, ...; the first with time ≥ durationS sees COMPLETED.
  const k = Math.max(0, Math.ceil((durationS - p.firstReadS) / p.intervalS));
  const seenAt = p.firstReadS + k * p.intervalS;
  return { calls: 1 + (k + 1), lagS: seenAt - durationS };
}
