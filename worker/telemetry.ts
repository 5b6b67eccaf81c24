// Logs and metrics of the worker process, installed once in Temporal's Runtime:
// - logs: JSON lines when stderr is not a terminal (for log shippers), readable text otherwise; the SDK attaches
//   workflow id, run id, activity type to every workflow and activity line, and our activities add the target.
// - metrics: the SDK's own (task latencies, slots, ...) and ours, on one Prometheus endpoint served by the Runtime.
import type { MetricCounter, MetricHistogram, MetricMeter } from '@temporalio/common';
import type { LogEntry } from '@temporalio/worker';
import { DefaultLogger, Runtime } from '@temporalio/worker';

export interface TelemetryOptions {
  logFormat: 'json' | 'text';
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Serve Prometheus metrics on <metricsHost>:<port>/metrics. */
  metricsPort?: number;
  /** Default 127.0.0.1: the endpoint is opened wider only when the deployment says so. */
  metricsHost?: string;
  /** Signals on which the SDK shuts its workers down by itself (its default: SIGINT, SIGTERM, ...). */
  shutdownSignals?: NodeJS.Signals[];
}

function jsonLine(entry: LogEntry): void {
  // The SDK puts the activity's task token on its lines: it completes the activity from anywhere, so it stays out.
  const { sdkComponent, taskToken: _taskToken, ...meta } = (entry.meta ?? {}) as Record<string, unknown>;
  const line = {
    ts: new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString(),
    level: entry.level,
    msg: entry.message,
    component: sdkComponent,
    ...meta,
  };
  process.stderr.write(JSON.stringify(line, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
}

function textLine(entry: LogEntry): void {
  const meta = (entry.meta ?? {}) as Record<string, unknown>;
  const ctx = [meta.workflowId, meta.activityType ?? meta.workflowType, meta.target].filter(Boolean).join(' ');
  process.stderr.write(
    `${new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString()} ${entry.level.padEnd(5)} ${entry.message}${ctx ? ` [${ctx}]` : ''}\n`,
  );
}

/** Bucket bounds (seconds) of our histograms: the SDK's defaults are milliseconds-shaped. */
const HISTOGRAM_BUCKETS: Record<string, number[]> = {
  atlas_restore_atlas_call_duration_seconds: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
  // Recorded by the workflow (submit → outcome): minutes to a day.
  atlas_restore_duration_seconds: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400],
};

const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

export function installTelemetry(o: TelemetryOptions): void {
  Runtime.install({
    logger: new DefaultLogger(o.logLevel, o.logFormat === 'json' ? jsonLine : textLine),
    ...(o.shutdownSignals ? { shutdownSignals: o.shutdownSignals } : {}),
    telemetryOptions: {
      // The SDK core's own lines (e.g. "connection lost" while the server is down) through the same logger, so that
      // every line is JSON under ATLAS_RESTORE_LOG_FORMAT=json; core's chatter below WARN stays off.
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(o.metricsPort
        ? {
            metrics: {
              prometheus: {
                bindAddress: `${bracketed(o.metricsHost ?? '127.0.0.1')}:${o.metricsPort}`,
                countersTotalSuffix: true,
                histogramBucketOverrides: HISTOGRAM_BUCKETS,
              },
            },
          }
        : {}),
    },
  });
}

/**
 * The worker's start-up line, in the configured format but past the level filter: supervisors (and people) wait for
 * it to know the worker is polling.
 */
export function bannerLine(
  format: TelemetryOptions['logFormat'],
  message: string,
  meta: Record<string, unknown> = {},
): void {
  const entry: LogEntry = { level: 'INFO', message, meta, timestampNanos: BigInt(Date.now()) * 1_000_000n };
  (format === 'json' ? jsonLine : textLine)(entry);
}

/** Our counters and histograms, on the Runtime's meter (so they appear on the same endpoint as the SDK's). */
export class RestoreMetrics {
  readonly atlasCalls: MetricCounter;
  readonly rateLimited: MetricCounter;
  readonly atlasCallDuration: MetricHistogram;

  constructor(meter: MetricMeter = Runtime.instance().metricMeter) {
    this.atlasCalls = meter.createCounter(
      'atlas_restore_atlas_calls',
      '1',
      'Atlas Admin API calls by operation and HTTP status',
    );
    this.rateLimited = meter.createCounter('atlas_restore_atlas_rate_limited', '1', 'Atlas answers 429 (rate limited)');
    this.atlasCallDuration = meter.createHistogram(
      'atlas_restore_atlas_call_duration_seconds',
      'float',
      's',
      'Atlas Admin API call duration by operation',
    );
  }

  /** For AtlasHttp's onCall hook. */
  onAtlasCall = (c: { operation: string; status: number; durationMs: number }): void => {
    this.atlasCalls.add(1, { operation: c.operation, status: String(c.status) });
    this.atlasCallDuration.record(c.durationMs / 1000, { operation: c.operation });
    if (c.status === 429) this.rateLimited.add(1, { operation: c.operation });
  };
}
