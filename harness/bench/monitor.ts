// Samples the machine while the storm runs: the worker's RSS (its curve, not only the peak) and the 1-minute load
// average, because the machine is shared and a figure measured under someone else's build should say so.
import { loadavg } from 'node:os';
import type { ProcSample } from './proc-stats';
import { max, mean, round3 } from './stats';

export interface MonitorSummary {
  loadAvg1Mean: number;
  loadAvg1Max: number;
  /** Worker RSS, MB, sampled every few seconds: max per round. */
  workerRssMaxMbByRound: number[];
}

export class Monitor {
  readonly #load: number[] = [];
  readonly #rssByRound: number[][] = [];
  #round = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(sample: () => ProcSample, everyMs = 5000) {
    this.#timer = setInterval(() => {
      this.#load.push(loadavg()[0]);
      try {
        (this.#rssByRound[this.#round] ??= []).push(sample().rssMb);
      } catch {
        // The worker is gone (the run is failing); the error is reported elsewhere.
      }
    }, everyMs);
    this.#timer.unref();
  }

  setRound(r: number): void {
    this.#round = r;
  }

  stop(): MonitorSummary {
    clearInterval(this.#timer);
    return {
      loadAvg1Mean: round3(mean(this.#load)),
      loadAvg1Max: round3(max(this.#load)),
      workerRssMaxMbByRound: this.#rssByRound.map((xs) => round3(max(xs))),
    };
  }
}
