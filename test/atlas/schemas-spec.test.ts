// The client's zod schemas against the official spec: they accept every official example (assembled from the spec's
// `example` values, the shared error examples, and the seed document's bodies), and every field they read exists in
// the spec with a compatible enum. The field walk repeats at run time what atlas/schemas.ts checks at compile time,
// and also covers CloudRegionConfig20240805, whose generated type is `any` (a cyclic schema).
import type { z } from 'zod';
import {
  ApiErrorSchema,
  ClusterSchema,
  DatabaseUserSchema,
  FlexClusterSchema,
  FlexRestoreJobSchema,
  paginated,
  SnapshotSchema,
  TenantRestoreSchema,
} from '../../atlas/schemas';
import { validatorFor } from './openapi';
import type { OpenApiDoc, SpecName } from './spec-files';
import { loadSpec, seedExamples } from './spec-files';
import { exampleOf } from './spec-examples';

type Json = Record<string, unknown>;

const PAIRS: [string, z.ZodType, SpecName[]][] = [
  ['TenantRestore', TenantRestoreSchema, ['subset']],
  ['PaginatedTenantRestoreView', paginated(TenantRestoreSchema), ['subset']],
  ['BackupTenantSnapshot', SnapshotSchema, ['subset']],
  ['PaginatedTenantSnapshotView', paginated(SnapshotSchema), ['subset']],
  ['FlexBackupRestoreJob20241113', FlexRestoreJobSchema, ['subset', 'latest']],
  ['PaginatedApiAtlasFlexBackupRestoreJob20241113View', paginated(FlexRestoreJobSchema), ['subset', 'latest']],
  ['FlexBackupSnapshot20241113', SnapshotSchema, ['subset', 'latest']],
  ['PaginatedApiAtlasFlexBackupSnapshot20241113View', paginated(SnapshotSchema), ['subset', 'latest']],
  ['ClusterDescription20240805', ClusterSchema, ['subset', 'latest']],
  ['FlexClusterDescription20241113', FlexClusterSchema, ['subset', 'latest', 'drill']],
  ['PaginatedFlexClusters20241113', paginated(FlexClusterSchema), ['drill']],
  ['CloudDatabaseUser', DatabaseUserSchema, ['drill']],
  ['ApiError', ApiErrorSchema, ['subset', 'latest', 'drill']],
];
const CASES = PAIRS.flatMap(([name, schema, specs]) => specs.map((spec) => [spec, name, schema] as const));

describe.each(CASES)('%s %s', (spec, name, schema) => {
  test('the zod schema accepts the official example', () => {
    // Shared-tier alternatives of the oneOfs, as a restore source reports them; AWS is covered by the contract test.
    const example = exampleOf(loadSpec(spec), name, {
      prefer: ['TenantRegionConfig20240805', 'TenantHardwareSpec20240805'],
    });
    expect(validatorFor(spec).schema(name, example)).toEqual([]);
    const parsed = schema.safeParse(example);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  test('every field the zod schema reads exists in the spec, with enum values the spec allows', () => {
    expect(mismatches(schema, loadSpec(spec), { $ref: `#/components/schemas/${name}` }, '')).toEqual([]);
  });
});

test('the seed document: its 200 body parses as TenantRestore, its error bodies as ApiError, its request is valid', () => {
  const seed = seedExamples();
  expect(TenantRestoreSchema.safeParse(seed.response200).success).toBe(true);
  expect(validatorFor('subset').schema('TenantRestore', seed.response200)).toEqual([]);
  expect(Object.keys(seed.errors).map(Number).sort()).toEqual([400, 401, 403, 404, 409, 500]);
  for (const body of Object.values(seed.errors)) expect(ApiErrorSchema.safeParse(body).success).toBe(true);
  expect(validatorFor('subset', 'request').schema('TenantRestore', seed.request)).toEqual([]);
});

test('the spec’s shared error examples (components.responses) parse as ApiError', () => {
  for (const spec of ['subset', 'latest'] as const)
    for (const [name, r] of Object.entries(loadSpec(spec).components.responses)) {
      const example = ((r.content as Json)['application/json'] as Json).example;
      expect([name, ApiErrorSchema.safeParse(example).success]).toEqual([name, true]);
    }
});

/** Zod fields (by path) that the spec schema at `node` lacks, or enum values it does not allow. */
function mismatches(schema: z.ZodType, doc: OpenApiDoc, node: Json, path: string): string[] {
  const def = (schema as unknown as { _zod: { def: Json } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'catch':
    case 'default':
      return mismatches(def.innerType as z.ZodType, doc, node, path);
    case 'array': {
      const items = specAlternatives(doc, node)
        .map((n) => n.items as Json | undefined)
        .filter((n): n is Json => !!n);
      return items.length
        ? items.flatMap((i) => mismatches(def.element as z.ZodType, doc, i, `${path}[]`))
        : [`${path}: not an array in the spec`];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, s]) => {
        const props = specAlternatives(doc, node)
          .map((n) => (n.properties as Record<string, Json> | undefined)?.[k])
          .filter((n): n is Json => !!n);
        if (!props.length) return [`${path}.${k}: not in the spec`];
        const found = props.map((p) => mismatches(s, doc, p, `${path}.${k}`));
        return found.some((m) => m.length === 0) ? [] : found[0];
      });
    case 'enum': {
      const allowed = new Set(specAlternatives(doc, node).flatMap((n) => (Array.isArray(n.enum) ? n.enum : [])));
      return Object.values(def.entries as Record<string, string>)
        .filter((v) => !allowed.has(v))
        .map((v) => `${path}: ${v} is not a spec enum value`);
    }
    default:
      return [];
  }
}

/** The node and everything it can also be: $ref targets, allOf parts, oneOf/anyOf alternatives (cycle-safe). */
function specAlternatives(doc: OpenApiDoc, node: Json, seen = new Set<string>()): Json[] {
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return [];
    seen.add(node.$ref);
    return specAlternatives(doc, doc.components.schemas[node.$ref.split('/').pop()!], seen);
  }
  const parts = [
    ...((node.allOf as Json[]) ?? []),
    ...((node.oneOf as Json[]) ?? []),
    ...((node.anyOf as Json[]) ?? []),
  ];
  return [node, ...parts.flatMap((p) => specAlternatives(doc, p, seen))];
}
