// The one place tests find the shared reference files: the official OpenAPI subsets in ../shared/atlas and the seed
// document (the original v1.0 tenant restore page, with example bodies) in ../shared/seed, both relative to the repo
// root. A missing folder fails with a message that says what is expected where.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SPEC_FILES = {
  subset: 'atlas-admin-api.restore-subset.openapi.json',
  latest: 'atlas-admin-api.flex-cluster.latest.openapi.json',
  drill: 'atlas-admin-api.drill-subset.openapi.json',
} as const;
export type SpecName = keyof typeof SPEC_FILES;

/** A parsed OpenAPI 3.0 document (only the parts the tests walk are typed). */
export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, unknown>; requestBody?: unknown }>
  >;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, Record<string, unknown>> };
  [k: string]: unknown;
}

function sharedDir(name: 'atlas' | 'seed', expected: string): string {
  const dir = path.resolve(__dirname, '../../../shared', name);
  if (!existsSync(dir))
    throw new Error(
      `Reference files missing: expected ${expected} in ${dir} (../shared/${name} relative to the repo root). Check out the shared folder next to the repo.`,
    );
  return dir;
}

function sharedAtlasDir(): string {
  const dir = sharedDir('atlas', 'the official Atlas OpenAPI subsets');
  for (const f of Object.values(SPEC_FILES))
    if (!existsSync(path.join(dir, f)))
      throw new Error(`Reference file missing: ${path.join(dir, f)} (an official Atlas OpenAPI subset).`);
  return dir;
}

const specs = new Map<SpecName, OpenApiDoc>();
/** A fresh parse is cached; callers must not mutate it (the validator clones before preparing). */
export function loadSpec(name: SpecName): OpenApiDoc {
  let doc = specs.get(name);
  if (!doc) {
    doc = JSON.parse(readFileSync(path.join(sharedAtlasDir(), SPEC_FILES[name]), 'utf8')) as OpenApiDoc;
    specs.set(name, doc);
  }
  return doc;
}

export interface SeedExamples {
  /** The body of the seed's curl request to POST /api/atlas/v1.0/.../backup/tenant/restore. */
  request: Record<string, unknown>;
  /** The 200 response example. */
  response200: Record<string, unknown>;
  /** Error response examples by status. */
  errors: Record<number, Record<string, unknown>>;
}

/** The JSON bodies of the seed document, found after its (Chinese) headings "请求示例" and "响应示例 (NNN)". */
export function seedExamples(): SeedExamples {
  const dir = sharedDir('seed', 'the seed document (*.txt)');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`Reference file missing: no *.txt seed document in ${dir}.`);
  const text = readFileSync(path.join(dir, file), 'utf8');
  const out: SeedExamples = { request: {}, response200: {}, errors: {} };
  for (const m of text.matchAll(/(请求示例|响应示例 \((\d{3})\))/g)) {
    const body = jsonAfter(text, m.index + m[0].length);
    if (!m[2]) out.request = body;
    else if (m[2] === '200') out.response200 = body;
    else out.errors[Number(m[2])] = body;
  }
  if (!Object.keys(out.request).length || !Object.keys(out.response200).length)
    throw new Error(`The seed document ${file} has no request or 200 example.`);
  return out;
}

/** Parses the brace-balanced JSON object that starts at the first `{` after `from`. */
function jsonAfter(text: string, from: number): Record<string, unknown> {
  const start = text.indexOf('{', from);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>;
  }
  throw new Error(`unbalanced JSON in the seed document at offset ${start}`);
}
