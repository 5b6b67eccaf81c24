// The chaos report: the figures the issue asks for, first, and what is needed to understand a failure after them.
import type { Verdict } from './verify';

export interface ChaosReport {
  restores: number;
  correctOutcome: number;
  duplicateJobs: number;
  lostAuditEvents: number;
  workerKills: number;
  serverRestarts: number;
  faultsInjected: Record<string, number>;
  secretsFound: number;
  badInputsTried: number;
  badInputsStartedSomething: number;

  /** All of the promises held (the exit code of `npm run chaos`). */
  ok: boolean;
  seed: number;
  durationS: number;
  outcomes: Record<string, number>;
  killsByPoint: Record<string, number>;
  /** Planned kill points the worker left before it was safe to kill (made up for with random kills). */
  killsMissed: number;
  /** The worker died without being killed (it should never). */
  workerUnexpectedExits: number;
  badInputsUnclear: number;
  badInputSamples: { path: string; why: string; field: string; message: string }[];
  secretsWhere: Record<string, number>;
  scanned: {
    histories: number;
    historyEvents: number;
    workerLogLines: number;
    serverLogLines: number;
    cliRuns: number;
    bytes: number;
  };
  /** The restores that took longest, start to end (kill recoveries wait out activity timeouts). */
  slowest: { index: number; kinds: string[]; killPoint?: string; seconds: number }[];
  /** Worker log lines that are not JSON although ATLAS_RESTORE_LOG_FORMAT=json (the SDK core's own lines). */
  nonJsonWorkerLogLines: number;
  nonJsonSamples: string[];
  cliUnexpected: string[];
  /** The restores that did not end right or lost audit events (the first 25). */
  incorrect: Pick<Verdict, 'index' | 'workflowId' | 'kinds' | 'killPoint' | 'expected' | 'got' | 'problems'>[];
  workDir?: string;
}

export function summary(r: ChaosReport): string {
  const line = (k: string, v: unknown) => `  ${k.padEnd(28)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
  return [
    `chaos run (seed ${r.seed}): ${r.ok ? 'every promise held' : 'PROMISE BROKEN'} in ${r.durationS.toFixed(0)} s`,
    line('restores', r.restores),
    line('correctOutcome', r.correctOutcome),
    line('duplicateJobs', r.duplicateJobs),
    line('lostAuditEvents', r.lostAuditEvents),
    line('workerKills', `${r.workerKills} ${JSON.stringify(r.killsByPoint)}`),
    line('serverRestarts', r.serverRestarts),
    line('faultsInjected', r.faultsInjected),
    line('secretsFound', r.secretsFound),
    line('badInputsTried', r.badInputsTried),
    line('badInputsStartedSomething', r.badInputsStartedSomething),
    line('outcomes', r.outcomes),
    ...r.incorrect.map(
      (v) =>
        `  ! restore ${v.index} (${v.kinds.join(', ') || 'clean'}${v.killPoint ? `; kill ${v.killPoint}` : ''}): ${v.got}, expected ${v.expected}: ${v.problems.join('; ')}`,
    ),
    ...r.cliUnexpected.map((s) => `  ! cli: ${s}`),
  ].join('\n');
}
