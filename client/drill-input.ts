// `drill create`'s flags, checked before anything reaches Temporal: the drill's name, its DrillInput (what every run
// of the schedule receives) and when it runs (a cron expression or an interval). One clear sentence per problem.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { DrillInput } from '../common/drill';
import { DRILL_NAME_PATTERN } from '../common/drill';
import { parseDrillInput } from '../common/drill-input';
import { EXIT } from '../common/exit-codes';
import { describeIssues, inputSchemas, parseDurationS } from '../common/input';
import type { VerifySettings } from '../common/verification';
import { CliError } from './output';

export interface DrillCreateFlags {
  projectId: string;
  clusterName: string;
  cron?: string;
  every?: string;
  region?: string;
  providerName?: string;
  scratchProjectId?: string;
  snapshotId?: string;
  minAge?: string;
  verify?: string;
  deadline?: string;
  requester?: string;
}

/** When a drill runs: a cron expression (UTC) or a fixed interval. */
export type DrillWhen = { cron: string } | { everyS: number };

/** Without --cron or --every a drill runs weekly, Monday 03:00 UTC (the 8-day alert leaves a day of slack). */
const DEFAULT_DRILL_CRON = '0 3 * * 1';

const usage = (msg: string): CliError => new CliError(msg, EXIT.usage);

export function validDrillName(name: string): string {
  if (!DRILL_NAME_PATTERN.test(name))
    throw usage(
      `invalid drill name '${name}': use 1 to 40 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. orders-weekly)`,
    );
  return name;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const CRON_FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: DAYS },
] as const;
const CRON_SHORTCUTS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** Why one field of a cron expression is wrong, or undefined if it is fine. */
function cronFieldProblem(text: string, f: (typeof CRON_FIELDS)[number]): string | undefined {
  const value = (v: string): number | undefined => {
    const byName = 'names' in f ? (f.names as readonly string[]).indexOf(v.toUpperCase()) : -1;
    if (byName >= 0) return byName + (f.name === 'month' ? 1 : 0);
    return /^\d+$/.test(v) && Number(v) >= f.min && Number(v) <= f.max ? Number(v) : undefined;
  };
  for (const item of text.split(',')) {
    const m = /^(\*|[^-/]+(?:-[^-/]+)?)(?:\/(\d+))?$/.exec(item);
    if (!m) return `'${item}' is not a value, a range or a step`;
    if (m[2] !== undefined && Number(m[2]) < 1) return `step '${m[2]}' must be at least 1`;
    if (m[1] === '*') continue;
    const [a, b] = m[1].split('-');
    const lo = value(a);
    const hi = b === undefined ? lo : value(b);
    if (lo === undefined || hi === undefined) return `'${item}' is outside ${f.min}-${f.max}`;
    if (hi < lo) return `range '${item}' runs backwards`;
  }
  return undefined;
}

/** A 5-field cron expression (UTC) or an @-shortcut, as Temporal Schedules read it; else a usage error. */
function validCron(cron: string): string {
  const c = cron.trim();
  if (CRON_SHORTCUTS.includes(c.toLowerCase())) return c.toLowerCase();
  const fields = c.split(/\s+/);
  const hint = `--cron '${cron}': must be 5 fields (minute hour day-of-month month day-of-week, UTC) such as '0 3 * * 1', or one of ${CRON_SHORTCUTS.join(' ')}`;
  if (fields.length !== 5) throw usage(`${hint}; it has ${fields.length} field(s)`);
  for (const [i, f] of CRON_FIELDS.entries()) {
    const problem = cronFieldProblem(fields[i], f);
    if (problem) throw usage(`${hint}; ${f.name}: ${problem}`);
  }
  return fields.join(' ');
}

/** Longest interval between drills: a year. The shortest: a second (only sensible on a dev server). */
const MAX_EVERY_S = 366 * 86400;

export function drillWhen(f: { cron?: string; every?: string }): DrillWhen {
  if (f.cron !== undefined && f.every !== undefined) throw usage('give --cron or --every, not both');
  if (f.every !== undefined) {
    const s = parseDurationS(f.every);
    if (s === undefined || s < 1 || s > MAX_EVERY_S)
      throw usage(`--every '${f.every}': must be a duration from 1s to 366 days, such as 24h, 168h or 90m`);
    return { everyS: s };
  }
  return { cron: validCron(f.cron ?? DEFAULT_DRILL_CRON) };
}

/** `24h` for 86400: how `drill list` shows an interval. */
export const everyText = (s: number): string =>
  s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`;

const duration = (flag: string, v: string | undefined, minS: number, maxS: number, example: string) => {
  if (v === undefined) return undefined;
  const s = parseDurationS(v);
  if (s === undefined || s < minS || s > maxS) throw usage(`${flag} '${v}': must be a duration such as ${example}`);
  return v.trim();
};

/** `--verify`: JSON (or YAML) inline, or the path of a file holding it; the object form of a restore's `verify`. */
function verifySettings(v: string | undefined): VerifySettings | undefined {
  if (v === undefined) return undefined;
  let text = v;
  if (!/^\s*[{[]/.test(v) && v.trim() !== 'false') {
    try {
      text = readFileSync(v, 'utf8');
    } catch (e) {
      throw usage(`--verify: not JSON and not a readable file (${(e as Error).message})`);
    }
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw usage(`--verify: not valid JSON or YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (raw === false) throw usage('--verify: a drill always verifies (it proves the data); false is not allowed');
  const r = inputSchemas().verifyFields.strict().safeParse(raw);
  if (!r.success) throw usage(`--verify: ${describeIssues(r.error)}`);
  return r.data as VerifySettings;
}

const PROVIDERS = ['AWS', 'AZURE', 'GCP'];

/** The DrillInput every run of the schedule receives, from `drill create`'s flags; every flag checked. */
export function drillInput(name: string, f: DrillCreateFlags): DrillInput {
  const { objectIdSchema, clusterNameSchema, cleanText } = inputSchemas();
  const check = <T>(flag: string, schema: z.ZodType<T>, v: string): T => {
    const r = schema.safeParse(v);
    if (!r.success) throw usage(`${flag} '${v}': ${describeIssues(r.error).replace(/^\(input\): /, '')}`);
    return r.data;
  };
  if (f.snapshotId !== undefined && f.minAge !== undefined) throw usage('give --snapshotId or --minAge, not both');
  if (f.providerName !== undefined && !PROVIDERS.includes(f.providerName))
    throw usage(`--providerName '${f.providerName}': must be one of ${PROVIDERS.join(', ')}`);
  if (f.region !== undefined && !/^[A-Z][A-Z0-9_]{1,63}$/.test(f.region))
    throw usage(`--region '${f.region}': must be an Atlas region name such as US_EAST_1 or EUROPE_WEST_1`);
  const input: DrillInput = {
    name: validDrillName(name),
    projectId: check('--projectId', objectIdSchema, f.projectId),
    clusterName: check('--clusterName', clusterNameSchema, f.clusterName),
    scratchProjectId:
      f.scratchProjectId === undefined ? undefined : check('--scratchProjectId', objectIdSchema, f.scratchProjectId),
    snapshotId: f.snapshotId === undefined ? undefined : check('--snapshotId', objectIdSchema, f.snapshotId),
    minAge: duration('--minAge', f.minAge, 1, 366 * 86400, '24h or 168h'),
    providerName: f.providerName,
    region: f.region,
    verify: verifySettings(f.verify) ?? {},
    deadline: duration('--deadline', f.deadline, 60, 30 * 86400, '6h or 90m (at least 1m)'),
    requester: f.requester === undefined ? undefined : check('--requester', cleanText(200), f.requester),
  };
  // Absent flags stay absent (the schedule's action, and so every run's input, holds only what was asked).
  const asked = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as unknown as DrillInput;
  // The workflow's own parse, too: a schedule never fires input its drill would refuse.
  const p = parseDrillInput(asked);
  if (!p.ok) throw usage(`invalid drill: ${p.problems}`);
  return asked;
}
