// What a chaos run does, with the full run's defaults (npm run chaos) and the command line that changes them.
import { parseArgs } from 'node:util';
import type { Deadlines, FaultKind, KillPoint } from './scenarios';
import { FAULT_KINDS, KILL_POINTS } from './scenarios';

export interface ChaosOptions {
  restores: number;
  /** Worker SIGKILLs at least (planned kill points, topped up with random ones). */
  kills: number;
  /** Kill points planned per kill wanted (some are missed: the worker is already dead, or it is not safe). */
  killTaskMargin: number;
  serverRestarts: number;
  /** Atlas fault kinds in play (each alone once, then mixed). */
  faults: FaultKind[];
  /** Per mixed restore: the chance of each transient kind, and of one terminal kind. */
  faultRate: number;
  /** Chance that a token request of the service account meets a fault. */
  tokenFaultRate: number;
  /** Atlas's per-project token bucket (429 with Retry-After when empty). */
  rateLimit: boolean;
  killPoints: KillPoint[];
  seed: number;
  era: 'legacy' | 'current';
  /** Start the restores with kill points after the others (fewer stranded activities: a shorter, steadier run). */
  killTargetsLast: boolean;
  /** One restore starts every this many ms. */
  startIntervalMs: number;
  longRate: number;
  deadlines: Deadlines;
  badInputs: { inProcess: number; direct: number; cli: number };
  /** Drive the CLI through a full run (success, compensation, inspection, errors) for the secret scan. */
  cliPhase: boolean;
  /** Give up on restores still running this long after the last start. */
  maxWaitMs: number;
  keep: boolean;
  log: (line: string) => void;
}

export const FULL_RUN: Omit<ChaosOptions, 'log'> = {
  restores: 200,
  kills: 20,
  killTaskMargin: 1.2,
  serverRestarts: 2,
  faults: [...FAULT_KINDS],
  faultRate: 0.12,
  tokenFaultRate: 0.3,
  rateLimit: true,
  killPoints: [...KILL_POINTS],
  seed: 1,
  era: 'legacy',
  killTargetsLast: false,
  startIntervalMs: 600,
  longRate: 0.02,
  deadlines: { defaultS: 1_800, runningForeverS: 40, foreign409S: 45 },
  badInputs: { inProcess: 150, direct: 40, cli: 12 },
  cliPhase: true,
  maxWaitMs: 20 * 60_000,
  keep: false,
};

const HELP = `npm run chaos -- [options]

  --restores N           restores in the storm (default ${FULL_RUN.restores})
  --kills N              worker SIGKILLs, at least (default ${FULL_RUN.kills})
  --server-restarts N    Temporal server SIGKILL + restarts (default ${FULL_RUN.serverRestarts})
  --faults LIST          Atlas fault kinds, comma-separated, 'all' or 'none' (default all):
                         ${FAULT_KINDS.join(', ')}
  --fault-rate P         chance of each fault kind per mixed restore (default ${FULL_RUN.faultRate})
  --token-fault-rate P   chance of a token endpoint fault per token request (default ${FULL_RUN.tokenFaultRate})
  --no-rate-limit        no per-project Atlas rate limit
  --kill-points LIST     ${KILL_POINTS.join(', ')} (default all)
  --era legacy|current   simulated Atlas era (default legacy: tenant and Flex clusters)
  --seed N               plan, faults and kill points replay with the same seed (default ${FULL_RUN.seed})
  --bad-inputs N         bad inputs through the client library (also: --bad-direct N, --bad-cli N)
  --no-cli               skip the CLI phase
  --keep                 keep the work directory (logs, database) even when every promise held
  --json                 print only the JSON report on stdout (progress still goes to stderr)
`;

export function parseOptions(argv: string[]): { options: Omit<ChaosOptions, 'log'>; json: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      restores: { type: 'string' },
      kills: { type: 'string' },
      'server-restarts': { type: 'string' },
      faults: { type: 'string' },
      'fault-rate': { type: 'string' },
      'token-fault-rate': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'kill-points': { type: 'string' },
      era: { type: 'string' },
      seed: { type: 'string' },
      'bad-inputs': { type: 'string' },
      'bad-direct': { type: 'string' },
      'bad-cli': { type: 'string' },
      'no-cli': { type: 'boolean' },
      keep: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const int = (name: string, v: string | undefined, dflt: number, min = 0): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const rate = (name: string, v: string | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new Error(`--${name} must be a number from 0 to 1`);
    return n;
  };
  const list = <T extends string>(name: string, v: string | undefined, all: readonly T[]): T[] => {
    if (v === undefined || v === 'all') return [...all];
    if (v === 'none') return [];
    const xs = v.split(',').map((s) => s.trim());
    const bad = xs.filter((x) => !all.includes(x as T));
    if (bad.length) throw new Error(`--${name}: unknown ${bad.join(', ')} (known: ${all.join(', ')})`);
    return xs as T[];
  };
  if (values.era !== undefined && values.era !== 'legacy' && values.era !== 'current')
    throw new Error('--era must be legacy or current');
  const f = FULL_RUN;
  const options: Omit<ChaosOptions, 'log'> = {
    ...f,
    restores: int('restores', values.restores, f.restores, 1),
    kills: int('kills', values.kills, f.kills),
    serverRestarts: int('server-restarts', values['server-restarts'], f.serverRestarts),
    faults: list('faults', values.faults, FAULT_KINDS),
    faultRate: rate('fault-rate', values['fault-rate'], f.faultRate),
    tokenFaultRate: rate('token-fault-rate', values['token-fault-rate'], f.tokenFaultRate),
    rateLimit: !values['no-rate-limit'],
    killPoints: list('kill-points', values['kill-points'], KILL_POINTS),
    era: (values.era as 'legacy' | 'current' | undefined) ?? f.era,
    seed: int('seed', values.seed, f.seed),
    badInputs: {
      inProcess: int('bad-inputs', values['bad-inputs'], f.badInputs.inProcess),
      direct: int('bad-direct', values['bad-direct'], f.badInputs.direct),
      cli: int('bad-cli', values['bad-cli'], f.badInputs.cli),
    },
    cliPhase: !values['no-cli'],
    keep: !!values.keep,
  };
  return { options, json: !!values.json, help: !!values.help };
}

export { HELP };
