// The restore request: one zod schema, used by the CLI and the batch plan (strict), and by the workflow (tolerant).
// Workflow-safe (no Node imports). It holds no credentials, by design: workers read those from their environment.
import { z } from 'zod';
import { preloadSafe } from './preload-safe';
import { CONTROLS_MESSAGE, hasControls, NAME_MAX, NOTE_MAX } from './text';

/** Longest deadline or timeout we accept: a month (a restore takes hours; beyond that a typo is likelier). */
const MAX_DURATION_S = 30 * 86400;

export function parseDurationS(v: string): number | undefined {
  const m = /^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?\s*$/.exec(v);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const s = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return s > 0 ? s : undefined;
}

// A cap below the defaults lowers them too (e.g. { maxS: 2 } polls every 2 s at most).
const capped = <T extends { initialS: number; nearS: number; maxS: number }>(p: T): T => ({
  ...p,
  initialS: Math.min(p.initialS, p.maxS),
  nearS: Math.min(p.nearS, p.maxS),
});

export const BACKENDS = ['auto', 'tenant', 'flex'] as const;

/** Four eyes needs two people: without a requester, anyone (the requester too) could approve. */
export const NO_REQUESTER = 'is required with requireApproval: the approver must be someone other than the requester';

function buildSchemas() {
  /** Atlas project (group) ids, snapshot ids: 24 hex characters. */
  const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hexadecimal Atlas id');
  /** Atlas cluster names, as the API's path parameter pattern has them. */
  const clusterNameSchema = z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9-]*$/,
      'must start with a letter or digit and contain only letters, digits and hyphens',
    );

  /** Durations: seconds as a number, or a string such as "90s", "15m", "2h", "1h30m". */
  const durationSchema = z
    .union([z.number(), z.string()], { error: 'must be a duration such as 90s, 15m, 2h or 1h30m, or seconds' })
    .transform((v, ctx) => {
      const s = typeof v === 'number' ? v : parseDurationS(v);
      if (s === undefined || !Number.isFinite(s) || s < 1 || s > MAX_DURATION_S) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a duration from 1s to 30 days, such as 90s, 15m, 2h or 1h30m`,
        });
        return z.NEVER;
      }
      return s;
    });

  /** The adaptive polling schedule (workflows/polling.ts); seconds. */
  const pollingFields = z.object({
    /** First poll this long after submit. */
    initialS: z.number().min(0.01).max(3600).default(5),
    /** Never wait longer than this between polls. */
    maxS: z.number().min(0.01).max(3600).default(60),
    /** Growth factor of the interval while nothing is known about the restore's length. */
    factor: z.number().min(1).max(10).default(1.5),
    /** Once the expected finish is near, poll at this interval. */
    nearS: z.number().min(0.01).max(3600).default(3),
    /** Use earlier restores of the same target to predict this one's length. */
    learn: z.boolean().default(true),
  });
  const pollingSchema = pollingFields.strict().transform(capped);

  /** A name or note as a start accepts it: bounded, and without controls or bidi overrides (common/text.ts). */
  const cleanText = (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .refine((s) => !hasControls(s), CONTROLS_MESSAGE);
  // The workflow's own parse stays as it was (bounded only): a restore in flight must keep accepting its input.
  const plainText = (max: number) => z.string().trim().min(1).max(max);

  /** The verify step after the job (common/verification.ts); `false` turns it off. */
  const verifyFields = z.object({
    /** How long the target may take to answer, e.g. "10m" (kept as text: the activity reads it). */
    timeout: z
      .string()
      .refine((v) => (parseDurationS(v) ?? 0) >= 1 && (parseDurationS(v) ?? 0) <= 6 * 3600, {
        message: 'must be a duration from 1s to 6h, such as 90s, 10m or 1h',
      })
      .optional(),
    allowEmpty: z.boolean().optional(),
    collections: z
      .array(
        z.object({
          db: z.string().min(1).max(64),
          collection: z.string().min(1).max(255),
          minCount: z.number().int().min(0).optional(),
          maxCount: z.number().int().min(0).optional(),
          indexes: z.array(z.string().min(1).max(128)).max(64).optional(),
        }),
      )
      .max(100)
      .optional(),
    compareWithPrevious: z.object({ maxDropPct: z.number().min(0).max(100) }).optional(),
  });
  const verifySchema = z.union([z.literal(false), verifyFields.strict()]);
  const tolerantVerifySchema = z.union([z.literal(false), verifyFields]);

  const inputFields = <P extends z.ZodType, V extends z.ZodType>(polling: P, text: typeof cleanText, verify: V) => ({
    /** Project of the source cluster (the snapshot's cluster). */
    projectId: objectIdSchema,
    /** Source cluster: the M2/M5 or Flex cluster whose snapshot is restored. */
    clusterName: clusterNameSchema,
    snapshotId: objectIdSchema,
    /** The cluster whose data is deleted and replaced by the snapshot. */
    targetClusterName: clusterNameSchema,
    /** Defaults to projectId. */
    targetProjectId: objectIdSchema.optional(),
    /** Required, and must be `true`: the restore deletes all data on the target. There is no default. */
    acknowledgeDataLoss: z.literal(true, { error: 'must be true: the restore deletes all data on the target cluster' }),
    backend: z.enum(BACKENDS).default('auto'),
    polling: polling.optional(),
    /** Overall deadline from the start of the workflow; default 6h. */
    deadline: durationSchema.optional(),
    /** Wait for an `approve` update before submitting. */
    requireApproval: z.boolean().default(false),
    /** How long to wait for approval; default 1h (within the overall deadline). */
    approvalTimeout: durationSchema.optional(),
    /** Stop after preflight with the plan. */
    dryRun: z.boolean().default(false),
    /** When the restore fails after submit, restore the target from its pre-restore snapshot. */
    rollbackOnFailure: z.boolean().default(false),
    /** Who asked (a person or a system); an approver cannot be the requester. */
    requester: text(NAME_MAX).optional(),
    /** Why: a ticket or a sentence. */
    reason: text(NOTE_MAX).optional(),
    /** Verify the target after the job completes (common/verification.ts); `false`: skip, and the result says so. */
    verify: verify.optional(),
  });

  /** What a start accepts (CLI, client, batch plan): an unknown key is refused, since it is most likely a typo. */
  const RestoreInputSchema = z
    .object(inputFields(pollingSchema, cleanText, verifySchema))
    .strict()
    .refine((v) => !v.requireApproval || v.requester !== undefined, {
      path: ['requester'],
      message: NO_REQUESTER,
    });

  /**
   * What the workflow accepts: the same fields, but unknown keys (at any level) are dropped rather than refused. A
   * running or continued restore must keep accepting the input it was started with after a later build adds an optional
   * field, or after an older client sent one this build no longer knows; the start already refused typos.
   */
  const TolerantRestoreInputSchema = z.object(
    inputFields(pollingFields.transform(capped), plainText, tolerantVerifySchema),
  );
  return {
    pollingSchema,
    RestoreInputSchema,
    TolerantRestoreInputSchema,
    objectIdSchema,
    clusterNameSchema,
    cleanText,
    verifyFields,
  };
}

/**
 * The request's schemas: `RestoreInputSchema` for what a start accepts (CLI, client, batch plan: unknown keys refused),
 * `TolerantRestoreInputSchema` for the workflow (unknown keys dropped). Preloaded by the worker: common/preload-safe.ts.
 */
export const inputSchemas = preloadSafe(buildSchemas);
type Schemas = ReturnType<typeof inputSchemas>;
export type PollingPolicy = z.output<Schemas['pollingSchema']>;
export type RestoreInput = z.input<Schemas['RestoreInputSchema']>;
export type ValidRestoreInput = z.output<Schemas['RestoreInputSchema']>;

export const DEFAULT_DEADLINE_S = 6 * 3600;
/** Waiting longer for an approver than this is rarely what a runbook wants; the overall deadline still applies. */
export const DEFAULT_APPROVAL_TIMEOUT_S = 3600;

/** One readable sentence per problem, each naming the field: what a runbook operator needs to fix the call. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.length ? i.path.join('.') : '(input)';
      if (i.code === 'unrecognized_keys')
        return `${i.path.length ? `${field}: ` : ''}unknown field(s) ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      // zod 4 leaves the input off its issues; its message says what was received.
      if (i.code === 'invalid_type' && /received undefined$/.test(i.message)) return `${field}: is required`;
      return `${field}: ${i.message}`;
    })
    .join('; ');
}

/** The workflow id: one restore per target at a time (target project + target cluster). */
export function restoreWorkflowId(input: {
  projectId: string;
  targetProjectId?: string;
  targetClusterName: string;
}): string {
  return `atlas-restore-${input.targetProjectId ?? input.projectId}-${input.targetClusterName}`;
}

/** The target cluster named by a restore workflow id (see restoreWorkflowId), for log lines. */
export function targetFromWorkflowId(workflowId: string): string | undefined {
  return /^atlas-restore-[a-f0-9]{24}-([a-zA-Z0-9][a-zA-Z0-9-]*)$/.exec(workflowId)?.[1];
}
