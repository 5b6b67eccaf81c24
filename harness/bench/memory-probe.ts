// `node dist/harness/bench/memory-probe.js [-n 250] [--cached 50] [--heapMb 768] [--holdS 90] [--snapshot]`: where the worker's
// memory per restore in flight goes, cheaply. A dev server, the simulator (every restore planned to last an hour, so
// all stay in flight), the probe worker (probe-worker.ts) as its own process; N restores started at once, then held
// for holdS while the worker's RSS (/proc), its own heap split and the SDK core's sticky-cache counters are sampled.
// One JSON line on stdout. Replays per restore = sticky-cache misses ÷ restores (a miss replays the whole history).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Command } from 'commander';
import { startRestore } from '../product/client';
import { DevServerProcess } from '../product/dev-tools';
import { AtlasSimulator } from '../product/dev-tools';
import { quietRuntime } from '../kit/runtime';
import { planDurations } from './durations';
import { scaledDeadlineS, scaledPolicy } from './options';
import { mapLimit } from './pool';
import { sampleProcess } from './proc-stats';
import { buildBenchWorld } from './world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function scrape(port: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m =
      /^(temporal_sticky_cache_\w+|temporal_workflow_task_execution_latency_count|temporal_workflow_completed\w*)(\{[^}]*\})? ([\d.e+]+)$/.exec(
        line,
      );
    if (m) out[m[1]] = (out[m[1]] ?? 0) + Number(m[3]);
  }
  return out;
}

/**
 * The worker's resident memory by kind of mapping (/proc/<pid>/smaps): file-backed (code), the brk heap, anonymous
 * rw mappings on a 64 MB boundary (glibc's per-thread malloc arenas are 64 MB-aligned), and the other anonymous ones (V8's heaps).
 */
function smapsSplit(pid: number): Record<string, number> {
  const out: Record<string, number> = { file: 0, brkHeap: 0, mallocArenas64Mb: 0, otherAnon: 0 };
  let kind = 'otherAnon';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-[0-9a-f]+ (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[3].trim();
      const arena = !name && head[2] === 'rw-p' && BigInt('0x' + head[1]) % 0x4000000n === 0n;
      kind = name === '[heap]' ? 'brkHeap' : name.startsWith('/') ? 'file' : arena ? 'mallocArenas64Mb' : 'otherAnon';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] += Number(rss[1]) / 1024;
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]);
  return out;
}

async function main(argv: string[]): Promise<void> {
  const f = new Command('memory-probe')
    .option('-n, --restores <n>', 'restores in flight', '250')
    .option('--cached <n>', 'ATLAS_RESTORE_MAX_CACHED_WORKFLOWS of the worker (default: config/index.ts)')
    .option('--heapMb <mb>', 'NODE_OPTIONS=--max-old-space-size of the worker (0: Node’s own)', '768')
    .option('--holdS <s>', 'seconds to hold them in flight after the last start', '90')
    .option('--mallocArenaMax <n>', 'MALLOC_ARENA_MAX of the worker (glibc malloc arenas; unset: glibc’s 8 × cores)')
    .option('--snapshot', 'at the end, a heap snapshot of the workflow thread, summarised by constructor')
    .option('--scale <x>', 'time scale of the policy (1: real intervals, the lightest load)', '1')
    .parse(argv)
    .opts<Record<string, string | undefined>>();
  const n = Number(f.restores);
  const scale = Number(f.scale);
  quietRuntime();
  const server = new DevServerProcess();
  await server.start();
  const plan = planDurations(n, 1, 1, 0.1);
  plan.byRound[0] = plan.byRound[0].map(() => 3600); // an hour each: none ends during the probe
  const bw = buildBenchWorld({ pairs: n, probes: 0, era: 'current', seed: 1, plan, scale });
  const sim = await AtlasSimulator.start({ world: bw.world, era: bw.world.era });
  const taskQueue = `probe-${Math.random().toString(36).slice(2, 8)}`;
  const metricsPort = 20000 + Math.floor(Math.random() * 20000);
  const heapMb = Number(f.heapMb);
  const child = spawn(process.execPath, [join(__dirname, 'probe-worker.js')], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: server.namespace,
      ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      MONGODB_ATLAS_BASE_URL: sim.url,
      ATLAS_RESTORE_METRICS_PORT: String(metricsPort),
      ATLAS_RESTORE_LOG_LEVEL: 'ERROR',
      ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
      ...(f.cached ? { ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: f.cached } : {}),
      ...(f.mallocArenaMax ? { MALLOC_ARENA_MAX: f.mallocArenaMax } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  type ThreadUsage = { title: string; usedMb: number; totalMb: number }[];
  let lastMem: NodeJS.MemoryUsage | undefined;
  let lastThreads: ThreadUsage | undefined;
  let snapshot: ((s: unknown) => void) | undefined;
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    if (d.includes('probe worker ready')) ready();
    const lines = (buffered + d).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{"mem"')) {
        const o = JSON.parse(line) as { mem: NodeJS.MemoryUsage; threads: ThreadUsage };
        [lastMem, lastThreads] = [o.mem, o.threads];
      }
      if (line.startsWith('{"snapshot"')) snapshot?.(JSON.parse(line));
    }
  });
  await isReady;
  await sleep(3000);
  const pid = child.pid!;
  const before = sampleProcess(pid);
  const memBefore = lastMem;
  const threadsBefore = lastThreads;
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  const t0 = performance.now();
  await mapLimit(bw.ours, 50, (p) =>
    startRestore(
      client,
      {
        projectId: p.projectId,
        clusterName: p.source,
        snapshotId: p.snapshotIds[0],
        targetClusterName: p.target,
        acknowledgeDataLoss: true,
        verify: false,
        polling: scaledPolicy(scale),
        deadline: scaledDeadlineS(scale),
      },
      { taskQueue },
    ),
  );
  const startedS = (performance.now() - t0) / 1000;
  const rssByS: number[] = [];
  for (let s = 0; s < Number(f.holdS); s += 5) {
    await sleep(5000);
    rssByS.push(Math.round(sampleProcess(pid).rssMb));
  }
  const after = sampleProcess(pid);
  const maps = smapsSplit(pid);
  const cache = await scrape(metricsPort);
  const memAfter = lastMem;
  const threadsAfter = lastThreads;
  const threadSnapshot = f.snapshot
    ? await new Promise((r) => {
        snapshot = r;
        child.kill('SIGUSR2');
      })
    : undefined;
  const mb = (x?: number) => (x === undefined ? undefined : Math.round(x / 1048576));
  process.stdout.write(
    JSON.stringify({
      restores: n,
      maxCachedWorkflows: f.cached ?? 'default',
      heapMb,
      holdS: Number(f.holdS),
      scale,
      startedS: Math.round(startedS * 10) / 10,
      rssBeforeMb: Math.round(before.rssMb),
      rssEndMb: Math.round(after.rssMb),
      peakRssMb: Math.round(after.peakRssMb),
      mbPerRestoreInFlight: Math.round(((after.rssMb - before.rssMb) / n) * 100) / 100,
      cpuS: Math.round((after.cpuS - before.cpuS) * 10) / 10,
      cpuSPerRestore: Math.round(((after.cpuS - before.cpuS) / n) * 1000) / 1000,
      heapUsedMb: [mb(memBefore?.heapUsed), mb(memAfter?.heapUsed)],
      heapTotalMb: [mb(memBefore?.heapTotal), mb(memAfter?.heapTotal)],
      externalMb: [mb(memBefore?.external), mb(memAfter?.external)],
      workflowThreadHeapMb: [threadsBefore, threadsAfter].map((t) => t?.map((x) => Math.round(x.usedMb))),
      workflowThreadHeapMbPerRestore:
        threadsBefore?.[0] && threadsAfter?.[0]
          ? Math.round(((threadsAfter[0].usedMb - threadsBefore[0].usedMb) / n) * 1000) / 1000
          : undefined,
      threadSnapshot,
      replaysPerRestore: Math.round(((cache.temporal_sticky_cache_miss_total ?? 0) / n) * 100) / 100,
      cache,
      mallocArenaMax: f.mallocArenaMax ?? 'default',
      rssByMappingMb: maps,
      rssByS,
      loadAvg1: Number((await import('node:os')).loadavg()[0].toFixed(1)),
    }) + '\n',
  );
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await connection.close();
  await sim.stop();
  await server.stop();
}

main(process.argv).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`memory probe failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
