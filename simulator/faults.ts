// Scriptable faults, per operation: what Atlas does on a bad day. Rules are checked in order; the first that matches
// (operation, project, skip/times/probability) decides the fault for that request.
import { z } from 'zod';
import type { OperationName } from '../atlas/operations';
import { OPS } from '../atlas/operations';

export type FaultAction =
  /** Answer with this status and ApiError errorCode (and Retry-After, if given), without doing the work. */
  | { kind: 'status'; status: number; errorCode: string; detail?: string; retryAfterS?: number }
  /**
   * Do the work (e.g. create the job), then answer an error anyway: the ambiguous failure. Default 500
   * UNEXPECTED_ERROR; e.g. 409 ATLAS_CLUSTER_RESTORE_IN_PROGRESS models a create whose own job answers as a conflict.
   */
  | { kind: 'after-commit'; status?: number; errorCode?: string }
  /** Wait this long before answering (past the client's timeout to simulate a hang). */
  | { kind: 'delay'; ms: number }
  /** Answer 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** Answer with this JSON body (default status 200, the operation's media type): a response of an unexpected shape. */
  | { kind: 'body'; body: unknown; status?: number }
  /** Destroy the connection without an answer. */
  | { kind: 'reset' };

export interface FaultRule {
  /** An operation name from atlas/operations.ts, 'oauthToken', or '*' for every operation. */
  operation: OperationName | 'oauthToken' | '*';
  /** Only requests for this project. */
  groupId?: string;
  /** Let this many matching requests through before the rule applies. */
  skip?: number;
  /** Apply this many times, then stop (default: forever). */
  times?: number;
  /** Apply with this probability (0..1), drawn from the injector's seeded generator. */
  probability?: number;
  action: FaultAction;
}

const OPERATIONS: readonly string[] = [...Object.keys(OPS), 'oauthToken', '*'];

/** A FaultRule as scenario files and POST /__sim/faults give it; unknown keys are refused (a typo is a silent no-op). */
export const FaultRuleSchema = z.strictObject({
  operation: z.custom<FaultRule['operation']>((v) => typeof v === 'string' && OPERATIONS.includes(v), {
    message: `must be one of ${OPERATIONS.join(', ')}`,
  }),
  groupId: z
    .string()
    .regex(/^[a-f0-9]{24}$/, 'must be a 24-hex-digit project id')
    .optional(),
  skip: z.number().int().min(0).optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  action: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('status'),
      status: z.number().int().min(400).max(599),
      errorCode: z.string().min(1),
      detail: z.string().optional(),
      retryAfterS: z.number().min(0).optional(),
    }),
    z.strictObject({
      kind: z.literal('after-commit'),
      status: z.number().int().min(400).max(599).optional(),
      errorCode: z.string().min(1).optional(),
    }),
    z.strictObject({ kind: z.literal('delay'), ms: z.number().int().min(0).max(600_000) }),
    z.strictObject({ kind: z.literal('malformed') }),
    z.strictObject({
      kind: z.literal('body'),
      body: z.unknown(),
      status: z.number().int().min(200).max(599).optional(),
    }),
    z.strictObject({ kind: z.literal('reset') }),
  ]),
});
// The schema and the interface must describe the same thing.
export const FaultRulesSchema: z.ZodType<FaultRule[]> = z.array(FaultRuleSchema);

/** Small seeded PRNG (mulberry32) so a scenario replays the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  readonly #rules: { rule: FaultRule; seen: number; applied: number }[] = [];
  readonly injected = new Map<string, number>();
  #random: () => number;

  constructor(seed = 1) {
    this.#random = seededRandom(seed);
  }

  add(...rules: FaultRule[]): this {
    for (const rule of rules) this.#rules.push({ rule, seen: 0, applied: 0 });
    return this;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The rules with how often each matched and applied (for GET /__sim/faults). */
  list(): { rule: FaultRule; seen: number; applied: number }[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  /** The fault for this request, if any; counts what it injects by kind. */
  pick(operation: string, groupId?: string): FaultAction | undefined {
    for (const r of this.#rules) {
      const { rule } = r;
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.groupId && rule.groupId !== groupId) continue;
      r.seen++;
      if (r.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && r.applied >= rule.times) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      r.applied++;
      const label = faultLabel(rule.action);
      this.injected.set(label, (this.injected.get(label) ?? 0) + 1);
      return rule.action;
    }
    return undefined;
  }
}

function faultLabel(a: FaultAction): string {
  if (a.kind === 'status') return `${a.status}:${a.errorCode}`;
  if (a.kind === 'after-commit') return `after-commit:${a.status ?? 500}${a.errorCode ? `:${a.errorCode}` : ''}`;
  return a.kind;
}
