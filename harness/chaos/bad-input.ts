// Bad restore requests, generated (fast-check): each is a valid request with exactly one thing wrong, so the field
// the error must name is known. Used by the chaos run (in-process, direct workflow starts and CLI subprocesses) and
// by the property tests in test/input/.
import fc from 'fast-check';
import type { RestoreInput } from '../product/common';
import { BACKENDS, inputSchemas, restoreWorkflowId } from '../product/common';

export interface BadInput {
  input: unknown;
  /** What the error must name: a field path ('polling.maxS'), an unknown key, or '(input)'. */
  field: string;
  why: string;
}

export interface BadCliArgs {
  args: string[];
  /** What stderr must name: the option or field. */
  field: string;
  why: string;
}

const KNOWN_FIELDS: readonly string[] = Object.keys(inputSchemas().RestoreInputSchema.shape);

const HEX = [...'0123456789abcdef'];
const NOT_HEX = ['A', 'F', 'g', 'z', 'x', ' ', '-', '_', '０', 'а', 'é', '\u200b', '\n', '😀', '\u202e'];
/** Characters Atlas's cluster-name pattern (^[a-zA-Z0-9][a-zA-Z0-9-]*$) does not allow, unicode included. */
const NOT_NAME = [
  '_',
  '.',
  ' ',
  '/',
  '%',
  ':',
  '@',
  '#',
  '?',
  '*',
  "'",
  '"',
  'é',
  'ß',
  'ñ',
  '日',
  '😀',
  'Ω',
  '\t',
  '\n',
  '\u200b',
  '\u202e',
  '\u0000',
];

const hexString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...HEX), minLength: min, maxLength: max });
const validName = fc
  .tuple(fc.constantFrom(...'abcxyzABC019'), fc.string({ unit: fc.constantFrom(...'abcxyzABC019-'), maxLength: 20 }))
  .map(([a, b]) => a + b);
const insertAt = (s: string, c: string, i: number) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1));

/** Strings that are not Atlas ids: wrong length, wrong alphabet (uppercase, unicode look-alikes), padding. */
const badObjectId: fc.Arbitrary<string> = fc.oneof(
  hexString(0, 23),
  hexString(25, 48),
  fc.tuple(hexString(23, 23), fc.constantFrom(...NOT_HEX), fc.nat(23)).map(([s, c, i]) => insertAt(s, c, i)),
  fc
    .tuple(hexString(24, 24), fc.constantFrom(...NOT_HEX), fc.nat(23))
    .map(([s, c, i]) => s.slice(0, i) + c + s.slice(i + 1)),
  fc.constantFrom(
    '',
    ' '.repeat(24),
    `${'a'.repeat(24)}\n`,
    ` ${'a'.repeat(24)}`,
    'A'.repeat(24),
    '0x' + 'a'.repeat(22),
  ),
);

/** Names outside Atlas's pattern: empty, too long, a leading hyphen, a character it does not allow, huge. */
const badClusterName: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...'abcxyz019'), minLength: 65, maxLength: 300 }),
  validName.map((s) => `-${s}`),
  fc.tuple(validName, fc.constantFrom(...NOT_NAME), fc.nat(30)).map(([s, c, i]) => insertAt(s, c, i + 1)),
  fc.constantFrom(
    'a'.repeat(100_000),
    'stâging',
    'プロダクション',
    'prod\u202eevil',
    'name\r\nX-Injected: 1',
    '../../etc',
    '%2e%2e',
  ),
);

const BOOLEAN_FIELDS = ['acknowledgeDataLoss', 'requireApproval', 'dryRun', 'rollbackOnFailure'];
const POLLING_KEYS = ['initialS', 'maxS', 'factor', 'nearS', 'learn'];

/** A value of the wrong JSON type for the field (numbers are right for durations, booleans for flags). */
function wrongTypeFor(field: string): fc.Arbitrary<unknown> {
  const others = [fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 })];
  if (BOOLEAN_FIELDS.includes(field))
    return fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant({}), ...others);
  if (field === 'deadline' || field === 'approvalTimeout') return fc.oneof(fc.boolean(), fc.constant({}), ...others);
  if (field === 'polling') return fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 5 }), ...others);
  // `verify` is false or an object: {} and false are valid.
  if (field === 'verify') return fc.oneof(fc.integer(), fc.constant(true), fc.string({ maxLength: 5 }), ...others);
  return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), ...others);
}

/** Durations the schema must refuse. (Absurdly large ones are a known gap: see knownBugDeadline.) */
const badDuration = fc.oneof(
  fc.double({ min: -1e9, max: 0, noNaN: true }),
  fc.constantFrom(
    '',
    ' ',
    '0s',
    '0h0m0s',
    '2x',
    '1d',
    'h',
    '-1h',
    '1.5.5h',
    'PT1H',
    '10 minutes',
    'Infinity',
    '1e3s',
    'NaN',
  ),
  fc.constantFrom(true, null, [], {}),
);

/** Deadlines so large their end is not a representable date: accepted today, and the workflow then fails every task. */
export const knownBugDeadline: fc.Arbitrary<number | string> = fc.oneof(
  fc.double({ min: 1e13, max: 1e300, noNaN: true }),
  fc.constantFrom('99999999999h', '9999999999999s'),
);

const badPollingNumber = fc.oneof(
  fc.double({ min: -1e6, max: 0.0099, noNaN: true }),
  fc.double({ min: 3600.001, max: 1e9, noNaN: true }),
  fc.constantFrom('1', null, true),
);

const unknownKey = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((k) => !KNOWN_FIELDS.includes(k) && k.trim() !== '' && !k.includes("'")),
  fc.constantFrom(
    'acknowledgeDataloss',
    'target_cluster_name',
    'projectID',
    'force',
    'dry_run',
    'constructor',
    'toString',
    '__proto__',
    'credentials',
    'apiKey',
  ),
);

/** A copy of `o` with an own property `k` (also `__proto__`, which an object literal would not create). */
function withKey(o: object, k: string, v: unknown): Record<string, unknown> {
  const out = { ...o } as Record<string, unknown>;
  Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
  return out;
}

function without(o: RestoreInput, k: string): Record<string, unknown> {
  const out = { ...o } as Record<string, unknown>;
  delete out[k];
  return out;
}

/**
 * Exactly one thing wrong with an otherwise valid request (base must be valid). `unknownKeys: false` leaves out
 * unknown keys: the start refuses them, but the workflow itself tolerates them (an input recorded before a later
 * build added optional fields must still run), so they are no bad input for a direct workflow start.
 */
export function badRestoreInput(
  base: RestoreInput,
  o: { includeKnownBugs?: boolean; huge?: boolean; unknownKeys?: boolean } = {},
): fc.Arbitrary<BadInput> {
  const set =
    (field: string, why: string) =>
    (v: unknown): BadInput => ({ input: { ...base, [field]: v }, field, why });
  const arbs: fc.Arbitrary<BadInput>[] = [
    fc
      .constantFrom('projectId', 'snapshotId', 'targetProjectId')
      .chain((f) => badObjectId.map(set(f, 'not an Atlas id'))),
    fc
      .constantFrom('clusterName', 'targetClusterName')
      .chain((f) => badClusterName.map(set(f, "outside Atlas's name pattern"))),
    fc
      .constantFrom('projectId', 'clusterName', 'snapshotId', 'targetClusterName', 'acknowledgeDataLoss')
      .map((f) => ({ input: without(base, f), field: f, why: 'missing' })),
    fc.constantFrom(false, 'true', 1, 0, null, 'yes').map(set('acknowledgeDataLoss', 'not acknowledged')),
    fc.constantFrom(...KNOWN_FIELDS).chain((f) => wrongTypeFor(f).map(set(f, 'wrong type'))),
    fc
      .oneof(
        fc.constantFrom('Tenant', 'FLEX', 'dedicated', '', ' auto', 'auto '),
        fc.string().filter((s) => !(BACKENDS as readonly string[]).includes(s)),
      )
      .map(set('backend', 'not a backend')),
    fc.constantFrom('deadline', 'approvalTimeout').chain((f) => badDuration.map(set(f, 'not a duration'))),
    fc
      .constantFrom('requireApproval', 'dryRun', 'rollbackOnFailure')
      .chain((f) => fc.constantFrom('yes', 'true', 1, 0, null, 'false').map(set(f, 'not a boolean'))),
    fc.constantFrom('requester', 'reason').chain((f) =>
      fc
        .oneof(
          fc.constantFrom('', '   ', '\t\n'),
          fc
            .string({ minLength: f === 'requester' ? 201 : 1001, maxLength: f === 'requester' ? 400 : 1200 })
            .filter((s) => s.trim().length > (f === 'requester' ? 200 : 1000)),
        )
        .map(set(f, 'empty or too long')),
    ),
    fc.constantFrom('initialS', 'maxS', 'nearS').chain((k) =>
      badPollingNumber.map((v): BadInput => ({
        input: { ...base, polling: { [k]: v } },
        field: `polling.${k}`,
        why: 'polling out of range',
      })),
    ),
    fc
      .oneof(fc.double({ min: -10, max: 0.999, noNaN: true }), fc.double({ min: 10.001, max: 1e6, noNaN: true }))
      .map((v): BadInput => ({
        input: { ...base, polling: { factor: v } },
        field: 'polling.factor',
        why: 'polling factor out of range',
      })),
    fc
      .constantFrom(null, [], 'restore', 42, true)
      .map((v): BadInput => ({ input: v, field: '(input)', why: 'not an object' })),
  ];
  if (o.unknownKeys !== false)
    arbs.push(
      fc
        .tuple(unknownKey, fc.jsonValue({ maxDepth: 2 }))
        .map(([k, v]): BadInput => ({ input: withKey(base, k, v), field: k, why: 'unknown field' })),
      fc
        .tuple(
          unknownKey.filter((k) => !POLLING_KEYS.includes(k)),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([k, v]): BadInput => ({
          input: { ...base, polling: withKey({}, k, v) },
          field: k,
          why: 'unknown polling field',
        })),
    );
  if (o.huge !== false)
    arbs.push(
      fc.constantFrom('reason', 'requester', 'clusterName').map((f) => set(f, 'huge string')('x'.repeat(100_000))),
    );
  if (o.includeKnownBugs)
    arbs.push(
      fc
        .constantFrom('deadline', 'approvalTimeout')
        .chain((f) => knownBugDeadline.map(set(f, 'absurdly large duration'))),
    );
  return fc.oneof(...arbs);
}

/** Does the error message name the field (or the unknown key) it is about? */
function namesField(message: string, field: string): boolean {
  if (field === '(input)') return message.includes('(input)');
  if (!KNOWN_FIELDS.includes(field) && !field.startsWith('polling.')) return message.includes(`'${field}'`);
  return message.includes(`${field}:`) || message.includes(`${field} `);
}

/** A clear error: its first line names the field and is short; no stack trace anywhere (help text may follow). */
export function isClear(message: string, field: string): boolean {
  const first = message.trim().split('\n')[0];
  return namesField(first, field) && first.length < 2_000 && !/\n\s+at /.test(message);
}

/** A clear CLI refusal: the first line of stderr names the option or field (commander prints help after it). */
export function isClearCli(stderr: string, field: string): boolean {
  const first = stderr.trim().split('\n')[0];
  return first.startsWith('error: ') && first.includes(field) && first.length < 2_000 && !/\n\s+at /.test(stderr);
}

/** The workflow id the request would have had, when its id fields are strings. */
export function workflowIdOf(raw: unknown): string | undefined {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || typeof r.projectId !== 'string' || typeof r.targetClusterName !== 'string')
    return undefined;
  return restoreWorkflowId({
    projectId: r.projectId,
    targetClusterName: r.targetClusterName,
    targetProjectId: typeof r.targetProjectId === 'string' ? r.targetProjectId : undefined,
  });
}

/** `atlas-restore start` argument lists with one thing wrong (values an argv can carry: no NUL). */
export function badCliArgs(base: {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetClusterName: string;
}): fc.Arbitrary<BadCliArgs> {
  const argv = (over: Record<string, string | undefined> = {}, extra: string[] = [], force = true): string[] => {
    const v: Record<string, string | undefined> = {
      projectId: base.projectId,
      clusterName: base.clusterName,
      snapshotId: base.snapshotId,
      targetClusterName: base.targetClusterName,
      ...over,
    };
    const out = ['start'];
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out.push(`--${k}`, x);
    return [...out, ...(force ? ['--force'] : []), '-o', 'json', ...extra];
  };
  const noNul = (s: string) => !s.includes('\u0000');
  return fc.oneof(
    fc
      .constantFrom('projectId', 'snapshotId', 'targetProjectId')
      .chain((f) =>
        badObjectId
          .filter(noNul)
          .map((x): BadCliArgs => ({ args: argv({ [f]: x }), field: f, why: 'not an Atlas id' })),
      ),
    fc
      .constantFrom('clusterName', 'targetClusterName')
      .chain((f) =>
        badClusterName
          .filter(noNul)
          .map((x): BadCliArgs => ({ args: argv({ [f]: x }), field: f, why: "outside Atlas's name pattern" })),
      ),
    fc
      .constantFrom('projectId', 'clusterName', 'snapshotId', 'targetClusterName')
      .map((f): BadCliArgs => ({ args: argv({ [f]: undefined }), field: f, why: 'missing' })),
    fc.constant<BadCliArgs>({
      args: argv({}, [], false),
      field: 'force',
      why: 'no acknowledgement (no --force, no terminal)',
    }),
    fc
      .constantFrom('Tenant', 'dedicated', 'flex ')
      .map((x): BadCliArgs => ({ args: argv({}, ['--backend', x]), field: 'backend', why: 'not a backend' })),
    fc
      .constantFrom('2x', '1d', '-1h', 'PT1H', '0s', 'soon')
      .map((x): BadCliArgs => ({ args: argv({}, ['--deadline', x]), field: 'deadline', why: 'not a duration' })),
    fc
      .constantFrom('', '   ')
      .map((x): BadCliArgs => ({ args: argv({}, ['--requester', x]), field: 'requester', why: 'empty requester' })),
    fc
      .constantFrom('   ', 'r'.repeat(1001))
      .map((x): BadCliArgs => ({ args: argv({}, ['--reason', x]), field: 'reason', why: 'empty or too long reason' })),
    fc
      .constantFrom('--acknowledgeDataLoss', '--yes', '--targetProjectID', '--dry-run')
      .map((x): BadCliArgs => ({ args: argv({}, [x]), field: x.slice(2), why: 'unknown option' })),
  );
}
