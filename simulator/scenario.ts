// Scenario files for `atlas-restore simulator --scenario <file>`: the world (projects, clusters, snapshots),
// credentials, rate limit, restore timing, faults, era and seed, in JSON or YAML. Validated with zod; an error names
// the field by path and, since JSON is YAML too, the line it is on. POST /__sim/world takes the `projects`/`snapshots`
// part of the same format (WorldAdditionSchema).
import { readFileSync } from 'node:fs';
import { isMap, isNode, isPair, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { JOB_STATUSES } from '../atlas/schemas';
import { FaultRuleSchema } from './faults';
import type { SimulatorOptions } from './server';
import type { SimCluster, SimSnapshot, World } from './world';
import { CLUSTER_NAME, OBJECT_ID } from './world';

const objectId = z.string().regex(OBJECT_ID, 'must be a 24-hex-digit id');
const version = z.string().regex(/^\d+\.\d+\.\d+$/, 'must look like 8.0.4');
const role = z.enum(['GROUP_OWNER', 'GROUP_READ_ONLY']).optional();

const SnapshotSpecSchema = z.strictObject({
  id: objectId.optional(),
  status: z.enum(JOB_STATUSES).default('COMPLETED'),
  /** Defaults to the cluster's version. */
  mongoDBVersion: version.optional(),
  /** How long ago the snapshot finished. */
  ageHours: z.number().min(0).default(1),
});

const SIZES = { tenant: /^M(0|2|5)$/, flex: /^FLEX$/, dedicated: /^M\d{2,}$/ } as const;

const ClusterSpecSchema = z
  .strictObject({
    name: z.string().regex(CLUSTER_NAME, 'must start with a letter or digit and hold only letters, digits and -'),
    kind: z.enum(['tenant', 'flex', 'dedicated']).default('tenant'),
    /** M2/M5 (tenant), FLEX, M10+ (dedicated); defaults by kind. */
    instanceSize: z.string().optional(),
    mongoDBVersion: version.default('8.0.4'),
    encryptionAtRestProvider: z.enum(['NONE', 'AWS', 'AZURE', 'GCP']).default('NONE'),
    paused: z.boolean().default(false),
    stateName: z.enum(['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING']).default('IDLE'),
    clusterType: z.enum(['REPLICASET', 'SHARDED']).default('REPLICASET'),
    restoreDurationMs: z.number().int().min(0).optional(),
    restoreOutcome: z.enum(['COMPLETED', 'FAILED']).optional(),
    liveImport: z.boolean().optional(),
    reportsAsTenant: z.boolean().optional(),
    snapshots: z.array(SnapshotSpecSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.instanceSize !== undefined && !SIZES[c.kind].test(c.instanceSize))
      ctx.addIssue({
        code: 'custom',
        path: ['instanceSize'],
        message: `does not fit kind ${c.kind} (expected ${SIZES[c.kind].source})`,
      });
    if (c.reportsAsTenant && c.kind !== 'tenant')
      ctx.addIssue({ code: 'custom', path: ['reportsAsTenant'], message: 'applies only to kind tenant' });
  });

const ProjectSpecSchema = z.strictObject({
  id: objectId,
  /** A label for people; Atlas identifies projects by id. */
  name: z.string().optional(),
  clusters: z.array(ClusterSpecSchema).default([]),
});

/** Snapshots for clusters that already exist (or are declared in the same file). */
const SnapshotRefSchema = SnapshotSpecSchema.extend({ groupId: objectId, clusterName: z.string() });

export const WorldAdditionSchema = z.strictObject({
  projects: z.array(ProjectSpecSchema).default([]),
  snapshots: z.array(SnapshotRefSchema).default([]),
});

export const ScenarioSchema = WorldAdditionSchema.extend({
  era: z.enum(['legacy', 'current']).default('legacy'),
  /** Seeds ids and probabilistic faults, so a run replays. */
  seed: z.number().int().optional(),
  /** Also build the demo world (simulator/demo-world.ts). */
  demo: z.boolean().default(false),
  sunsetStatus: z.union([z.literal(410), z.literal(404)]).optional(),
  defaultRestoreMs: z.number().int().min(0).optional(),
  restorePhases: z.strictObject({ pendingMs: z.number().int().min(0), queuedMs: z.number().int().min(0) }).optional(),
  /** Flex cluster lifecycle (drills): CREATING and DELETING times, and the project's cluster limit. */
  flexClusters: z
    .strictObject({
      createMs: z.number().int().min(0).optional(),
      deleteMs: z.number().int().min(0).optional(),
      maxPerProject: z.number().int().min(1).optional(),
    })
    .optional(),
  credentials: z
    .strictObject({
      apiKeys: z
        .array(z.strictObject({ publicKey: z.string().min(1), privateKey: z.string().min(1), role }))
        .optional(),
      serviceAccounts: z
        .array(z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(1), role }))
        .optional(),
      accessTokens: z.array(z.strictObject({ token: z.string().min(1), role })).optional(),
      tokenTtlS: z.number().int().min(1).optional(),
    })
    .optional(),
  rateLimit: z
    .strictObject({
      capacity: z.number().int().min(1),
      refillRate: z.number().positive(),
      refillSeconds: z.number().positive(),
    })
    .optional(),
  faults: z.array(FaultRuleSchema).default([]),
}).superRefine((s, ctx) => {
  const declared = new Set(s.projects.flatMap((p) => p.clusters.map((c) => `${p.id}/${c.name}`)));
  const seen = new Set<string>();
  s.projects.forEach((p, i) =>
    p.clusters.forEach((c, j) => {
      const key = `${p.id}/${c.name}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'clusters', j, 'name'],
          message: `duplicates cluster ${c.name} of project ${p.id}`,
        });
      seen.add(key);
    }),
  );
  s.snapshots.forEach((r, i) => {
    if (!declared.has(`${r.groupId}/${r.clusterName}`))
      ctx.addIssue({
        code: 'custom',
        path: ['snapshots', i, 'clusterName'],
        message: `names no cluster declared under projects (${r.groupId}/${r.clusterName})`,
      });
  });
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type WorldAddition = z.infer<typeof WorldAdditionSchema>;

export interface ScenarioIssue {
  /** e.g. projects[0].clusters[1].kind */
  field: string;
  message: string;
  line?: number;
}

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(
      `scenario ${file} is invalid:\n${issues.map((i) => `  ${i.field || '(top level)'}${i.line ? ` (line ${i.line})` : ''}: ${i.message}`).join('\n')}`,
    );
  }
}

export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/** Reads and validates a scenario file (.json, .yaml or .yml). */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [
      { field: '', message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` },
    ]);
  }
  return parseScenario(text, file);
}

/** Validates scenario text; `file` only names it in errors. */
function parseScenario(text: string, file = 'scenario'): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length)
    throw new ScenarioError(
      file,
      doc.errors.map((e) => ({ field: '', message: e.message.split('\n')[0], line: e.linePos?.[0].line })),
    );
  const parsed = ScenarioSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  throw new ScenarioError(
    file,
    parsed.error.issues.map((i) => {
      // An unknown key is reported at its own place, so the line points at the typo.
      const path = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
      return { field: fieldPath(path), message: i.message, line: lineOf(doc, lineCounter, path) };
    }),
  );
}

/** The line of the deepest node on `path` that exists (a missing key points at its parent). */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const keys = path.slice(0, n) as (string | number)[];
    const node = keys.length ? doc.getIn(keys, true) : doc.contents;
    if (isNode(node) && node.range) {
      // For a map value, point at its key: that is the line a reader looks for.
      const parent = keys.length ? (keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents) : undefined;
      const pair = isMap(parent)
        ? parent.items.find(
            (it) =>
              isPair(it) &&
              isNode(it.key) &&
              String((it.key as { value?: unknown }).value) === String(keys[keys.length - 1]),
          )
        : undefined;
      const keyNode = pair && isNode(pair.key) ? pair.key : undefined;
      return lc.linePos((keyNode?.range ?? node.range)[0]).line;
    }
  }
  return undefined;
}

/** Adds projects, clusters and snapshots to the world; returns what was added. Throws on an unknown cluster. */
export function addToWorld(
  world: World,
  a: WorldAddition,
  nowMs = Date.now(),
): { clusters: { groupId: string; name: string }[]; snapshots: SimSnapshot[] } {
  const clusters: { groupId: string; name: string }[] = [];
  const snapshots: SimSnapshot[] = [];
  const snap = (groupId: string, c: SimCluster, s: z.infer<typeof SnapshotSpecSchema>): void => {
    const finish = nowMs - s.ageHours * 3_600_000;
    snapshots.push(
      world.addSnapshot(
        {
          groupId,
          clusterName: c.name,
          ...(s.id ? { id: s.id } : {}),
          status: s.status,
          mongoDBVersion: s.mongoDBVersion ?? c.mongoDBVersion,
          scheduledTime: new Date(finish - 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          startTime: new Date(finish - 300_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          finishTime: new Date(finish).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
        nowMs,
      ),
    );
  };
  for (const p of a.projects) {
    world.addProject(p.id);
    for (const { snapshots: snaps, ...spec } of p.clusters) {
      const c = world.addCluster({ ...spec, groupId: p.id });
      clusters.push({ groupId: p.id, name: c.name });
      for (const s of snaps) snap(p.id, c, s);
    }
  }
  for (const { groupId, clusterName, ...s } of a.snapshots) {
    const c = world.cluster(groupId, clusterName);
    if (!c) throw new Error(`snapshot for unknown cluster ${clusterName} in project ${groupId}`);
    snap(groupId, c, s);
  }
  return { clusters, snapshots };
}

/** Simulator options for a scenario (faults are added after start: see simulator/main.ts). */
export function scenarioOptions(s: Scenario, world: World): SimulatorOptions {
  if (s.defaultRestoreMs !== undefined) world.defaultRestoreMs = s.defaultRestoreMs;
  if (s.restorePhases) world.phases = s.restorePhases;
  const f = s.flexClusters;
  if (f?.createMs !== undefined) world.flexCreateMs = f.createMs;
  if (f?.deleteMs !== undefined) world.flexDeleteMs = f.deleteMs;
  if (f?.maxPerProject !== undefined) world.maxClustersPerProject = f.maxPerProject;
  return {
    era: s.era,
    world,
    credentials: s.credentials,
    rateLimit: s.rateLimit,
    seed: s.seed,
    sunsetStatus: s.sunsetStatus,
  };
}
