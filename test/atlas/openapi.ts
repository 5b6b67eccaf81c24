// Validates bodies against the official OpenAPI 3.0 files with ajv 8. The documents are compiled by reference (the
// getGroupCluster schemas are cyclic, so they cannot be dereferenced), after four adaptations, each for a stated reason:
// 1. discriminator + oneOf (CloudRegionConfig20240805, ...) becomes an if/then per mapping entry: OpenAPI picks the
//    alternative by the discriminator, while plain oneOf would count a TENANT region as AWS too (the alternatives only
//    add optional fields). ajv's own `discriminator` option does not fit: the alternatives are allOf compositions.
// 2. Each such alternative's allOf back-reference to its parent points at the parent without the oneOf: otherwise
//    validating parent → alternative → parent → ... never ends on the same data.
// 3. A oneOf without discriminator (HardwareSpec20240805, region names) is read as anyOf: its alternatives overlap
//    (M10 is an AWS, an Azure and a GCP size), so a real Atlas body matches several.
// 4. readOnly/writeOnly: a writeOnly field is not required in a response, a readOnly one not in a request.
// 5. `type: object` beside a oneOf of string enums (regionName) is dropped: no value satisfies both, Atlas sends a
//    string, and openapi-typescript reads it as the string union too.
// `nullable` is native to ajv; `example` and other annotations are ignored with strict: false; int32/int64/float/double
// are accepted as annotations; the `u`-flag pattern of targetDeploymentItemName works with ajv's default unicodeRegExp.
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenApiDoc, SpecName } from './spec-files';
import { loadSpec } from './spec-files';

type Json = Record<string, unknown>;
export type Direction = 'response' | 'request';

const REF = '#/components/schemas/';
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A clone of `doc` with the adaptations above. */
function prepareSpec(source: OpenApiDoc, direction: Direction): OpenApiDoc {
  const doc = structuredClone(source);
  const schemas = doc.components.schemas;
  for (const [name, s] of Object.entries({ ...schemas })) {
    const alternatives = (Array.isArray(s.oneOf) ? s.oneOf : []) as Json[];
    const children = alternatives.map((a) =>
      typeof a.$ref === 'string' ? schemas[a.$ref.slice(REF.length)] : undefined,
    );
    const backRefs = children.filter(
      (c): c is Json => !!c && Array.isArray(c.allOf) && (c.allOf as Json[]).some((x) => x.$ref === REF + name),
    );
    if (!backRefs.length) continue;
    const { oneOf: _o, anyOf: _a, discriminator: _d, ...base } = s;
    schemas[`${name}__base`] = base;
    for (const c of backRefs)
      c.allOf = (c.allOf as Json[]).map((x) => (x.$ref === REF + name ? { $ref: `${REF}${name}__base` } : x));
  }
  walk(doc, (node) => adapt(node, direction));
  return doc;
}

function walk(node: unknown, fn: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, fn));
  else if (isObj(node)) {
    fn(node);
    Object.values(node).forEach((v) => walk(v, fn));
  }
}

function adapt(node: Json, direction: Direction): void {
  const alternatives = (node.oneOf ?? node.anyOf) as Json[] | undefined;
  if (node.type === 'object' && alternatives?.length && alternatives.every((a) => a.type === 'string'))
    delete node.type;
  const d = node.discriminator;
  if (isObj(d) && Array.isArray(node.oneOf)) {
    const prop = String(d.propertyName);
    const mapping = isObj(d.mapping)
      ? (d.mapping as Record<string, string>)
      : Object.fromEntries((node.oneOf as Json[]).map((a) => [String(a.$ref).slice(REF.length), String(a.$ref)]));
    node.allOf = [
      ...((node.allOf as Json[] | undefined) ?? []),
      ...Object.entries(mapping).map(([value, $ref]) => ({
        if: { properties: { [prop]: { const: value } }, required: [prop] },
        then: { $ref },
      })),
    ];
    delete node.oneOf;
  } else if (Array.isArray(node.oneOf)) {
    node.anyOf = node.oneOf;
    delete node.oneOf;
  }
  delete node.discriminator;
  if (Array.isArray(node.required) && isObj(node.properties)) {
    const props = node.properties as Record<string, Json>;
    const skip = direction === 'response' ? 'writeOnly' : 'readOnly';
    node.required = (node.required as string[]).filter((k) => props[k]?.[skip] !== true);
  }
}

const pointer = (...parts: string[]): string =>
  parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export interface ResponseCheck {
  /** False when the spec declares no response for this status (then ApiError is used, for an error status). */
  declared: boolean;
  /** Which schema was used, for messages. */
  schema: string;
  errors: string[];
}

export class SpecValidator {
  readonly doc: OpenApiDoc;
  readonly #ajv: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();
  readonly #key: string;

  constructor(
    readonly name: SpecName,
    direction: Direction = 'response',
  ) {
    this.doc = prepareSpec(loadSpec(name), direction);
    this.#ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.#ajv);
    for (const f of ['int32', 'int64', 'float', 'double']) this.#ajv.addFormat(f, true);
    this.#key = `https://atlas-restore.test/${name}-${direction}.json`;
    this.#ajv.addSchema(this.doc as object, this.#key);
  }

  #compile(ptr: string): ValidateFunction {
    let v = this.#cache.get(ptr);
    if (!v) {
      v = this.#ajv.compile({ $ref: `${this.#key}#${ptr}` });
      this.#cache.set(ptr, v);
    }
    return v;
  }

  /** Errors of `data` against components.schemas[name]. */
  schema(name: string, data: unknown): string[] {
    const v = this.#compile(`/${pointer('components', 'schemas', name)}`);
    return v(data) ? [] : format(v.errors);
  }

  /** The operation (path template and method) with this operationId, if this document has it. */
  operation(operationId: string): { path: string; method: string } | undefined {
    for (const [p, item] of Object.entries(this.doc.paths))
      for (const [method, op] of Object.entries(item))
        if (isObj(op) && op.operationId === operationId) return { path: p, method };
    return undefined;
  }

  /**
   * Checks a response body against the schema the operation declares for `status` and `mediaType`. A status the spec
   * does not declare (410, and 400 on getGroupCluster, which Atlas does send) falls back to ApiError for >= 400.
   */
  response(operationId: string, status: number, mediaType: string, body: unknown): ResponseCheck {
    const op = this.operation(operationId);
    if (!op) throw new Error(`${this.name}: no operation ${operationId}`);
    const responses = (this.doc.paths[op.path][op.method].responses ?? {}) as Record<string, Json>;
    let response = responses[String(status)];
    let ptr = ['paths', op.path, op.method, 'responses', String(status)];
    if (response && typeof response.$ref === 'string') {
      ptr = response.$ref.slice(2).split('/');
      response = this.doc.components.responses[ptr[2]] as Json;
    }
    if (!response) {
      if (status < 400)
        return { declared: false, schema: '(none)', errors: [`${operationId} declares no ${status} response`] };
      return {
        declared: false,
        schema: 'ApiError (fallback)',
        errors: mediaType === 'application/json' ? this.schema('ApiError', body) : [`error media type ${mediaType}`],
      };
    }
    const content = (response.content ?? {}) as Record<string, Json>;
    if (!content[mediaType])
      return {
        declared: true,
        schema: '(none)',
        errors: [`${operationId} ${status} declares ${Object.keys(content).join(', ')}, not ${mediaType}`],
      };
    const schema = content[mediaType].schema as Json;
    const v = this.#compile(`/${pointer(...ptr, 'content', mediaType, 'schema')}`);
    return { declared: true, schema: String(schema.$ref ?? 'inline'), errors: v(body) ? [] : format(v.errors) };
  }
}

function format(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const validators = new Map<string, SpecValidator>();
/** One compiled validator per document and direction (compiling the spec takes a moment). */
export function validatorFor(name: SpecName, direction: Direction = 'response'): SpecValidator {
  const key = `${name}:${direction}`;
  let v = validators.get(key);
  if (!v) validators.set(key, (v = new SpecValidator(name, direction)));
  return v;
}
