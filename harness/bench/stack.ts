// Everything a benchmark run stands on: a real Temporal dev server (with our search attributes), the Atlas
// simulator (in this process, so its call log and world can be read directly), our worker as a separate process
// (`node bin/atlas-restore worker`), and the fixed-timer peer's worker as a separate process too, on its own task queue.
import { Client, Connection } from '@temporalio/client';
import type { RateLimitOptions } from '../product/dev-tools';
import { AtlasSimulator } from '../product/dev-tools';
import { DevServerProcess } from '../product/dev-tools';
import { quietRuntime } from '../kit/runtime';
import type { FixedTimerWorkerProcess } from './peers/fixed-timer-process';
import { startFixedTimerWorker } from './peers/fixed-timer-process';
import type { BenchWorker } from './worker';
import { startBenchWorker } from './worker';
import type { BenchWorld } from './world';

export interface Stack {
  server: DevServerProcess;
  client: Client;
  /** host:port of the dev server's gRPC endpoint, for the worker process and the Temporal CLI. */
  address: string;
  namespace: string;
  sim: AtlasSimulator;
  worker: BenchWorker;
  /** The fixed-timer peer's worker process. */
  peer: FixedTimerWorkerProcess;
  ourQueue: string;
  peerQueue: string;
  /** A task queue no worker polls: the CLI start timings start workflows there, and they are terminated after. */
  probeQueue: string;
  close(): Promise<void>;
}

export interface StackOptions {
  bw: BenchWorld;
  rateLimit?: RateLimitOptions;
  /** Activities per second across all our workers (ATLAS_RESTORE_RATE_BUDGET), already scaled. */
  rateBudget?: number;
  maxConcurrentActivities: number;
  workerHeapMb?: number;
  log: (line: string) => void;
}

export async function startStack(o: StackOptions): Promise<Stack> {
  quietRuntime();
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    o.log('starting the Temporal dev server');
    const server = new DevServerProcess();
    await server.start();
    closers.push(() => server.stop());
    const { address, namespace } = server;
    const connection = await Connection.connect({ address });
    closers.push(() => connection.close());
    const client = new Client({ connection, namespace });
    // Every call of a round is attributed at its end: a 1,000-target round makes ~100,000 (peers included), above
    // the simulator's default log of 100,000, which dropped a 1,000 × 2 run's second round (2026-12-01).
    const sim = await AtlasSimulator.start({
      world: o.bw.world,
      era: o.bw.world.era,
      rateLimit: o.rateLimit,
      maxCallLog: 2_000_000,
    });
    closers.push(() => sim.stop());
    const suffix = Math.random().toString(36).slice(2, 8);
    const ourQueue = `bench-${suffix}`;
    const peerQueue = `bench-fixed-timer-${suffix}`;
    const probeQueue = `bench-cli-probe-${suffix}`;

    o.log('starting our worker process (bin/atlas-restore worker)');
    const worker = await startBenchWorker({
      temporalAddress: address,
      namespace,
      taskQueue: ourQueue,
      atlasBaseUrl: sim.url,
      rateBudget: o.rateBudget,
      maxConcurrentActivities: o.maxConcurrentActivities,
      heapMb: o.workerHeapMb,
    });
    closers.push(() => worker.stop());

    o.log('starting the fixed-timer peer worker process');
    const peer = await startFixedTimerWorker({
      address,
      namespace,
      taskQueue: peerQueue,
      atlasBaseUrl: sim.url,
      rateBudget: o.rateBudget,
      maxConcurrentActivities: o.maxConcurrentActivities,
    });
    closers.push(() => peer.stop());
    return { server, client, address, namespace, sim, worker, peer, ourQueue, peerQueue, probeQueue, close };
  } catch (e) {
    await close();
    throw e;
  }
}
