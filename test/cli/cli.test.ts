// The CLI as operators and scripts use it: a subprocess against a dev server, the simulator and a worker process.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { cli, cliEnvFor, freePort, startArgs, startWorkerProcess } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { pollUntil } from '../helpers/poll';
import { addPair } from '../helpers/world';

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
  cliEnv = cliEnvFor(env.address, taskQueue);
  worker = await startWorkerProcess({
    ...cliEnv,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_METRICS_PORT: String(metricsPort),
    ATLAS_RESTORE_LOG_LEVEL: 'DEBUG',
    ATLAS_RESTORE_LOG_FORMAT: 'json',
  });
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

const json = (s: string) => JSON.parse(s) as Record<string, unknown>;

/** `status -o json` until its answer satisfies `ok`, as an operator would look again. */
const statusUntil = (id: string, ok: (s: Record<string, unknown>) => boolean) =>
  pollUntil(async () => json((await cli(['status', id, '-o', 'json'], cliEnv)).stdout), ok, {
    timeoutMs: 30_000,
    what: `status of ${id}`,
  });

test('start --force --wait -o json: exit 0 and exactly one JSON object with the contract fields', async () => {
  const p = addPair(sim.world, { restoreMs: 2_000 });
  const r = await cli(startArgs(p, '--force', '--wait', '-o', 'json', '--reason', 'CHG-1'), cliEnv);
  expect(r.code).toBe(0);
  const out = json(r.stdout);
  for (const k of [
    'workflowId',
    'runId',
    'outcome',
    'backend',
    'restoreJobId',
    'restoreFinishedDate',
    'checks',
    'compensations',
  ])
    expect(out).toHaveProperty(k);
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
  sim.world.planner = (j) =>
    j.targetCluster === failing.target.name ? { durationMs: 1_500, endsAs: 'FAILED' } : { durationMs: 1_500 };
  const f = await cli(startArgs(failing, '--force', '--wait', '-o', 'json'), cliEnv);
  sim.world.planner = undefined;
  expect([f.code, json(f.stdout).outcome]).toEqual([4, 'COMPENSATED']);

  const gated = addPair(sim.world);
  const waiting = cli(
    startArgs(gated, '--force', '--wait', '-o', 'json', '--requireApproval', '--requester', 'alice'),
    cliEnv,
  );
  const id = `atlas-restore-${gated.projectId}-${gated.target.name}`;
  const st = await statusUntil(id, (s) => s.awaitingApproval === true);
  expect(st.phase).toBe('AWAITING_APPROVAL');
  const runId = String(st.runId);
  const self = await cli(['approve', id, '--runId', runId, '--by', 'alice'], cliEnv);
  expect(self.code).toBe(2);
  expect(self.stderr).toMatch(/requester cannot approve/);
  const rej = await cli(['reject', id, '--runId', runId, '--by', 'bob', '--reason', 'not tonight'], cliEnv);
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
  expect(JSON.parse(l.stdout)).toEqual({ restores: [] });
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

  let status = await statusUntil(workflowId, (s) => s.awaitingApproval === true);
  expect(status).toMatchObject({ workflowId, running: true, phase: 'AWAITING_APPROVAL' });
  // The approver sees what is deleted, with what (and, from the workflow, the checks, plan and approval timeout).
  const text = await cli(['status', workflowId], cliEnv);
  expect(text.stdout).toContain(
    `target: '${p.target.name}' in project ${p.projectId} — ALL ITS DATA is deleted and replaced by snapshot ${p.snapshotId} of '${p.source.name}'`,
  );
  expect(text.stdout).toMatch(/WAITING FOR APPROVAL/);

  const ok = await cli(
    ['approve', workflowId, '--runId', String(status.runId), '--by', 'bob', '--comment', 'go'],
    cliEnv,
  );
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(/approved by bob/);

  status = await statusUntil(workflowId, (s) => s.phase === 'POLLING');
  expect(status.restoreJobId).toBeDefined();

  const list = await cli(['list', '--status', 'running', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv);
  expect((JSON.parse(list.stdout) as { restores: { workflowId: string }[] }).restores.map((w) => w.workflowId)).toEqual(
    [workflowId],
  );

  const cancel = await cli(['cancel', workflowId], cliEnv);
  expect(cancel.code).toBe(0);
  const watch = await cli(['watch', workflowId, '-o', 'json'], cliEnv);
  expect(watch.code).toBe(5);
  expect(json(watch.stdout).outcome).toBe('CANCELLED');

  const hist = await cli(['history', workflowId], cliEnv);
  expect(hist.code).toBe(0);
  for (const t of ['started', 'approval-requested', 'approved', 'submitted', 'cancel-requested', 'finished'])
    expect(hist.stdout).toContain(t);
  const raw = json((await cli(['history', workflowId, '-o', 'json'], cliEnv)).stdout) as {
    events: unknown[];
    audit: unknown[];
  };
  expect(raw.events.length).toBeGreaterThan(10);
  expect(raw.audit.length).toBeGreaterThan(5);
});

test('batch with an invalid plan: line-numbered errors, nothing started', async () => {
  const p = addPair(sim.world);
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  const file = join(dir, 'plan.yaml');
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
  expect(r.stderr).toMatch(/plan\.yaml:10: restores\.1\.snapshotId/);
  expect(r.stderr).toMatch(/plan\.yaml:11: restores\.1\.targetClusterName/);
  expect(r.stderr).toMatch(/nothing was started/);
  const l = await cli(['list', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv);
  expect(JSON.parse(l.stdout)).toEqual({ restores: [] });
});

/** A batch plan file of these pairs (polling fast enough for tests). */
const planFile = (name: string, pairs: Pair[]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), `${name}.json`);
  const restores = pairs.map((p) => ({
    projectId: p.projectId,
    clusterName: p.source.name,
    snapshotId: p.snapshotId,
    targetClusterName: p.target.name,
  }));
  writeFileSync(
    file,
    JSON.stringify({
      name,
      defaults: { acknowledgeDataLoss: true, polling: { initialS: 1, maxS: 1 }, verify: false },
      restores,
    }),
  );
  return file;
};

test('a valid batch plan runs its restores as children', async () => {
  const a = addPair(sim.world, { restoreMs: 1_500 });
  const b = addPair(sim.world, { restoreMs: 1_500 });
  const file = planFile('nightly', [a, b]);
  const r = await cli(['batch', file, '--force', '--wait', '-o', 'json'], cliEnv);
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
  const restoreLines = lines.filter(
    (l) =>
      typeof l.workflowId === 'string' &&
      (l.workflowId as string).startsWith('atlas-restore-') &&
      !(l.workflowId as string).includes('batch'),
  );
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
  for (const c of [
    'start',
    'status',
    'watch',
    'approve',
    'reject',
    'cancel',
    'history',
    'list',
    'batch',
    'worker',
    'setup',
    'simulator',
    'dev',
  ]) {
    const r = await cli([c, '--help'], cliEnv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: atlas-restore ${c}`);
  }
  const top = await cli(['--help'], cliEnv);
  expect(top.stdout).toMatch(
    /Exit codes: 0 completed .*1 unexpected, 2 usage\/invalid input, 3 preflight failed, 4 restore failed or compensated, 5 rejected\/cancelled\/deadline, 6 target busy/,
  );
});

test('list --projectId: restores from or into that project only; -o json is one object', async () => {
  const a = addPair(sim.world, { restoreMs: 500 });
  const b = addPair(sim.world, { restoreMs: 500 });
  for (const p of [a, b]) expect((await cli(startArgs(p, '--dryRun', '--wait'), cliEnv)).code).toBe(0);
  const l = await cli(['list', '--projectId', a.projectId, '-o', 'json'], cliEnv);
  expect(l.code).toBe(0);
  const out = JSON.parse(l.stdout) as { restores: { workflowId: string }[] };
  expect(Object.keys(out)).toEqual(['restores']);
  expect(out.restores.map((r) => r.workflowId)).toEqual([`atlas-restore-${a.projectId}-${a.target.name}`]);
});

test('history of a terminated restore shows its trail and how it ended (exit 0)', async () => {
  const p = addPair(sim.world, { restoreMs: 600_000 });
  const s = await cli(startArgs(p, '--force', '-o', 'json', '--requireApproval', '--requester', 'alice'), cliEnv);
  const { workflowId } = json(s.stdout) as { workflowId: string };
  await statusUntil(workflowId, (s) => s.awaitingApproval === true);
  await env.client.workflow.getHandle(workflowId).terminate('operator pulled the plug');
  const h = await cli(['history', workflowId], cliEnv);
  expect(h.code).toBe(0);
  for (const t of ['started', 'approval-requested']) expect(h.stdout).toContain(t);
  expect(h.stdout).toMatch(/terminated\s+the workflow was terminated: operator pulled the plug/);
  const raw = json((await cli(['history', workflowId, '-o', 'json'], cliEnv)).stdout) as {
    status: string;
    runs: unknown[];
    events: unknown[];
  };
  expect(raw.status).toBe('TERMINATED');
  expect(raw.runs).toHaveLength(1);
  expect(raw.events.length).toBeGreaterThan(5);
});

test('start --approvalTimeout: an undecided restore ends when the approval times out (exit 5)', async () => {
  const p = addPair(sim.world);
  const r = await cli(
    startArgs(p, '--force', '--wait', '-o', 'json', '--requireApproval', '--approvalTimeout', '3s'),
    cliEnv,
  );
  expect(r.code).toBe(5);
  expect(json(r.stdout).outcome).toBe('REJECTED');
  expect(String(json(r.stdout).reason)).toMatch(/approval/i);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toEqual([]);
});

describe('batch runbook steps', () => {
  test('without --force and without a terminal: refused (exit 2), nothing started', async () => {
    const p = addPair(sim.world);
    const r = await cli(['batch', planFile('unforced', [p])], cliEnv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to start a batch without --force/);
    expect(
      JSON.parse((await cli(['list', '--targetClusterName', p.target.name, '-o', 'json'], cliEnv)).stdout),
    ).toEqual({ restores: [] });
  });

  test('the same plan again returns the running batch; a different plan with that name is refused (exit 6)', async () => {
    const a = addPair(sim.world, { restoreMs: 20_000 });
    const b = addPair(sim.world, { restoreMs: 20_000 });
    const first = await cli(['batch', planFile('rerun', [a]), '--force', '-o', 'json'], cliEnv);
    expect(first.code).toBe(0);
    const f = json(first.stdout) as { workflowId: string; runId: string; existing: boolean };
    expect(f).toMatchObject({ workflowId: 'atlas-restore-batch-rerun', existing: false });
    const again = await cli(['batch', planFile('rerun', [a]), '--force', '-o', 'json'], cliEnv);
    expect([again.code, json(again.stdout)]).toEqual([0, { ...f, restores: 1, existing: true }]);
    const other = await cli(['batch', planFile('rerun', [a, b]), '--force', '-o', 'json'], cliEnv);
    expect(other.code).toBe(6);
    expect(json(other.stdout)).toEqual({
      error: 'TARGET_BUSY',
      workflowId: f.workflowId,
      runId: f.runId,
      message: expect.stringMatching(/^target busy: a different batch plan with this name is running/),
    });
    await env.client.workflow.getHandle(f.workflowId).terminate('test done');
  });

  test('batch --wait exits with the worst outcome: completed + preflight failed + target busy → 6', async () => {
    const ok = addPair(sim.world, { restoreMs: 1_000 });
    const paused = addPair(sim.world, { target: { paused: true } });
    const held = addPair(sim.world);
    // A restore into `held` is running (on a queue no worker polls): the batch must not start a second one.
    expect(
      (await cli(startArgs(held, '--force'), { ...cliEnv, ATLAS_RESTORE_TASK_QUEUE: `idle-${process.pid}` })).code,
    ).toBe(0);
    const r = await cli(['batch', planFile('worst', [ok, paused, held]), '--force', '--wait', '-o', 'json'], cliEnv);
    const out = json(r.stdout) as {
      byOutcome: Record<string, number>;
      items: { outcome: string; error?: string; reason?: string }[];
    };
    expect(out.byOutcome).toEqual({ COMPLETED: 1, PREFLIGHT_FAILED: 1, NOT_STARTED: 1 });
    expect(out.items[2]).toMatchObject({
      outcome: 'NOT_STARTED',
      error: 'TARGET_BUSY',
      reason: expect.stringMatching(/^target busy/),
    });
    expect(r.code).toBe(6);
    await env.client.workflow.getHandle(`atlas-restore-${held.projectId}-${held.target.name}`).terminate('test done');
    const two = await cli(
      [
        'batch',
        planFile('worst-two', [
          addPair(sim.world, { restoreMs: 1_000 }),
          addPair(sim.world, { target: { paused: true } }),
        ]),
        '--force',
        '--wait',
      ],
      cliEnv,
    );
    expect(two.code).toBe(3);
  });
});
