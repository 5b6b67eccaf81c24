// Our worker as operators run it: `node bin/atlas-restore worker`, configured only through its environment, in its
// own process, so that its CPU time and peak RSS can be read from /proc and are its own.
import { ChildProcess, spawn } from 'node:child_process';
import { BIN } from './paths';
import { ProcSample, sampleProcess } from './proc-stats';

export interface WorkerProcessOptions {
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

export interface WorkerProcess {
  pid: number;
  sample(): ProcSample;
  /** stderr of the worker, for diagnosing a failed run. */
  log(): string;
  stop(): Promise<void>;
}

export async function startWorkerProcess(o: WorkerProcessOptions): Promise<WorkerProcess> {
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
    ...(o.maxConcurrentActivities ? { ATLAS_RESTORE_MAX_CONCURRENT_ACTIVITIES: String(o.maxConcurrentActivities) } : {}),
  };
  const proc: ChildProcess = spawn(process.execPath, [BIN, 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let out = '';
  // Keep the start and the latest output only: a long run's warnings must not grow without bound here.
  proc.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(0, 20_000) + '\n…\n' + out.slice(-100_000);
  });
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the worker process exited with ${code} before it was ready:\n${out.slice(-4000)}`));
    proc.once('exit', onExit);
    const t = setInterval(() => {
      if (out.includes('atlas-restore worker:')) {
        clearInterval(t);
        proc.off('exit', onExit);
        resolve();
      }
    }, 50);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    pid: proc.pid!,
    sample: () => sampleProcess(proc.pid!),
    log: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
