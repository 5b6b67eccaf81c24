// What each restore of a chaos run goes through, decided up front from the seed: its Atlas faults (each kind alone
// first, then mixed at random rates), whether the worker is killed inside one of its steps, how long its Atlas job
// runs and how it ends. And the rule that says, from that plan alone, how the restore must end (README.md, "The
// outcome rule"): the harness never looks at what happened to decide what should have happened.
import type { Outcome } from '../product/common';
import type { Rng } from '../kit/rng';

/** Atlas fault kinds injected per restore (README.md has the table of expected outcomes). */
export const FAULT_KINDS = [
  'after-commit-500',
  'read-5xx',
  'own-409',
  'foreign-409',
  'foreign-409-deadline',
  'foreign-running',
  '429-retry-after',
  '429-no-retry-after',
  'slow',
  'malformed',
  'reset',
  'running-forever',
  'failed-job',
  'webhook-500',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that only ever hit the create. */
const CREATE_KINDS: readonly FaultKind[] = ['after-commit-500', 'own-409', 'foreign-409'];

/** Faults that decide the ending: at most one per restore. */
const TERMINAL_KINDS: readonly FaultKind[] = [
  'foreign-409-deadline',
  'foreign-running',
  'running-forever',
  'failed-job',
];
/** Faults that only make the way longer: any number may combine. */
const TRANSIENT_KINDS: readonly FaultKind[] = FAULT_KINDS.filter(
  (k) => !TERMINAL_KINDS.includes(k) && k !== 'webhook-500',
);

/** Where in a restore the worker is SIGKILLed (held there by a delayed Atlas answer or webhook). */
export const KILL_POINTS = [
  'preflight',
  'submit',
  'create',
  'poll',
  'compensation-notify',
  'compensation-rollback',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

/** The steps whose Atlas calls a fault can hit; mapped to operations by backend in faults.ts. */
export type Step = 'cluster' | 'snapshot' | 'snapshots' | 'restores' | 'job' | 'create';
const READ_STEPS: readonly Step[] = ['cluster', 'snapshot', 'snapshots', 'restores', 'job'];

export interface PlannedFault {
  kind: FaultKind;
  step?: Step;
  /** How many calls it hits (undefined: all of them). */
  times?: number;
  status?: number;
  errorCode?: string;
  retryAfterS?: number;
}

export interface RestorePlan {
  index: number;
  kinds: FaultKind[];
  faults: PlannedFault[];
  killPoint?: KillPoint;
  backend: 'tenant' | 'flex';
  rollbackOnFailure: boolean;
  /** Atlas-side duration of our job, ms; Infinity: it never leaves RUNNING. */
  durationMs: number;
  /** Long enough to make the workflow continue as new (100 polls per run) unless a kill stalls it. */
  long: boolean;
  deadlineS: number;
}

export interface PlanOptions {
  restores: number;
  /** Kill tasks to plan (each holds one restore at its kill point). */
  killTasks: number;
  killPoints: readonly KillPoint[];
  kinds: readonly FaultKind[];
  /** Probability of each transient kind, and of one terminal kind, per mixed restore. */
  rate: number;
  era: 'legacy' | 'current';
  /** Share of restores that run long enough to continue as new. */
  longRate: number;
  deadlines: Deadlines;
}

export interface Deadlines {
  /** Every restore without a deadline fault: generous, a safety net (a restore that hits it is wrong). */
  defaultS: number;
  runningForeverS: number;
  foreign409S: number;
}

/** Atlas's create answers: a restore may not spend more than this many create attempts on faults (of 8 allowed). */
const MAX_CREATE_FAULTS = 3;

export function planStorm(o: PlanOptions, rng: Rng): RestorePlan[] {
  const n = o.restores;
  const kills = Math.min(o.killTasks, n);
  const killAt = new Map<number, KillPoint>();
  const points = o.killPoints.length ? o.killPoints : KILL_POINTS;
  let order = rng.shuffle(points);
  for (let k = 0; k < kills; k++) {
    if (k % points.length === 0 && k > 0) order = rng.shuffle(points);
    killAt.set(Math.min(n - 1, Math.floor(((k + 0.5) * n) / kills)), order[k % points.length]);
  }
  const aloneQueue = [...o.kinds];
  const plans: RestorePlan[] = [];
  for (let i = 0; i < n; i++) {
    const backend: 'tenant' | 'flex' = o.era === 'current' || rng.chance(0.2) ? 'flex' : 'tenant';
    const base: RestorePlan = {
      index: i,
      kinds: [],
      faults: [],
      backend,
      rollbackOnFailure: false,
      durationMs: rng.int(1_500, 5_000),
      long: false,
      deadlineS: o.deadlines.defaultS,
    };
    const killPoint = killAt.get(i);
    let kinds: FaultKind[];
    if (killPoint) {
      // A killed restore carries no Atlas faults of its own, so the kill is what it is tested for; the compensation
      // points need a compensation, hence a FAILED job (and a rollback to be inside of, for the second one).
      base.killPoint = killPoint;
      kinds = killPoint.startsWith('compensation') ? ['failed-job'] : [];
      // Long enough to be polled a few times around the kill.
      base.durationMs = rng.int(6_000, 10_000);
      if (killPoint === 'compensation-rollback') base.rollbackOnFailure = true;
    } else if (aloneQueue.length) {
      // Each kind alone first: the fault table's rows, one restore each.
      const k = aloneQueue.shift()!;
      kinds = k === 'webhook-500' ? ['failed-job', 'webhook-500'] : [k];
    } else {
      kinds = TRANSIENT_KINDS.filter((k) => o.kinds.includes(k) && rng.chance(o.rate));
      const terminals = TERMINAL_KINDS.filter((k) => o.kinds.includes(k));
      if (terminals.length && rng.chance(o.rate)) kinds.push(rng.pick(terminals));
      if (
        (kinds.includes('failed-job') || kinds.includes('running-forever')) &&
        o.kinds.includes('webhook-500') &&
        rng.chance(0.5)
      )
        kinds.push('webhook-500');
      base.long = !kinds.some((k) => TERMINAL_KINDS.includes(k)) && rng.chance(o.longRate);
    }
    // A create that is refused on every attempt is the point of foreign-409-deadline: faults that let a create through
    // (and commit the job) would change the plan's meaning, so they do not combine with it.
    if (kinds.includes('foreign-409-deadline')) kinds = kinds.filter((k) => !CREATE_KINDS.includes(k));
    base.kinds = kinds;
    if (kinds.includes('failed-job') && !killPoint) base.rollbackOnFailure = rng.chance(0.5);
    if (kinds.includes('running-forever')) base.durationMs = Infinity;
    if (base.long) base.durationMs = 150_000;
    if (kinds.includes('running-forever')) base.deadlineS = o.deadlines.runningForeverS;
    if (kinds.includes('foreign-409-deadline')) base.deadlineS = o.deadlines.foreign409S;
    base.faults = planFaults(kinds, rng, !kinds.includes('foreign-409-deadline'));
    plans.push(base);
  }
  return plans;
}

function planFaults(kinds: FaultKind[], rng: Rng, createAllowed: boolean): PlannedFault[] {
  const out: PlannedFault[] = [];
  let createFaults = 0;
  // Faults that may hit a read or the create: the create only while the restore has create attempts to spare.
  const stepFor = (): Step => {
    if (createAllowed && createFaults < MAX_CREATE_FAULTS && rng.chance(0.3)) {
      createFaults++;
      return 'create';
    }
    return rng.pick(READ_STEPS);
  };
  for (const kind of kinds) {
    switch (kind) {
      case 'after-commit-500':
      case 'own-409':
        createFaults++;
        out.push({ kind, step: 'create', times: 1 });
        break;
      case 'foreign-409': {
        const times = rng.int(1, 2);
        createFaults += times;
        out.push({ kind, step: 'create', times });
        break;
      }
      case 'foreign-409-deadline':
        out.push({ kind, step: 'create' });
        break;
      case 'read-5xx': {
        const status = rng.pick([500, 502, 503]);
        out.push({
          kind,
          step: rng.pick(READ_STEPS),
          times: rng.int(1, 3),
          status,
          errorCode: { 500: 'UNEXPECTED_ERROR', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE' }[status],
        });
        break;
      }
      case '429-retry-after':
        out.push({ kind, step: stepFor(), times: 1, retryAfterS: rng.int(1, 3) });
        break;
      case '429-no-retry-after':
      case 'slow':
      case 'malformed':
      case 'reset':
        out.push({ kind, step: stepFor(), times: 1 });
        break;
      default:
        // foreign-running, running-forever, failed-job, webhook-500: not HTTP answers (world, planner, webhook).
        out.push({ kind });
    }
  }
  return out;
}

/**
 * The outcome rule: how a restore must end, from its plan. Kills, server restarts, token-endpoint and rate-limit
 * faults never change it: they may only make it take longer.
 */
export function expectedOutcome(p: RestorePlan): Outcome {
  if (p.kinds.includes('foreign-running')) return 'PREFLIGHT_FAILED';
  if (p.kinds.includes('foreign-409-deadline') || p.kinds.includes('running-forever')) return 'DEADLINE_EXCEEDED';
  if (p.kinds.includes('failed-job')) return 'COMPENSATED';
  return 'COMPLETED';
}

/** How many restore jobs of ours (our snapshot into our target) Atlas must hold at the end. */
export function expectedJobs(p: RestorePlan): readonly number[] {
  const outcome = expectedOutcome(p);
  if (outcome === 'PREFLIGHT_FAILED' || p.kinds.includes('foreign-409-deadline')) return [0];
  // The deadline may pass before the submit when kills stalled the preflight: then nothing may have been created.
  if (p.kinds.includes('running-forever')) return [0, 1];
  return [1];
}
