// Generates atlas/generated/*.d.ts from the official OpenAPI subsets vendored in atlas/spec with openapi-typescript, and
// puts a header on each file that says where it came from, so a reviewer can tell a regenerated file from an edited
// one. Run from the repo root: `node atlas/generate-types.mjs` (what `npm run gen:atlas-types` should call).
// atlas/schemas.ts checks its zod schemas against these types at compile time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const shared = resolve(repo, 'atlas/spec');
if (!existsSync(shared)) {
  console.error(
    `The official Atlas OpenAPI files are missing: expected them in ${shared} (atlas/spec, see its PROVENANCE.md).`,
  );
  process.exit(1);
}

const FILES = [
  ['atlas-admin-api.restore-subset.openapi.json', 'restore-subset.d.ts'],
  ['atlas-admin-api.flex-cluster.latest.openapi.json', 'flex-latest.d.ts'],
  ['atlas-admin-api.drill-subset.openapi.json', 'drill-subset.d.ts'],
];
const tool = JSON.parse(readFileSync(join(repo, 'node_modules/openapi-typescript/package.json'), 'utf8'));

for (const [input, output] of FILES) {
  const file = join(shared, input);
  const text = readFileSync(file, 'utf8');
  const spec = JSON.parse(text);
  const source = spec['x-trimmed-subset'] ?? {};
  const ast = await openapiTS(spec);
  const header = [
    '/**',
    ' * GENERATED FILE - do not edit. Regenerate with `npm run gen:atlas-types` (node atlas/generate-types.mjs).',
    ` * Generator: openapi-typescript ${tool.version}, default options.`,
    ` * Input: atlas/spec/${input} (sha256 ${createHash('sha256').update(text).digest('hex')})`,
    ` * Spec source: ${source.carrierRepo ?? '?'} ${source.carrierPath ?? ''} @ ${source.carrierCommit ?? '?'} (${source.carrierCommitDate ?? '?'}),`,
    ` *   upstream ${source.upstreamRepo ?? '?'} x-xgen-sha ${source.upstreamXXgenSha ?? spec.info?.['x-xgen-sha'] ?? '?'}`,
    ' */',
    '',
  ].join('\n');
  const target = join(here, 'generated', output);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, header + astToString(ast));
  console.log(`wrote ${relative(repo, target)}`);
}
