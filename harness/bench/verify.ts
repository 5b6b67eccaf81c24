// `npm run -s bench -- --verify`: the verify step's cost, alone (issue 25's target: a 200-collection target verified
// in ≤ 30 s with ≤ 4 extra Atlas calls). A real Temporal dev server, the simulator with data (a FerretDB per
// cluster), our worker as a separate process (as in the storm), and a few restores of one snapshot of N collections
// into one Flex target, verified by default. Per restore: the verify step's time (its own startedAt → finishedAt),
// the Atlas calls made from its start to the restore's end (the job's reads stop before it starts), and the result's
// size. Not part of the storm: a FerretDB per target would make a 200-target storm 200 processes.
import { Client, Connection } from '@temporalio/client';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { quietRuntime } from '../kit/runtime';
import type { RestoreResult } from '../product/common';
import { startRestore } from '../product/client';
import type { SimDataset } from '../product/dev-tools';
import { AtlasSimulator, DevServerProcess } from '../product/dev-tools';
import { startBenchWorker } from './worker';

/** Issue 25's targets for a 200-collection target. */
export const VERIFY_TARGETS = { verifyS: 30, extraAtlasCalls: 4 } as const;

export interface VerifyBenchOptions {
  collections: number;
  documentsPerCollection: number;
  /** Verified restores, one after another (the first pays the FerretDB start). */
  restores: number;
}

export interface VerifyBenchRestore {
  outcome: string;
  status?: string;
  /** The verify step, startedAt → finishedAt (the activity's own clock). */
  verifyS: number;
  /** Atlas calls from the verify step's start to the restore's end, by operation. */
  atlasCalls: number;
  byOperation: Record<string, number>;
  /** The restore's whole result (JSON), bytes: the manifest is in it. */
  resultBytes: number;
  manifest?: { databases: number; collections: number; documents: number };
}

export interface VerifyBenchReport {
  options: VerifyBenchOptions;
  restores: VerifyBenchRestore[];
  maxVerifyS: number;
  maxAtlasCalls: number;
  targets: typeof VERIFY_TARGETS;
  met: boolean;
  /** FerretDB processes the simulator started. */
  ferretdbStarted: number;
}

/** One database of N collections, each with `seq` and `tag` indexes besides `_id_`. */
const datasetOf = (o: VerifyBenchOptions): SimDataset => ({
  databases: [
    {
      name: 'bench',
      collections: Array.from({ length: o.collections }, (_, i) => ({
        name: `c${String(i).padStart(4, '0')}`,
        count: o.documentsPerCollection,
        indexes: ['seq', 'tag'],
      })),
    },
  ],
});

export async function runVerifyBench(
  o: VerifyBenchOptions,
  log: (line: string) => void = () => undefined,
): Promise<VerifyBenchReport> {
  quietRuntime();
  const closers: (() => Promise<unknown>)[] = [];
  try {
    log('starting the Temporal dev server');
    const server = new DevServerProcess();
    await server.start();
    closers.push(() => server.stop());
    const connection = await Connection.connect({ address: server.address });
    closers.push(() => connection.close());
    const client = new Client({ connection, namespace: server.namespace });
    const sim = await AtlasSimulator.start({ data: true, era: 'current' });
    closers.push(() => sim.stop());
    const taskQueue = `bench-verify-${Math.random().toString(36).slice(2, 8)}`;
    log('starting our worker process (bin/atlas-restore worker)');
    const worker = await startBenchWorker({
      temporalAddress: server.address,
      namespace: server.namespace,
      taskQueue,
      atlasBaseUrl: sim.url,
    });
    closers.push(() => worker.stop());

    const w = sim.world;
    const projectId = w.addProject();
    const source = w.addCluster({ groupId: projectId, name: 'bench-src', kind: 'flex' }).name;
    const target = w.addCluster({ groupId: projectId, name: 'bench-dst', kind: 'flex', restoreDurationMs: 2_000 });
    const snapshot = w.addSnapshot({ groupId: projectId, clusterName: source, dataset: datasetOf(o) });
    const restores: VerifyBenchRestore[] = [];
    for (let i = 0; i < o.restores; i++) {
      const { handle } = await startRestore(
        client,
        {
          projectId,
          clusterName: source,
          snapshotId: snapshot.id,
          targetClusterName: target.name,
          acknowledgeDataLoss: true,
          polling: { initialS: 1, maxS: 2, learn: false },
          requester: 'atlas-restore-bench',
          reason: `verify bench ${i + 1}`,
        },
        { taskQueue },
      );
      const r: RestoreResult = await handle.result().catch((e: unknown) => {
        throw new Error(`verify bench restore ${i + 1} did not complete: ${String(e)}\n${worker.log().slice(-2000)}`);
      });
      const v = r.verification;
      const from = v ? Date.parse(v.startedAt) : Date.parse(r.finishedAt);
      const calls = sim.calls.filter(
        (c) => c.groupId === projectId && !c.challenge && c.atMs >= from && c.atMs <= Date.parse(r.finishedAt),
      );
      const byOperation: Record<string, number> = {};
      for (const c of calls) byOperation[c.operation] = (byOperation[c.operation] ?? 0) + 1;
      const row: VerifyBenchRestore = {
        outcome: r.outcome,
        status: v?.status,
        verifyS: v ? (Date.parse(v.finishedAt) - Date.parse(v.startedAt)) / 1000 : 0,
        atlasCalls: calls.length,
        byOperation,
        resultBytes: Buffer.byteLength(JSON.stringify(r)),
        ...(v?.manifest
          ? {
              manifest: {
                databases: v.manifest.databases,
                collections: v.manifest.collections,
                documents: v.manifest.documents,
              },
            }
          : {}),
      };
      restores.push(row);
      log(
        `restore ${i + 1}: ${row.outcome}, verification ${row.status ?? '-'} in ${row.verifyS.toFixed(1)} s, ${row.atlasCalls} Atlas calls ${JSON.stringify(byOperation)}`,
      );
    }
    const maxVerifyS = Math.max(...restores.map((r) => r.verifyS));
    const maxAtlasCalls = Math.max(...restores.map((r) => r.atlasCalls));
    return {
      options: o,
      restores,
      maxVerifyS,
      maxAtlasCalls,
      targets: VERIFY_TARGETS,
      met:
        restores.every((r) => r.outcome === 'COMPLETED' && r.status === 'PASSED') &&
        maxVerifyS <= VERIFY_TARGETS.verifyS &&
        maxAtlasCalls <= VERIFY_TARGETS.extraAtlasCalls,
      ferretdbStarted: sim.data?.started ?? 0,
    };
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  }
}

function verifyTable(r: VerifyBenchReport): string {
  const o = r.options;
  return [
    `verify step: ${o.collections} collections × ${o.documentsPerCollection} documents (3 indexes each), ${o.restores} verified restores`,
    ...r.restores.map(
      (x, i) =>
        `  restore ${i + 1}: ${x.outcome} ${x.status ?? '-'}  verify ${x.verifyS.toFixed(1)} s  Atlas calls ${x.atlasCalls} ${JSON.stringify(x.byOperation)}  result ${(x.resultBytes / 1024).toFixed(1)} KB`,
    ),
    `  worst: verify ${r.maxVerifyS.toFixed(1)} s (target ≤ ${r.targets.verifyS} s), ${r.maxAtlasCalls} Atlas calls (target ≤ ${r.targets.extraAtlasCalls}): ${r.met ? 'met' : 'NOT met'}`,
  ].join('\n');
}

/** Runs the case and writes `verify-<collections>c.json` into `outDir`; the report goes to stdout. */
export async function verifyMain(
  o: VerifyBenchOptions & { json: boolean; outDir: string },
  log: (line: string) => void,
): Promise<number> {
  const report = await runVerifyBench(o, log);
  mkdirSync(o.outDir, { recursive: true });
  const file = join(o.outDir, `verify-${o.collections}c.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log(`wrote ${file}`);
  process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : verifyTable(report) + '\n');
  return report.restores.every((r) => r.outcome === 'COMPLETED') ? 0 : 1;
}
