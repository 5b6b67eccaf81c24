// Issue 24's CLI fixes, as operators meet them (the CLI as a subprocess against a dev server, the simulator and a
// worker process): status of a batch in text mode, --runId on status/history/cancel, list with a header, run ids and
// the batch, list --status canceled|rejected, status's documented exit codes, the named approval timer, cancelled
// batch items naming their job, and a live elapsed time while waiting.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitWithProgress } from '../../client/progress';
import type { RestoreStatus } from '../../common/result';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import type { restoreWorkflow } from '../../workflows';
import { statusQuery } from '../../workflows/definitions';
import { cli, cliEnvFor, startArgs, startWorkerProcess } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';
import { addPair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let cliEnv: NodeJS.ProcessEnv;
const taskQueue = `runs-${process.pid}`;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  cliEnv = cliEnvFor(env.address, taskQueue);
  worker = await startWorkerProcess({ ...cliEnv, MONGODB_ATLAS_BASE_URL: sim.url });
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

type Json = Record<string, unknown>;
const json = (s: string) => JSON.parse(s) as Json;
const restoreHandle = (id: string, runId?: string) => env.client.workflow.getHandle<typeof restoreWorkflow>(id, runId);
const statusOf = (id: string) => restoreHandle(id).query(statusQuery);

test('--runId: status, history and cancel reach an earlier run of a target; list has a header, run ids, --status', async () => {
  const p = addPair(sim.world);
  const first = json((await cli(startArgs(p, '--dryRun', '--wait', '-o', 'json'), cliEnv)).stdout);
  const second = json((await cli(startArgs(p, '--dryRun', '--wait', '-o', 'json'), cliEnv)).stdout);
  const id = String(first.workflowId);
  expect(second.workflowId).toBe(id);
  expect(second.runId).not.toBe(first.runId);

  const st = await cli(['status', id, '--runId', String(first.runId), '-o', 'json'], cliEnv);
  expect(st.code).toBe(0);
  expect(json(st.stdout)).toMatchObject({ runId: first.runId, result: { runId: first.runId, outcome: 'DRY_RUN' } });
  const hist = await cli(['history', id, '--runId', String(first.runId), '-o', 'json'], cliEnv);
  expect([hist.code, json(hist.stdout).runId]).toEqual([0, first.runId]);
  const old = await cli(['cancel', id, '--runId', String(first.runId)], cliEnv);
  expect(old.code).toBe(2);
  expect(old.stderr).toContain(`(run ${String(first.runId)}) is not running`);

  // A gated restore rejected, then a long one cancelled: the filters the issue names find each.
  const gated = json((await cli(startArgs(p, '--force', '--requireApproval', '-o', 'json'), cliEnv)).stdout);
  await pollUntil(
    () => statusOf(id),
    (s) => s.awaitingApproval === true,
  );
  expect((await cli(['reject', id, '--runId', String(gated.runId), '--by', 'bob'], cliEnv)).code).toBe(0);
  await pollUntil(
    () => restoreHandle(id, String(gated.runId)).describe(),
    (d) => d.status.name !== 'RUNNING',
  );
  const long = json((await cli(startArgs(p, '--force', '-o', 'json'), cliEnv)).stdout);
  await pollUntil(
    () => statusOf(id),
    (s) => s.phase === 'POLLING',
  );
  const c = await cli(['cancel', id, '--runId', String(long.runId)], cliEnv);
  expect(c.code).toBe(0);
  await pollUntil(
    () => restoreHandle(id, String(long.runId)).describe(),
    (d) => d.status.name !== 'RUNNING',
  );
  expect((await cli(['status', id], cliEnv)).code).toBe(5);

  const rows = async (...f: string[]) =>
    (
      json((await cli(['list', '--targetClusterName', p.target.name, ...f, '-o', 'json'], cliEnv)).stdout)
        .restores as Json[]
    ).map((r) => r.runId);
  // Visibility follows the workflows by a moment: ask until it has caught up.
  const listed = (f: string[], want: unknown[]) =>
    pollUntil(
      () => rows(...f),
      (r) => JSON.stringify(r) === JSON.stringify(want),
      { timeoutMs: 15_000, what: `list ${f.join(' ')}` },
    );
  await listed(['--status', 'rejected'], [gated.runId]);
  await listed(['--status', 'canceled'], [long.runId]);
  await listed(['--status', 'cancelled'], [long.runId]);
  await listed([], [long.runId, gated.runId, second.runId, first.runId]);

  const text = (await cli(['list', '--targetClusterName', p.target.name], cliEnv)).stdout.trimEnd().split('\n');
  expect(text[0].split(/\s{2,}/)).toEqual(['STATE', 'WORKFLOW ID', 'RUN ID', 'SOURCE → TARGET', 'STARTED', 'BATCH']);
  expect(text.slice(1).map((l) => l.split(/\s{2,}/)[2])).toEqual([long.runId, gated.runId, second.runId, first.runId]);
  expect(text[1]).toMatch(/^CANCELLED /);
});

test('a batch: status in text mode, its cancelled items name their job, list names the batch', async () => {
  const pairs = [addPair(sim.world, { restoreMs: 600_000 }), addPair(sim.world, { restoreMs: 600_000 })];
  const plan = join(mkdtempSync(join(tmpdir(), 'runs-')), 'plan.yaml');
  writeFileSync(
    plan,
    JSON.stringify({
      name: `door-drill-${process.pid}`,
      defaults: { acknowledgeDataLoss: true, verify: false },
      restores: pairs.map((p) => ({
        projectId: p.projectId,
        clusterName: p.source.name,
        snapshotId: p.snapshotId,
        targetClusterName: p.target.name,
      })),
    }),
  );
  const started = await cli(['batch', plan, '--force', '-o', 'json'], cliEnv);
  expect(started.code).toBe(0);
  const batchId = String(json(started.stdout).workflowId);
  const childIds = pairs.map((p) => `atlas-restore-${p.projectId}-${p.target.name}`);
  for (const id of childIds)
    await pollUntil(
      () => statusOf(id),
      (s) => !!s.restoreJobId,
    );

  const running = await cli(['status', batchId], cliEnv);
  expect([running.code, running.stderr]).toEqual([0, '']);
  expect(running.stdout).toMatch(
    /^RUNNING {2}atlas-restore-batch-door-drill-\d+ \(run [\w-]+\)\n {2}0\/2 done, 2 running/,
  );

  const list = (await cli(['list', '--targetClusterName', pairs[0].target.name], cliEnv)).stdout;
  expect(
    list
      .trimEnd()
      .split('\n')[1]
      .split(/\s{2,}/)[5],
  ).toBe(batchId);

  expect((await cli(['cancel', batchId], cliEnv)).code).toBe(0);
  await pollUntil(
    () => env.client.workflow.getHandle(batchId).describe(),
    (d) => d.status.name !== 'RUNNING',
  );
  const done = await cli(['status', batchId], cliEnv);
  expect(done.code).toBe(5);
  const jobs = pairs.map((p) => sim.world.jobsIntoTarget(p.projectId, p.target.name)[0].id);
  for (const job of jobs) expect(done.stdout).toContain(`restore job ${job}`);
  const items = (json((await cli(['status', batchId, '-o', 'json'], cliEnv)).stdout).result as { items: Json[] }).items;
  expect(items.map((i) => [i.outcome, i.restoreJobId])).toEqual(jobs.map((j) => ['CANCELLED', j]));
});

test('status --help documents the exit codes', async () => {
  const h = await cli(['status', '--help'], cliEnv);
  expect(h.code).toBe(0);
  expect(h.stdout).toMatch(
    /Exit codes: 0 while it runs; once it has ended, its outcome's code: 0 completed or dry run, 3 preflight failed, 4 failed or compensated, 5 rejected, cancelled or deadline exceeded/,
  );
});

test('the approval wait is a named timer; waiting shows a live elapsed time between status queries', async () => {
  const p = addPair(sim.world);
  const started = json((await cli(startArgs(p, '--force', '--requireApproval', '-o', 'json'), cliEnv)).stdout);
  const id = String(started.workflowId);
  await pollUntil(
    () => statusOf(id),
    (s: RestoreStatus) => s.awaitingApproval === true,
  );

  // The timer starts after the approval_requested notification, one workflow task after awaitingApproval is set.
  const timerSummaries = async () => {
    const { events } = await restoreHandle(id).fetchHistory();
    const timers = (events ?? []).filter(
      (e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED,
    );
    return timers.map((e) => Buffer.from(e.userMetadata?.summary?.data ?? []).toString());
  };
  const summaries = await pollUntil(timerSummaries, (ss) => ss.some((s) => s.startsWith('Approval timeout')), {
    timeoutMs: 30_000,
    what: 'the approval timer',
  }).catch(timerSummaries);
  expect(summaries.some((s) => s.includes('Approval timeout: REJECTED at'))).toBe(true);

  // Awaiting approval, the status is asked for every 30 s; the line's elapsed time still moves every second.
  const lines: string[] = [];
  const waiting = waitWithProgress(restoreHandle(id), { update: (l) => lines.push(l), end: () => undefined });
  await new Promise((r) => setTimeout(r, 3_500));
  const runId = (await restoreHandle(id).describe()).runId;
  expect((await cli(['reject', id, '--runId', runId, '--by', 'bob'], cliEnv)).code).toBe(0);
  expect((await waiting).outcome).toBe('REJECTED');
  const elapsed = new Set(lines.filter((l) => /AWAITING_APPROVAL/.test(l)).map((l) => l.slice(0, l.indexOf(']'))));
  expect(elapsed.size).toBeGreaterThanOrEqual(3);
});

test('start --wait on a restore terminated from Temporal: exit 1, with the reason it was terminated for', async () => {
  const p = addPair(sim.world);
  const waiting = cli(startArgs(p, '--force', '--requireApproval', '--wait'), cliEnv);
  const id = `atlas-restore-${p.projectId}-${p.target.name}`;
  await pollUntil(
    () => statusOf(id),
    (s) => s.awaitingApproval === true,
  );
  await restoreHandle(id).terminate('operator pulled the plug');
  const r = await waiting;
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^error: operator pulled the plug$/m);
});
