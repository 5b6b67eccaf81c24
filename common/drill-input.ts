// The drill's input as the workflow (and the CLI, before it creates a schedule) parses it, the scratch cluster's name,
// and the workflow ids a drill's runs have. Workflow-safe (no Node imports).
import { z } from 'zod';
import type { DrillInput } from './drill';
import { SA } from './constants';
import { DRILL_NAME_PATTERN, DRILL_TAG_KEY, DRILL_WORKFLOW_TYPE, drillScheduleId } from './drill';
import { DEFAULT_DEADLINE_S, describeIssues, inputSchemas, parseDurationS } from './input';
import { preloadSafe } from './preload-safe';
import { CONTROLS_MESSAGE, hasControls, NAME_MAX } from './text';
import type { VerifySettings } from './verification';

/** A drill shorter than this cannot create, restore, verify and delete a cluster. */
const MIN_DEADLINE_S = 60;

function build() {
  const { objectIdSchema, clusterNameSchema, verifyFields } = inputSchemas();
  const duration = (what: string, min: number) =>
    z
      .string()
      .refine(
        (v) => (parseDurationS(v) ?? 0) >= min,
        `must be a duration of at least ${min}s for ${what}, such as 90s, 15m, 2h`,
      );
  return z
    .object({
      name: z.string().regex(DRILL_NAME_PATTERN, 'must be lower-case letters, digits and -, at most 40 characters'),
      projectId: objectIdSchema,
      clusterName: clusterNameSchema,
      scratchProjectId: objectIdSchema.optional(),
      snapshotId: objectIdSchema.optional(),
      minAge: duration('minAge', 1).optional(),
      providerName: z.enum(['AWS', 'AZURE', 'GCP']).optional(),
      region: z
        .string()
        .regex(/^[A-Z0-9_]{1,64}$/, 'must be an Atlas region name such as US_EAST_1')
        .optional(),
      // A drill proves the data came back: `verify: false` is refused here, with the reason.
      verify: z
        .union([verifyFields.strict(), z.literal(false)])
        .refine((v) => v !== false, 'a drill always verifies its restore: verify: false is refused')
        .optional(),
      deadline: duration('a drill', MIN_DEADLINE_S).optional(),
      requester: z
        .string()
        .trim()
        .min(1)
        .max(NAME_MAX)
        .refine((s) => !hasControls(s), CONTROLS_MESSAGE)
        .optional(),
    })
    .strict()
    .refine((v) => !(v.snapshotId && v.minAge), { path: ['minAge'], message: 'give snapshotId or minAge, not both' });
}

const drillInputSchema = preloadSafe(build);

/** The drill input, validated, with its defaults. */
export interface ResolvedDrill extends Omit<DrillInput, 'verify' | 'deadline' | 'minAge'> {
  scratchProjectId: string;
  verify: VerifySettings;
  deadlineS: number;
  minAgeS?: number;
}

export function parseDrillInput(raw: unknown): { ok: true; drill: ResolvedDrill } | { ok: false; problems: string } {
  const r = drillInputSchema().safeParse(raw);
  if (!r.success) return { ok: false, problems: describeIssues(r.error) };
  const { verify, deadline, minAge, ...rest } = r.data;
  return {
    ok: true,
    drill: {
      ...rest,
      scratchProjectId: rest.scratchProjectId ?? rest.projectId,
      verify: verify || {},
      deadlineS: deadline ? parseDurationS(deadline)! : DEFAULT_DEADLINE_S,
      ...(minAge ? { minAgeS: parseDurationS(minAge)! } : {}),
    },
  };
}

/**
 * The workflow ids a drill's runs have: its schedule id, alone or with the `-<fire time>` Temporal appends (to the
 * action's workflow id: the schedule id, or the SDK's default `<schedule id>-workflow`).
 */
export function isDrillWorkflowId(workflowId: string, drill: string): boolean {
  const base = drillScheduleId(drill);
  if (workflowId === base) return true;
  if (!workflowId.startsWith(`${base}-`)) return false;
  return /^(?:workflow-)?\d{4}-\d{2}-\d{2}T[0-9:.]+Z$/.test(workflowId.slice(base.length + 1));
}

/** The RestoreRequestDigest value of a drill's runs: what finds them (a drill adds no Keyword attribute of its own). */
export const drillDigest = (name: string): string => `drill:${name}`;

/** Cluster names: at most 64 characters (the restore input's limit), the API's pattern. */
const NAME_MAX_LEN = 64;

/** `drill-<source>-<yyyymmddhhmm>` (UTC), the source cut so the whole fits the API's pattern and length. */
export function scratchClusterName(source: string, atMs: number): string {
  const stamp = new Date(atMs).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  const room = NAME_MAX_LEN - 'drill-'.length - 1 - stamp.length;
  const src = source
    .replace(/[^a-zA-Z0-9-]/g, '-')
    .slice(0, room)
    .replace(/-+$/, '');
  return `drill-${src || 'source'}-${stamp}`;
}

/**
 * How a drill run is started (a schedule's action, `drill run`, tests): its type, id, the UI's static summary and
 * details, and the search attributes known before it runs (the workflow upserts the rest). Workflow-safe.
 */
export function drillStartOptions(d: DrillInput) {
  const scratchProject = d.scratchProjectId ?? d.projectId;
  return {
    workflowType: DRILL_WORKFLOW_TYPE,
    workflowId: drillScheduleId(d.name),
    staticSummary: `Restore drill ${d.name}: ${d.clusterName} → scratch Flex cluster, verify, delete`,
    staticDetails: [
      `**Atlas restore drill** \`${d.name}\` (restores into a scratch cluster it creates, then deletes it)`,
      `- source: \`${d.clusterName}\` in project \`${d.projectId}\``,
      `- snapshot: ${d.snapshotId ? `\`${d.snapshotId}\`` : d.minAge ? `newest COMPLETED at least ${d.minAge} old` : 'newest COMPLETED'}`,
      `- scratch clusters: \`drill-${d.clusterName}-<yyyymmddhhmm>\` in project \`${scratchProject}\`, tagged \`${DRILL_TAG_KEY}=${d.name}\``,
      `- deadline: ${d.deadline ?? '6h'}; requester: ${d.requester ?? 'unknown'}`,
    ].join('\n'),
    typedSearchAttributes: [
      { key: SA.projectId, value: d.projectId },
      { key: SA.sourceCluster, value: d.clusterName },
      { key: SA.requestDigest, value: drillDigest(d.name) },
    ],
  };
}
