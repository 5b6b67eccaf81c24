// Runs the watch-loop peer (watch-loop.ts) as its own process for one round and collects what it saw.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../kit/paths';
import type { WatchLoopPlan, WatchLoopResult } from './watch-loop';
import { sampleProcess } from '../proc-stats';

export interface WatchLoopRun {
  results: Map<number, WatchLoopResult>;
  /** CPU seconds of the watch-loop process over the round. */
  cpuS: number;
}

export function runWatchLoop(plan: WatchLoopPlan): Promise<WatchLoopRun> {
  // The compiled script, from the bench (dist/) and from jest (sources) alike: jest's globalSetup builds dist/.
  const script = join(PROJECT_ROOT, 'dist', 'harness', 'bench', 'peers', 'watch-loop.js');
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const results = new Map<number, WatchLoopResult>();
  let out = '';
  let err = '';
  let cpuS = 0;
  // Sampled while alive: /proc/<pid> is gone once it has exited.
  const sampler = setInterval(() => {
    try {
      cpuS = sampleProcess(child.pid!).cpuS;
    } catch {
      // exited between two samples
    }
  }, 1000);
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as WatchLoopResult;
      results.set(r.pair, r);
      if (results.size === plan.targets.length) {
        try {
          cpuS = sampleProcess(child.pid!).cpuS;
        } catch {
          // already gone
        }
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdin.end(JSON.stringify(plan));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ results, cpuS });
      else reject(new Error(`the watch-loop peer exited with ${code}: ${err.slice(-2000)}`));
    }),
  );
}
