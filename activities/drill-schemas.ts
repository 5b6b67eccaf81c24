// What each drill activity accepts (activities/schemas.ts spreads these in): parsed as strictly as the others, since
// anyone on the namespace can schedule an activity. Names as the drill contract allows (common/drill.ts).
import { z } from 'zod';
import { DRILL_NAME_PATTERN, DRILL_OUTCOMES } from '../common/drill';

export function drillSchemas(objectIdSchema: z.ZodString, clusterNameSchema: z.ZodString, isoSchema: z.ZodType) {
  const drill = z.string().regex(DRILL_NAME_PATTERN, 'must be a drill name');
  // The run tag: the drill run's first run id (a UUID).
  const run = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a run id');
  const scratch = { drill, run, projectId: objectIdSchema, name: clusterNameSchema };
  return {
    drillSnapshot: z.looseObject({
      drill,
      projectId: objectIdSchema,
      clusterName: clusterNameSchema,
      snapshotId: objectIdSchema.optional(),
      minAgeS: z
        .number()
        .min(0)
        .max(366 * 86400)
        .optional(),
      providerName: z.enum(['AWS', 'AZURE', 'GCP']).optional(),
      region: z
        .string()
        .regex(/^[A-Z0-9_]{1,64}$/, 'must be an Atlas region name such as US_EAST_1')
        .optional(),
    }),
    drillScratch: z.looseObject(scratch),
    drillCreate: z.looseObject({
      ...scratch,
      providerName: z.enum(['AWS', 'AZURE', 'GCP']),
      regionName: z.string().regex(/^[A-Z0-9_]{1,64}$/, 'must be an Atlas region name such as US_EAST_1'),
    }),
    drillJanitor: z.looseObject({ drill, projectId: objectIdSchema, createdBefore: isoSchema }),
    drillTrend: z.looseObject({ drill }),
    drillEvent: z.looseObject({
      type: z.enum(['drill.passed', 'drill.failed', 'drill.left_behind']),
      occurredAt: isoSchema,
      outcome: z.enum(DRILL_OUTCOMES),
      reason: z.string().max(4000),
      targetProjectId: objectIdSchema,
      targetClusterName: clusterNameSchema,
      restoreJobId: z.string().max(100).optional(),
      durationS: z.number().min(0).optional(),
      drill: z.looseObject({
        name: drill,
        rtoSeconds: z.number().min(0).optional(),
        rpoSeconds: z.number().optional(),
        leftBehind: clusterNameSchema.optional(),
      }),
    }),
  };
}
