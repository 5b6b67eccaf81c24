// Builds an example object for a component schema out of the spec's own `example` values, the way the Atlas docs
// render a response example: every property (readOnly included: it is a response; writeOnly left out), each from
// its `example`, else its first enum value or a typical value for its type, format or pattern.
import type { OpenApiDoc } from './spec-files';

type Json = Record<string, unknown>;
const REF = '#/components/schemas/';

export interface ExampleOptions {
  /** Alternatives of a oneOf to prefer, by schema name (e.g. TenantRegionConfig20240805 over AWS). */
  prefer?: string[];
}

/** Typical values for the spec's string patterns and formats. */
const BY_PATTERN: [RegExp, string][] = [
  [/a-f0-9\]\{24\}/, '32b6e34b3d91647abb20e7b8'],
  [/\\d\]\+\\\.\[\\d\]\+\\\./, '8.0.4'],
  [/a-zA-Z0-9\]\[a-zA-Z0-9-\]\*/, 'Cluster0'],
  [/\\p\{L\}/, 'Cluster0'],
];
const BY_FORMAT: Record<string, string> = {
  'date-time': '2025-05-04T09:42:00Z',
  date: '2025-05-04',
  uri: 'https://cloud.mongodb.com/api/atlas',
  email: 'someone@example.com',
};

export function exampleOf(doc: OpenApiDoc, name: string, o: ExampleOptions = {}): unknown {
  return build(doc, { $ref: REF + name }, o, []);
}

function build(doc: OpenApiDoc, schema: Json, o: ExampleOptions, stack: string[]): unknown {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.slice(REF.length);
    const seen = stack.filter((s) => s === name).length;
    if (seen >= 2 || stack.length > 14) return undefined;
    const target = doc.components.schemas[name];
    // Re-entering a parent from its own alternative (allOf back-reference): take the parent's fields only.
    const base = seen === 1 ? { ...target, oneOf: undefined, anyOf: undefined } : target;
    return build(doc, base, o, [...stack, name]);
  }
  if ('example' in schema && typeof schema.example !== 'object') return schema.example;
  const alternatives = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  let value: unknown;
  if (alternatives?.length) {
    const preferred = alternatives.find(
      (a) => typeof a.$ref === 'string' && o.prefer?.includes(a.$ref.slice(REF.length)),
    );
    value = build(doc, preferred ?? alternatives[0], o, stack);
    const d = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    const chosen = (preferred ?? alternatives[0]).$ref;
    const key = d && Object.entries(d.mapping ?? {}).find(([, ref]) => ref === chosen)?.[0];
    if (key && isObj(value)) value[d.propertyName] = key;
    if (!isObj(value) || !isObj(schema.properties)) return value;
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => build(doc, s as Json, o, stack));
    value = Object.assign({}, ...parts.filter(isObj), isObj(value) ? value : {});
  }
  if (isObj(schema.properties) || schema.type === 'object') {
    const out: Json = isObj(value) ? { ...value } : {};
    for (const [k, p] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      if (p.writeOnly === true || k in out) continue;
      const v = build(doc, p, o, stack);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (value !== undefined) return value;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema) return schema.default;
  switch (schema.type) {
    case 'array': {
      const item = build(doc, (schema.items ?? {}) as Json, o, stack);
      return item === undefined ? [] : [item];
    }
    case 'string': {
      const pattern =
        typeof schema.pattern === 'string'
          ? BY_PATTERN.find(([re]) => re.test(String(schema.pattern)))?.[1]
          : undefined;
      return pattern ?? BY_FORMAT[String(schema.format)] ?? 'string';
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
  }
  return undefined;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
