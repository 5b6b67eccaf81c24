// What each activity accepts, built from the request's own schemas (common/input.ts): an activity is a door anyone on
// the namespace can knock on (issue 21), so it parses its input as strictly as a start does. Unknown keys are kept
// (a newer workflow may send a field this build ignores); every known one must be valid.
import { z } from 'zod';
import { OUTCOMES } from '../common/constants';
import { RESTORE_EVENT_TYPES } from '../common/events';
import { BACKENDS, describeIssues, inputSchemas } from '../common/input';
import { drillSchemas } from './drill-schemas';

/** ISO timestamps as the workflows write them (workflow time). */
const isoSchema = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO timestamp');

function build() {
  const { objectIdSchema, clusterNameSchema, verifyFields } = inputSchemas();
  const backend = z.enum(['tenant', 'flex']);
  const target = {
    projectId: objectIdSchema,
    clusterName: clusterNameSchema,
    snapshotId: objectIdSchema,
    targetProjectId: objectIdSchema,
    targetClusterName: clusterNameSchema,
  };
  const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be an Atlas job id');
  return {
    preflight: z.looseObject({
      ...target,
      backend: z.enum(BACKENDS),
      rollbackOnFailure: z.boolean(),
    }),
    // knownJobIds: the baseline of workflows/submit.ts (the jobs of this request that are not ours).
    submit: z.looseObject({
      ...target,
      backend,
      notBefore: isoSchema,
      knownJobIds: z.array(jobId).max(1000).optional(),
    }),
    jobRef: z.looseObject({
      backend,
      projectId: objectIdSchema,
      clusterName: clusterNameSchema,
      // It goes into a URL path: Atlas ids are hexadecimal; letters, digits, - and _ cover the simulator's too.
      jobId,
    }),
    decision: z.looseObject({
      action: z.enum(['approve', 'reject']),
      signed: z.object({ statement: z.string().max(2000), signature: z.string().max(10_000) }).optional(),
    }),
    history: z.looseObject({ targetProjectId: objectIdSchema, targetClusterName: clusterNameSchema }),
    verify: z.looseObject({
      projectId: objectIdSchema,
      clusterName: clusterNameSchema,
      targetProjectId: objectIdSchema,
      targetClusterName: clusterNameSchema,
      settings: verifyFields,
      workflowId: z.string().max(300).optional(),
    }),
    event: z.looseObject({
      id: z.string().max(400),
      type: z.enum(RESTORE_EVENT_TYPES),
      occurredAt: isoSchema,
      workflowId: z.string().max(300),
      runId: z.string().max(100),
      outcome: z.enum(OUTCOMES).optional(),
      reason: z.string().max(4000).optional(),
      targetProjectId: objectIdSchema,
      targetClusterName: clusterNameSchema,
      restoreJobId: z.string().max(100).optional(),
      durationS: z.number().min(0).optional(),
    }),
    ...drillSchemas(objectIdSchema, clusterNameSchema, isoSchema),
  };
}

let built: ReturnType<typeof build> | undefined;
const activitySchemas = (): ReturnType<typeof build> => (built ??= build());
export type ActivitySchema = keyof ReturnType<typeof build>;

/** Parses; on failure returns the sentence naming every bad field. */
export function parseActivityInput<K extends ActivitySchema>(
  k: K,
  raw: unknown,
): { ok: true; value: z.output<ReturnType<typeof build>[K]> } | { ok: false; problems: string } {
  const r = activitySchemas()[k].safeParse(raw);
  return r.success
    ? { ok: true, value: r.data as z.output<ReturnType<typeof build>[K]> }
    : { ok: false, problems: describeIssues(r.error) };
}
