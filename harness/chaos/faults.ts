// Turns a restore's planned faults into simulator fault rules scoped to its project, adds the run-wide "weather"
// (token endpoint failures, the per-project rate limit), and counts afterwards how often each kind really fired:
// a rule that never fired tested nothing, so the report counts applications, not rules.
import type { OperationName } from '../product/atlas';
import type { FaultAction, FaultRule } from '../product/dev-tools';
import type { AtlasSimulator } from '../product/dev-tools';
import type { ChaosPair } from './estate';
import type { PlannedFault, Step } from './scenarios';

/** Longer than the worker's Atlas request timeout (ATLAS_RESTORE_HTTP_TIMEOUT_MS in the chaos worker's env). */
export const HTTP_TIMEOUT_MS = 3_000;
const SLOW_MS = 4_500;

const OPS: Record<'tenant' | 'flex', Record<Step, OperationName>> = {
  tenant: {
    cluster: 'getCluster',
    snapshot: 'getTenantSnapshot',
    snapshots: 'listTenantSnapshots',
    restores: 'listTenantRestores',
    job: 'getTenantRestore',
    create: 'createTenantRestore',
  },
  flex: {
    cluster: 'getFlexCluster',
    snapshot: 'getFlexSnapshot',
    snapshots: 'listFlexSnapshots',
    restores: 'listFlexRestoreJobs',
    job: 'getFlexRestoreJob',
    create: 'createFlexRestoreJob',
  },
};

export const opFor = (backend: 'tenant' | 'flex', step: Step): OperationName => OPS[backend][step];

function action(f: PlannedFault): FaultAction | undefined {
  switch (f.kind) {
    case 'after-commit-500':
      return { kind: 'after-commit', status: 500 };
    case 'own-409':
      return { kind: 'after-commit', status: 409, errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS' };
    case 'foreign-409':
    case 'foreign-409-deadline':
      return {
        kind: 'status',
        status: 409,
        errorCode: 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS',
        detail: 'Cluster restore already in progress.',
      };
    case 'read-5xx':
      return { kind: 'status', status: f.status!, errorCode: f.errorCode! };
    case '429-retry-after':
      return { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: f.retryAfterS };
    case '429-no-retry-after':
      return { kind: 'status', status: 429, errorCode: 'RATE_LIMITED' };
    case 'slow':
      return { kind: 'delay', ms: SLOW_MS };
    case 'malformed':
      return { kind: 'malformed' };
    case 'reset':
      return { kind: 'reset' };
    default:
      return undefined;
  }
}

/** Every rule the harness added, with the kind it counts under. */
export class FaultBook {
  readonly #kinds = new Map<FaultRule, string>();

  constructor(readonly sim: AtlasSimulator) {}

  add(kind: string, rule: FaultRule): FaultRule {
    this.#kinds.set(rule, kind);
    this.sim.faults.add(rule);
    return rule;
  }

  /** How many requests a rule has seen and applied to so far. */
  stats(rule: FaultRule): { seen: number; applied: number } {
    const r = this.sim.faults.list().find((x) => x.rule === rule);
    return { seen: r?.seen ?? 0, applied: r?.applied ?? 0 };
  }

  /** Applications by kind (the holds of kill points are counted as "hold": not a fault, and left out of the report). */
  applied(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.sim.faults.list()) {
      const kind = this.#kinds.get(r.rule);
      if (kind) out[kind] = (out[kind] ?? 0) + r.applied;
    }
    return out;
  }
}

/** Installs one restore's Atlas faults (the HTTP ones; world, planner and webhook faults are set up elsewhere). */
export function installFaults(book: FaultBook, p: ChaosPair): void {
  for (const f of p.plan.faults) {
    const a = action(f);
    if (!a || !f.step) continue;
    book.add(f.kind, { operation: opFor(p.plan.backend, f.step), groupId: p.projectId, times: f.times, action: a });
  }
}

/**
 * Run-wide token endpoint failures (service-account auth): 503, 429 with Retry-After, resets, answers slower than
 * the client waits. The token lives a few seconds in a chaos run (tokenTtlS), so the worker asks often.
 */
export function installTokenWeather(book: FaultBook, rate: number): void {
  const rules: [string, number, FaultAction][] = [
    ['token-endpoint-503', 0.45, { kind: 'status', status: 503, errorCode: 'temporarily_unavailable' }],
    ['token-endpoint-429', 0.25, { kind: 'status', status: 429, errorCode: 'slow_down', retryAfterS: 1 }],
    ['token-endpoint-reset', 0.2, { kind: 'reset' }],
    ['token-endpoint-slow', 0.1, { kind: 'delay', ms: SLOW_MS }],
  ];
  // Each rule draws on its own, so scale the shares to make `rate` the chance that a token request meets any fault.
  let remaining = 1;
  for (const [kind, share, a] of rules) {
    const p = Math.min(1, (rate * share) / remaining);
    remaining -= rate * share;
    book.add(kind, { operation: 'oauthToken', probability: p, action: a });
  }
}
