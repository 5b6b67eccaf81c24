// All settings, from the environment, validated in one place. A bad or missing setting stops the process at start-up
// with one line naming the variable (never its value, which may be a secret). Documented in .env.example.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { TemporalTarget } from './temporal';
import { temporalTargetFromEnv } from './temporal';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import { parseDurationS } from '../common/input';
import { RESTORE_EVENT_TYPES } from '../common/events';
import { parseEventList, webhookUrlProblem, WebhookSettings } from './webhook';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const positive = z.coerce.number().positive();

const AppEnvSchema = z.object({
  ATLAS_RESTORE_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  /** Port of the worker's Prometheus endpoint (/metrics); unset = no endpoint. */
  ATLAS_RESTORE_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Address the endpoint binds: loopback unless told otherwise (compose and Kubernetes set 0.0.0.0 in their network). */
  ATLAS_RESTORE_METRICS_HOST: z
    .string()
    .refine((v) => isIP(v) !== 0, 'must be an IP address, such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  /** Atlas rate budget: activity tasks per second across all workers of the task queue (each makes 1–3 calls). */
  ATLAS_RESTORE_RATE_BUDGET: positive.optional(),
  ATLAS_RESTORE_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(100_000).default(500),
  /**
   * Restores kept in the worker's workflow cache (the SDK's maxCachedWorkflows); one beyond it replays its history on
   * its next task. Default 1,000: about 0.5 MB each (harness/bench/README.md), where the SDK would size it from the
   * main heap (≈ 360 with the image's 768 MB), though the cached restores live in the workflow thread.
   */
  ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).default(1000),
  /** Optional webhook told about restore events (config/webhook.ts): https, or http to a loopback host. */
  ATLAS_RESTORE_WEBHOOK_URL: z
    .string()
    .superRefine((v, ctx) => {
      const problem = webhookUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Which events the webhook is sent; default: every event but the dry run. */
  ATLAS_RESTORE_WEBHOOK_EVENTS: z
    .string()
    .transform(
      (v, ctx) =>
        parseEventList(v) ??
        (ctx.addIssue({
          code: 'custom',
          message: `must be a comma list of event names: ${RESTORE_EVENT_TYPES.join(', ')} (or COMPLETED, DRY_RUN, ... in any case)`,
        }),
        z.NEVER),
    )
    .optional(),
  /** Signs every delivery (HMAC-SHA256); lives in the worker's environment only. */
  ATLAS_RESTORE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long in-flight activities may run on after SIGTERM/SIGINT before they are cancelled. */
  ATLAS_RESTORE_SHUTDOWN_GRACE: z
    .string()
    .transform((v, ctx) => {
      const s = /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : parseDurationS(v);
      if (s === undefined || s > 3600) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration up to 1h, such as 30s, 2m or 1m30s, or seconds' });
        return z.NEVER;
      }
      return s;
    })
    .default(30),
  /** A prebuilt workflow bundle to run instead of dist/workflow-bundle.js (two builds side by side). */
  ATLAS_RESTORE_WORKFLOW_BUNDLE: z.string().min(1).optional(),
  /** Defaults for the polling schedule of restores started by this CLI. */
  ATLAS_RESTORE_POLL_INITIAL_S: positive.optional(),
  ATLAS_RESTORE_POLL_MAX_S: positive.optional(),
  ATLAS_RESTORE_LOG_FORMAT: z.enum(['json', 'text']).optional(),
  ATLAS_RESTORE_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

export interface AppConfig {
  temporal: TemporalTarget;
  taskQueue: string;
  metricsPort?: number;
  metricsHost: string;
  rateBudget?: number;
  maxConcurrentActivities: number;
  maxCachedWorkflows: number;
  /** Set when ATLAS_RESTORE_WEBHOOK_URL is; carries the secret in a private field. */
  webhook?: WebhookSettings;
  /** Seconds in-flight activities get after SIGTERM (the SDK's shutdownGraceTime). */
  shutdownGraceS: number;
  workflowBundlePath?: string;
  polling?: { initialS?: number; maxS?: number };
  logFormat: 'json' | 'text';
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/** Unset and empty are the same (docker compose passes `${VAR:-}` as an empty string). */
function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

/** Settings that may come from a file instead (`<NAME>_FILE`: the Docker and Kubernetes secrets convention). */
const FILE_SETTINGS = [
  'MONGODB_ATLAS_CLIENT_ID',
  'MONGODB_ATLAS_CLIENT_SECRET',
  'MONGODB_ATLAS_PUBLIC_API_KEY',
  'MONGODB_ATLAS_PRIVATE_API_KEY',
  'MONGODB_ATLAS_ACCESS_TOKEN',
  'ATLAS_RESTORE_WEBHOOK_SECRET',
  'TEMPORAL_API_KEY',
] as const;

/**
 * The environment as the settings read it: empty values dropped, and each `<NAME>_FILE` read into `<NAME>` (one
 * trailing newline removed). Setting both, or a file that cannot be read or is empty, is an error naming the
 * variable, never the content.
 */
export function settingsEnv(rawEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = withoutEmpty(rawEnv);
  for (const name of FILE_SETTINGS) {
    const file = env[`${name}_FILE`];
    if (file === undefined) continue;
    if (env[name] !== undefined) throw new ConfigError(`configuration error: set ${name} or ${name}_FILE, not both`);
    let value: string;
    try {
      value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new ConfigError(
        `configuration error: ${name}_FILE: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (value === '') throw new ConfigError(`configuration error: ${name}_FILE: ${file} is empty`);
    env[name] = value;
    delete env[`${name}_FILE`];
  }
  return env;
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = settingsEnv(rawEnv);
  const parsed = AppEnvSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      `configuration error: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const e = parsed.data;
  let temporal: TemporalTarget;
  try {
    temporal = temporalTargetFromEnv(env);
  } catch (err) {
    throw new ConfigError(
      `configuration error: Temporal connection settings (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE): ${(err as Error).message}`,
    );
  }
  const polling =
    e.ATLAS_RESTORE_POLL_INITIAL_S || e.ATLAS_RESTORE_POLL_MAX_S
      ? { initialS: e.ATLAS_RESTORE_POLL_INITIAL_S, maxS: e.ATLAS_RESTORE_POLL_MAX_S }
      : undefined;
  return {
    temporal,
    taskQueue: e.ATLAS_RESTORE_TASK_QUEUE,
    metricsPort: e.ATLAS_RESTORE_METRICS_PORT,
    metricsHost: e.ATLAS_RESTORE_METRICS_HOST,
    rateBudget: e.ATLAS_RESTORE_RATE_BUDGET,
    maxConcurrentActivities: e.ATLAS_RESTORE_MAX_CONCURRENT_ACTIVITIES,
    maxCachedWorkflows: e.ATLAS_RESTORE_MAX_CACHED_WORKFLOWS,
    webhook: e.ATLAS_RESTORE_WEBHOOK_URL
      ? new WebhookSettings(e.ATLAS_RESTORE_WEBHOOK_URL, e.ATLAS_RESTORE_WEBHOOK_EVENTS, e.ATLAS_RESTORE_WEBHOOK_SECRET)
      : undefined,
    shutdownGraceS: e.ATLAS_RESTORE_SHUTDOWN_GRACE,
    workflowBundlePath: e.ATLAS_RESTORE_WORKFLOW_BUNDLE,
    polling,
    logFormat: e.ATLAS_RESTORE_LOG_FORMAT ?? (process.stderr.isTTY ? 'text' : 'json'),
    logLevel: e.ATLAS_RESTORE_LOG_LEVEL,
  };
}
