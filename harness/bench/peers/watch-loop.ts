// The `atlas backups restores watch` peer as a real process: what a team scripting the Atlas CLI runs (one create,
// then a read at once and every intervalMs, no backoff), over HTTP against the simulator, on its own Node timers, in
// its own process on the same loaded machine as ours. One process watches a round's restores (a process per
// restore would cost ~40 MB each). Reads its plan as JSON on stdin; prints one JSON line per restore when it is
// done (`{ pair, seenAtMs, status, reads, errors }`), then exits.
import { HttpClient } from 'urllib';
import { NoAuth } from '../../product/atlas';
import { AtlasClient } from '../../product/atlas';
import { AtlasHttp } from '../../product/atlas';

export interface WatchLoopTarget {
  pair: number;
  backend: 'tenant' | 'flex';
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetClusterName: string;
}

export interface WatchLoopPlan {
  baseUrl: string;
  /** Wall ms between reads (4 s, scaled). */
  intervalMs: number;
  targets: WatchLoopTarget[];
}

export interface WatchLoopResult {
  pair: number;
  /** Wall ms when the read that saw COMPLETED or FAILED answered (undefined: never created). */
  seenAtMs?: number;
  status: string;
  reads: number;
  errors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function watch(atlas: AtlasClient, plan: WatchLoopPlan, t: WatchLoopTarget): Promise<WatchLoopResult> {
  let errors = 0;
  let jobId: string | undefined;
  // `atlas backups restores start`: one create; a failed create is retried like a person re-running the command.
  while (jobId === undefined) {
    try {
      jobId = (
        await atlas.createRestore(t.backend, t.projectId, t.clusterName, {
          snapshotId: t.snapshotId,
          targetClusterName: t.targetClusterName,
          targetProjectId: t.projectId,
        })
      ).id;
    } catch {
      if (++errors > 20) return { pair: t.pair, status: 'NOT_CREATED', reads: 0, errors };
      await sleep(plan.intervalMs);
    }
  }
  // `atlas backups restores watch`: a read at once and every interval until the job is done.
  for (let reads = 1; ; reads++) {
    try {
      const job = await atlas.getRestoreJob(t.backend, t.projectId, t.clusterName, jobId);
      if (job.status === 'COMPLETED' || job.status === 'FAILED')
        return { pair: t.pair, seenAtMs: Date.now(), status: job.status, reads, errors };
    } catch {
      errors++;
    }
    await sleep(plan.intervalMs);
  }
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const plan = JSON.parse(input) as WatchLoopPlan;
  const atlas = new AtlasClient(
    new AtlasHttp({ baseUrl: plan.baseUrl, auth: new NoAuth(), http: new HttpClient(), timeoutMs: 20_000 }),
  );
  await Promise.all(
    plan.targets.map(async (t) => process.stdout.write(JSON.stringify(await watch(atlas, plan, t)) + '\n')),
  );
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`watch loop failed: ${String(e)}\n`);
      process.exit(1);
    },
  );
