// Batch plans (YAML or JSON — JSON is YAML, so one parser serves both), validated with zod; every problem is
// reported with the line it is on, and nothing starts unless the whole plan is valid.
import { createHash } from 'node:crypto';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { RestoreInput } from '../common/input';
import { inputSchemas } from '../common/input';
import type { ResolvedRequest } from '../common/request';
import { requestDigest, resolveRequest } from '../common/request';

const PlanSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    concurrency: z.number().int().min(1).max(100).default(4),
    /** Fields merged into every restore (e.g. projectId, acknowledgeDataLoss, requireApproval). */
    defaults: z.record(z.string(), z.unknown()).default({}),
    restores: z.array(z.record(z.string(), z.unknown())).min(1, 'must list at least one restore'),
  })
  .strict();

export interface Plan {
  name?: string;
  concurrency: number;
  /** As written (defaults merged): what each restore workflow receives. */
  restores: RestoreInput[];
  /** The same restores, resolved once (defaults filled in). */
  resolved: ResolvedRequest[];
  /** planDigest(resolved): the batch's RestoreRequestDigest, what "the same plan again" is compared by. */
  digest: string;
}

/** Digest of a plan's normalized restores, in order: each restore's requestDigest (all fields but requester, reason). */
function planDigest(resolved: ResolvedRequest[]): string {
  return `sha256:${createHash('sha256').update(resolved.map(requestDigest).join('\n')).digest('hex').slice(0, 32)}`;
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(readonly problems: string[]) {
    super(`invalid batch plan:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * `requester`: who runs the batch, for every restore that names none (as `start` defaults it); `fill`: fields the
 * command line gives every restore that sets none itself (`batch --verify`).
 */
export function parsePlan(text: string, fileName = 'plan', requester?: string, fill: Partial<RestoreInput> = {}): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    throw new PlanError(
      doc.errors.map((e) => `${fileName}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    );
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const at = (path: (string | number)[], msg: string) =>
    `${fileName}:${lineOf(path) ?? 1}: ${path.length ? path.join('.') : '(plan)'}: ${msg}`;

  const raw: unknown = doc.toJS();
  const plan = PlanSchema.safeParse(raw);
  if (!plan.success) throw new PlanError(plan.error.issues.map((i) => at(i.path as (string | number)[], issueText(i))));

  const problems: string[] = [];
  const restores: RestoreInput[] = [];
  const resolved: ResolvedRequest[] = [];
  plan.data.restores.forEach((item, idx) => {
    const merged = { ...(requester ? { requester } : {}), ...fill, ...plan.data.defaults, ...item };
    const r = inputSchemas().RestoreInputSchema.safeParse(merged);
    if (!r.success) {
      for (const i of r.error.issues) {
        const field = i.path[0] as string | undefined;
        // A field from `defaults` is reported where it is written.
        const path =
          field && !(field in item) && field in plan.data.defaults
            ? ['defaults', ...(i.path as string[])]
            : ['restores', idx, ...(i.path as (string | number)[])];
        problems.push(at(path, issueText(i)));
      }
    } else {
      restores.push(merged as RestoreInput);
      resolved.push(resolveRequest(r.data));
    }
  });
  const targets = new Map<string, number>();
  plan.data.restores.forEach((item, idx) => {
    const m = { ...plan.data.defaults, ...item } as {
      projectId?: string;
      targetProjectId?: string;
      targetClusterName?: string;
    };
    const key = `${m.targetProjectId ?? m.projectId}/${m.targetClusterName}`;
    if (targets.has(key))
      problems.push(
        at(
          ['restores', idx, 'targetClusterName'],
          `the same target as restore #${targets.get(key)! + 1}: one restore per target at a time`,
        ),
      );
    else targets.set(key, idx);
  });
  if (problems.length) throw new PlanError(problems);
  return { name: plan.data.name, concurrency: plan.data.concurrency, restores, resolved, digest: planDigest(resolved) };
}

function issueText(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown field(s) ${i.keys.map((k) => `'${k}'`).join(', ')}`;
  if (i.code === 'invalid_type' && /received undefined$/.test(i.message)) return 'is required';
  return i.message;
}
