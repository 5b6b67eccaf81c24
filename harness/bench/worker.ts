// Our worker in the benchmark: kit/worker-process.ts with the benchmark's environment, sampled from /proc.
import { spawnWorker } from '../kit/worker-process';
import type { ProcSample } from './proc-stats';
import { sampleProcess } from './proc-stats';

export interface BenchWorkerOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  atlasBaseUrl: string;
  /** ATLAS_RESTORE_RATE_BUDGET: activity tasks per second across all workers of the task queue. */
  rateBudget?: number;
  maxConcurrentActivities?: number;
  /** V8 heap limit of the worker, MB (NODE_OPTIONS=--max-old-space-size). */
  heapMb?: number;
}

export interface BenchWorker {
  pid: number;
  sample(): ProcSample;
  /** stderr of the worker, for diagnosing a failed run. */
  log(): string;
  stop(): Promise<void>;
}

export async function startBenchWorker(o: BenchWorkerOptions): Promise<BenchWorker> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_ADDRESS: o.temporalAddress,
    TEMPORAL_NAMESPACE: o.namespace,
    ATLAS_RESTORE_TASK_QUEUE: o.taskQueue,
    MONGODB_ATLAS_BASE_URL: o.atlasBaseUrl,
    ATLAS_RESTORE_LOG_LEVEL: 'WARN',
    ATLAS_RESTORE_LOG_FORMAT: 'json',
    ...(o.rateBudget ? { ATLAS_RESTORE_RATE_BUDGET: String(o.rateBudget) } : {}),
    ...(o.heapMb ? { NODE_OPTIONS: `--max-old-space-size=${o.heapMb}` } : {}),
    ...(o.maxConcurrentActivities
      ? { ATLAS_RESTORE_MAX_CONCURRENT_ACTIVITIES: String(o.maxConcurrentActivities) }
      : {}),
  };
  const child = await spawnWorker({ env, ignoreStdout: true });
  return { pid: child.pid, sample: () => sampleProcess(child.pid), log: child.output, stop: () => child.stop() };
}
