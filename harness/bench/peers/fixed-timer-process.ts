// Starts the fixed-timer peer's worker process (fixed-timer-worker.ts) and stops it: SIGTERM, the worker drains.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../kit/paths';
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
  const script = join(PROJECT_ROOT, 'dist', 'harness', 'bench', 'peers', 'fixed-timer-worker.js');
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(o));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes(FIXED_TIMER_WORKER_READY)) resolve();
    });
    void exited.then((code) => reject(new Error(`the fixed-timer peer worker exited with ${code}: ${err}`)));
  });
  return {
    pid: child.pid!,
    sample: () => sampleProcess(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
