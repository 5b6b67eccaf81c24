// Starts the fixed-timer peer's worker process (fixed-timer-worker.ts) with the harness's one worker spawner
// (kit/worker-process.ts): ready on its line, SIGTERM to drain, SIGKILL after the grace.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../kit/paths';
import { spawnWorker } from '../../kit/worker-process';
import type { ProcSample } from '../proc-stats';
import { sampleProcess } from '../proc-stats';
import type { FixedTimerWorkerSettings } from './fixed-timer-worker';
import { FIXED_TIMER_WORKER_READY } from './fixed-timer-worker';

export interface FixedTimerWorkerProcess {
  pid: number;
  sample(): ProcSample;
  stop(): Promise<void>;
}

export async function startFixedTimerWorker(o: FixedTimerWorkerSettings): Promise<FixedTimerWorkerProcess> {
  // The compiled script, from the bench (dist/) and from jest (sources) alike: jest's globalSetup builds dist/.
  const path = join(PROJECT_ROOT, 'dist', 'harness', 'bench', 'peers', 'fixed-timer-worker.js');
  const child = await spawnWorker({
    env: process.env,
    script: { path, ready: FIXED_TIMER_WORKER_READY },
    stdin: JSON.stringify(o),
  });
  return { pid: child.pid, sample: () => sampleProcess(child.pid), stop: () => child.stop() };
}
