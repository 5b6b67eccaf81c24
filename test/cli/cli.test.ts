// The CLI as operators and scripts use it: a subprocess against a dev server, the simulator and a worker process.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, cli, freePort, startArgs, startWorkerProcess } from '../helpers/cli';
import { addPair, Pair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let cliEnv: NodeJS.ProcessEnv;
let metricsPort: number;
const taskQueue = `cli-${process.pid}`;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  metricsPort = await freePort();
  cliEnv = baseEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', ATLAS_RESTORE_TASK_QUEUE: taskQueue, ATLAS_RESTORE_POLL_INITIAL_S: '1', ATLAS_RESTORE_POLL_MAX_S: '1' });
  worker = await startWorkerProcess({ ...cliEnv, MONGODB_ATLAS_BASE_URL: sim.url, ATLAS_RESTORE_METRICS_PORT: String(metricsPort), ATLAS_RESTORE_LOG_LEVEL: 'DEBUG', ATLAS_RESTORE_LOG_FORMAT: 'json' });
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

const json = (s: string) => JSON.parse(s) as Record<string, unknown>;

test('start --force --wait -o json: exit 0 and exactly one JSON object with the contract fields', async () => {
  const p = addPair(sim.world, { restoreMs: 2_000 });
  const r = await cli(startArgs(p, '--force', '--wait', '-o', 'json', '--reason', 'CHG-1'), cliEnv);
  expect(r.code).toBe(0);
  const out = json(r.stdout);
  for (const k of ['workflowId', 'runId', 'outcome', 'backend', 'restoreJobId', 'restoreFinishedDate', 'checks', 'compensations']) expect(out).toHaveProperty(k);
  expect(out.outcome).toBe('COMPLETED');
  expect(out.restoreJobId).toBe(sim.world.jobsIntoTarget(p.projectId, p.target.name)[0].id);
  expect(r.stderr).toMatch(/POLLING/);
});

test('exit codes by outcome: dry run 0, preflight failed 3, restore failed 4, rejected 5', async () => {
  const dry = addPair(sim.world);
  const d = await cli(startArgs(dry, '--dryRun', '--wait', '-o', 'json'), cliEnv);
  expect([d.code, json(d.stdout).outcome]).toEqual([0, 'DRY_RUN']);

  const paused = addPair(sim.world, { target: { paused: true } });
  const pf = await cli(startArgs(paused, '--force', '--wait', '-o', 'json'), cliEnv);
  expect([pf.code, json(pf.stdout).outcome]).toEqual([3, 'PREFLIGHT_FAILED']);

  const failing = addPair(sim.world);
  sim.world.planner = (j) => (j.targetCluster === failing.target.name ? { durationMs: 1_500, endsAs: 'FAILED' } : { durationMs: 1_500 });
  const f = await cli(startArgs(failing, '--force', '--wait', '-o', 'json'), cliEnv);
  sim.world.planner = undefined;
  expect([f.code, json(f.stdout).outcome]).toEqual([4, 'COMPENSATED']);

  const gated = addPair(sim.world);
  const waiting = cli(startArgs(gated, '--force', '--wait', '-o', 'json', '--requireApproval', '--requester', 'alice'), cliEnv);
  const id = `atlas-restore-${gated.projectId}-${gated.target.name}`;
  let st;
  for (let i = 0; i < 100; i++) {
    st = await cli(['status', id, '-o', 'json'], cliEnv);
    if (st.code === 0 && json(st.stdout).awaitingApproval) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(json(st!.stdout).phase).toBe('AWAITING_APPROVAL');
  const self = await cli(['approve', id, '--by', 'alice'], cliEnv);
  expect(self.code).toBe(2);
  expect(self.stderr).toMatch(/requester cannot approve/);
  const rej = await cli(['reject', id, '--by', 'bob', '--reason', 'not tonight'], cliEnv);
  expect(rej.code).toBe(0);
  const g = await waiting;
  expect([g.code, json(g.stdout).outcome]).toEqual([5, 'REJECTED']);
});

test('without --force and without a terminal: refused with exit 2, nothing started', async () => {
  const p = addPair(sim.world);
  const r = await cli(startArgs(p), cliEnv);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/refusing to start a restore without --force/);
  const l = await cli(['list', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv);
  expect(json(`{"rows":${l.stdout}}`).rows).toEqual([]);
});

test('invalid input: exit 2 with the field named, nothing started', async () => {
  const p = addPair(sim.world);
  const r = await cli([...startArgs(p, '--force'), '--projectId', 'not-an-id'], cliEnv);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/projectId: must be a 24-character hexadecimal Atlas id/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('status, history, list, approve and cancel on a running restore', async () => {
  const p = addPair(sim.world, { restoreMs: 600_000 });
  const started = await cli(startArgs(p, '--force', '-o', 'json', '--requireApproval', '--requester', 'alice'), cliEnv);
  expect(started.code).toBe(0);
  const { workflowId } = json(started.stdout) as { workflowId: string };

  let status;
  for (let i = 0; i < 100; i++) {
    status = await cli(['status', workflowId, '-o', 'json'], cliEnv);
    if (json(status.stdout).awaitingApproval) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(json(status!.stdout)).toMatchObject({ workflowId, running: true, phase: 'AWAITING_APPROVAL' });

  const ok = await cli(['approve', workflowId, '--by', 'bob', '--comment', 'go'], cliEnv);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/approved by bob/);

  for (let i = 0; i < 100; i++) {
    status = await cli(['status', workflowId, '-o', 'json'], cliEnv);
    if (json(status.stdout).phase === 'POLLING') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(json(status!.stdout).restoreJobId).toBeDefined();

  const list = await cli(['list', '--status', 'running', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv);
  expect((JSON.parse(list.stdout) as { workflowId: string }[]).map((w) => w.workflowId)).toEqual([workflowId]);

  const cancel = await cli(['cancel', workflowId], cliEnv);
  expect(cancel.code).toBe(0);
  const watch = await cli(['watch', workflowId, '-o', 'json'], cliEnv);
  expect(watch.code).toBe(5);
  expect(json(watch.stdout).outcome).toBe('CANCELLED');

  const hist = await cli(['history', workflowId], cliEnv);
  expect(hist.code).toBe(0);
  for (const t of ['started', 'approval-requested', 'approved', 'submitted', 'cancel-requested', 'compensation', 'finished']) expect(hist.stdout).toContain(t);
  const raw = json((await cli(['history', workflowId, '-o', 'json'], cliEnv)).stdout) as { events: unknown[]; audit: unknown[] };
  expect(raw.events.length).toBeGreaterThan(10);
  expect(raw.audit.length).toBeGreaterThan(5);
});

test('batch with an invalid plan: line-numbered errors, nothing started', async () => {
  const p = addPair(sim.world);
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  const file = join(dir, 'drill.yaml');
  writeFileSync(
    file,
    [
      'name: drill',
      'defaults:',
      `  projectId: ${p.projectId}`,
      '  acknowledgeDataLoss: true',
      'restores:',
      `  - clusterName: ${p.source.name}`,
      `    snapshotId: ${p.snapshotId}`,
      `    targetClusterName: ${p.target.name}`,
      `  - clusterName: ${p.source.name}`,
      '    snapshotId: 12345',
      '    targetClusterName: bad_name!',
      '',
    ].join('\n'),
  );
  const r = await cli(['batch', file], cliEnv);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/drill\.yaml:10: restores\.1\.snapshotId/);
  expect(r.stderr).toMatch(/drill\.yaml:11: restores\.1\.targetClusterName/);
  expect(r.stderr).toMatch(/nothing was started/);
  const l = await cli(['list', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv);
  expect(JSON.parse(l.stdout)).toEqual([]);
});

test('a valid batch plan runs its restores as children', async () => {
  const a = addPair(sim.world, { restoreMs: 1_500 });
  const b = addPair(sim.world, { restoreMs: 1_500 });
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'ok.json');
  const item = (p: Pair) => ({ projectId: p.projectId, clusterName: p.source.name, snapshotId: p.snapshotId, targetClusterName: p.target.name });
  writeFileSync(file, JSON.stringify({ name: 'nightly', defaults: { acknowledgeDataLoss: true, polling: { initialS: 1, maxS: 1 } }, restores: [item(a), item(b)] }, null, 2));
  const r = await cli(['batch', file, '--wait', '-o', 'json'], cliEnv);
  expect(r.code).toBe(0);
  expect(json(r.stdout).byOutcome).toEqual({ COMPLETED: 2 });
});

test('bad configuration: one line naming the variable, exit 2, no stack trace', async () => {
  const r = await cli(['list'], { ...cliEnv, ATLAS_RESTORE_METRICS_PORT: 'ninety' });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^error: configuration error: ATLAS_RESTORE_METRICS_PORT: /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  const w = await cli(['worker'], { ...cliEnv, MONGODB_ATLAS_BASE_URL: 'http://atlas.example.com' });
  expect(w.code).toBe(2);
  expect(w.stderr).toMatch(/MONGODB_ATLAS_BASE_URL/);
  const half = await cli(['worker'], { ...cliEnv, MONGODB_ATLAS_PUBLIC_API_KEY: 'abc' });
  expect(half.code).toBe(2);
  expect(half.stderr).toMatch(/MONGODB_ATLAS_PRIVATE_API_KEY/);
});

test('the worker serves Prometheus metrics with our counters', async () => {
  const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  const text = await res.text();
  expect(text).toMatch(/atlas_restore_atlas_calls_total\{[^}]*operation="createTenantRestore"[^}]*status="200"/);
  expect(text).toMatch(/atlas_restore_outcomes_total\{[^}]*outcome="COMPLETED"/);
  expect(text).toMatch(/temporal_workflow_completed/);
});

test('setup registers the search attributes idempotently', async () => {
  const r = await cli(['setup', '-o', 'json'], cliEnv);
  expect(r.code).toBe(0);
  // The dev server was started with them, so a second registration adds nothing and still succeeds.
  expect(json(r.stdout)).toEqual({ namespace: 'default', added: [] });
});

test('worker logs are JSON lines, all of them; every line of a restore carries its workflow id and target cluster', () => {
  const all = worker
    .output()
    .split('\n')
    .filter((l) => l.trim());
  const notJson = all.filter((l) => {
    try {
      return typeof JSON.parse(l) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  const lines = all.map((l) => JSON.parse(l) as Record<string, unknown>);
  const restoreLines = lines.filter((l) => typeof l.workflowId === 'string' && (l.workflowId as string).startsWith('atlas-restore-') && !(l.workflowId as string).includes('batch'));
  expect(restoreLines.length).toBeGreaterThan(10);
  for (const l of restoreLines) {
    expect(l).toHaveProperty('ts');
    expect(l).toHaveProperty('level');
    expect((l.workflowId as string).endsWith(`-${l.target as string}`)).toBe(true);
  }
  expect(restoreLines.some((l) => l.activityType === 'submitRestore')).toBe(true);
  expect(restoreLines.some((l) => String(l.msg).startsWith('restore finished'))).toBe(true);
});

test('--help works for every command', async () => {
  for (const c of ['start', 'status', 'watch', 'approve', 'reject', 'cancel', 'history', 'list', 'batch', 'worker', 'setup', 'simulator', 'dev']) {
    const r = await cli([c, '--help'], cliEnv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: atlas-restore ${c}`);
  }
});
