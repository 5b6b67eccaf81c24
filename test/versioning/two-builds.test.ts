// The upgrade policy, end to end with two builds of the workflow code (docs/upgrading.md):
// restores run on a worker process of build A; a worker of build B, whose restore workflow gained a step guarded
// by patched(), is started beside it; A gets SIGTERM. The restores in flight finish on B with their outcome and one
// Atlas job each; new restores run B's step (their history has the patch marker). Then the replay gates of the
// policy's later steps: deprecatePatch() only once no pre-patch restore can run, and no rolling back to A.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import type { RestoreResult } from '../../common/result';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { approveUpdate } from '../../workflows/definitions';
import { baseEnv, startWorkerProcess } from '../helpers/cli';
import { queryStatus } from '../helpers/run';
import { addPair } from '../helpers/world';
import { bundleFile, bundleOf, currentBundleFile } from '../helpers/bundle';
import { quietRuntime } from '../../harness/kit/runtime';
import { PATCH_ID } from '../replay/fixtures/patch-id';
import { pollUntil } from '../helpers/poll';

type History = temporal.api.history.v1.IHistory;

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let dir: string;
let bundleA: string;
let bundleB: string;
const taskQueue = `two-builds-${process.pid}`;
quietRuntime();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'two-builds-'));
  [env, sim, bundleA, bundleB] = await Promise.all([
    startDevServer(),
    AtlasSimulator.start({ era: 'legacy' }),
    currentBundleFile(dir),
    bundleOf(require.resolve('../replay/fixtures/extra-step-patched')).then((b) => bundleFile(dir, 'b', b)),
  ]);
});
afterAll(async () => {
  await sim?.stop();
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

const workerEnv = (bundle: string) =>
  baseEnv({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: taskQueue,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_WORKFLOW_BUNDLE: bundle,
    ATLAS_RESTORE_LOG_FORMAT: 'json',
  });

const fast = { polling: { initialS: 1, maxS: 1, learn: false } };

const until = (what: string, pred: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> =>
  pollUntil(pred, (ok) => ok, { timeoutMs, everyMs: 100, what });

/** Who completed the workflow tasks of a run (a worker's identity is `<pid>@<host>`), and whether it took the patch. */
function look(h: History): { pids: Set<string>; patched: boolean } {
  const pids = new Set<string>();
  let patched = false;
  for (const e of h.events ?? []) {
    const identity = e.workflowTaskCompletedEventAttributes?.identity;
    if (identity) pids.add(identity.split('@')[0]);
    const m = e.markerRecordedEventAttributes;
    if (
      m &&
      Object.values(m.details ?? {}).some((p) =>
        p.payloads?.some((x) =>
          Buffer.from(x.data ?? [])
            .toString()
            .includes(PATCH_ID),
        ),
      )
    )
      patched = true;
  }
  return { pids, patched };
}

interface Restore {
  handle: Awaited<ReturnType<typeof startRestore>>['handle'];
  target: { projectId: string; name: string };
}
const start = async (pair: ReturnType<typeof addPair>, extra: object = {}): Promise<Restore> => ({
  handle: (await startRestore(env.client, { ...pair.input, ...fast, ...extra }, { taskQueue })).handle,
  target: { projectId: pair.projectId, name: pair.target.name },
});
const historyOf = async (r: Restore): Promise<Recorded> => ({
  workflowId: r.handle.workflowId,
  history: await env.client.workflow.getHandle(r.handle.workflowId).fetchHistory(),
});

/** Each history with its workflow id: a restore replays only under its own id (the id check of issue 21). */
interface Recorded {
  workflowId: string;
  history: History;
}
const histories = { inFlight: [] as Recorded[], onB: [] as Recorded[] };

test('restores in flight on build A finish on build B after A is stopped with SIGTERM; new restores run B', async () => {
  const a = await startWorkerProcess(workerEnv(bundleA));
  const aPid = String(a.proc.pid);
  let b: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  try {
    // In flight on A: three restores polling their Atlas jobs, one waiting for approval (nothing submitted yet).
    const polling = await Promise.all([0, 1, 2].map(() => start(addPair(sim.world, { restoreMs: 20_000 }))));
    const waiting = await start(addPair(sim.world, { restoreMs: 5_000 }), { requireApproval: true });
    await until('restores in flight on A', async () => {
      const s = await Promise.all([...polling, waiting].map((r) => queryStatus(r.handle)));
      return s.slice(0, 3).every((x) => x.restoreJobId && x.polls >= 1) && s[3].awaitingApproval;
    });

    // Roll: B starts beside A, then A gets SIGTERM and drains.
    const tB = Date.now();
    b = await startWorkerProcess(workerEnv(bundleB));
    const bReadyS = (Date.now() - tB) / 1000;
    const bPid = String(b.proc.pid);
    const tTerm = Date.now();
    const aExit = new Promise<number | null>((resolve) => a.proc.once('exit', (code) => resolve(code)));
    a.proc.kill('SIGTERM');
    const aCode = await aExit;
    const aStopS = (Date.now() - tTerm) / 1000;
    expect(aCode).toBe(0);

    // The restore that waited for approval is approved while only B runs; two new restores start on B.
    await waiting.handle.executeUpdate(approveUpdate, { args: [{ by: 'bob' }] });
    const fresh = await Promise.all([0, 1].map(() => start(addPair(sim.world, { restoreMs: 5_000 }))));

    const inFlight = [...polling, waiting];
    const finishS: number[] = [];
    const results: RestoreResult[] = await Promise.all(
      [...inFlight, ...fresh].map(async (r) => {
        const result = await restoreResultOf(r.handle);
        finishS.push((Date.now() - tTerm) / 1000);
        return result;
      }),
    );
    const jobs = [...inFlight, ...fresh].map((r) => sim.world.jobsIntoTarget(r.target.projectId, r.target.name).length);
    expect(results.map((r) => r.outcome)).toEqual(Array(6).fill('COMPLETED'));
    expect(jobs).toEqual(Array(6).fill(1));

    histories.inFlight = await Promise.all(inFlight.map(historyOf));
    histories.onB = await Promise.all(fresh.map(historyOf));
    for (const h of histories.inFlight) {
      // Started on A, finished on B, and never took B's step (patched() is false where the history has no marker).
      const seen = look(h.history);
      expect([...seen.pids].sort()).toEqual([aPid, bPid].sort());
      expect(seen.patched).toBe(false);
    }
    for (const h of histories.onB) expect(look(h.history)).toEqual({ pids: new Set([bPid]), patched: true });

    console.log(
      `two builds: ${inFlight.length} restores in flight on A (3 polling, 1 awaiting approval); B ready ${bReadyS.toFixed(1)} s after start; ` +
        `A exited ${aStopS.toFixed(1)} s after SIGTERM (code ${aCode}); restores done ${Math.min(...finishS).toFixed(1)}–${Math.max(...finishS).toFixed(1)} s after SIGTERM; ` +
        `outcomes ${results.map((r) => r.outcome).join(',')}; Atlas jobs per restore ${jobs.join(',')}`,
    );
  } finally {
    if (a.proc.exitCode === null) await a.stop();
    await b?.stop();
  }
});

test('the policy gates, by replay: deprecatePatch only after the pre-patch restores are gone; no rolling back to A', async () => {
  expect(histories.onB.length).toBeGreaterThan(0);
  const deprecated = await bundleOf(require.resolve('../replay/fixtures/extra-step-deprecated'));
  const replay = async (bundle: Parameters<typeof Worker.runReplayHistories>[0]['workflowBundle'], hs: Recorded[]) => {
    const errors = [];
    for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, hs)) errors.push(r.error);
    return errors;
  };
  const clean = (errors: unknown[]) => expect(errors).toEqual(errors.map(() => undefined));
  const violations = (errors: unknown[]) =>
    expect(errors).toEqual(errors.map(() => expect.any(DeterminismViolationError)));

  // B (patched) runs both generations.
  clean(await replay({ codePath: bundleB }, [...histories.inFlight, ...histories.onB]));
  // The deprecated build runs restores started with the patch, but not those started before it.
  clean(await replay(deprecated, histories.onB));
  violations(await replay(deprecated, histories.inFlight));
  // Once B has started restores, A cannot run them: roll forward, never back.
  violations(await replay({ codePath: bundleA }, histories.onB));
});
