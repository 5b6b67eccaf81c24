// The production topology, run for real (issue 23): PostgreSQL 15 (Debian) → deploy/temporal-schema.sh →
// Temporal Server at compose's version (built from the Go module proxy) with compose's environment and dynamic
// config → deploy/temporal-namespace.sh → the Atlas simulator → three `atlas-restore worker` processes. Restores
// and a batch go through the CLI; the server is SIGKILLed mid-restore and restarted on the same database while a
// `start` waits for it; the workers are restarted one by one. Every restore must reach its outcome with exactly one
// Atlas job, and the visibility queries (`list`, the same-request digest, the gauges) must work on PostgreSQL.
// Needs Go, PostgreSQL's server binaries and the Temporal CLI; .ci/run installs them. It is skipped only when
// ATLAS_RESTORE_SKIP_PRODUCTION_TEST=1 says so; anything missing otherwise fails it.
import { Client, Connection } from '@temporalio/client';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { restoreResultOf } from '../../client/result';
import { SA } from '../../common/constants';
import { temporalCliPath } from '../../devserver/binaries';
import type { WorkerChild } from '../../harness/kit/worker-process';
import { spawnWorker } from '../../harness/kit/worker-process';
import { AtlasSimulator } from '../../simulator/server';
import type { CliRun } from '../helpers/cli';
import { baseEnv, BIN, startArgs } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { addPair } from '../helpers/world';
import { composeDynamicConfig, composeEnv, composeScript, root, versions } from './compose-steps';
import type { Postgres } from './postgres';
import { startPostgres } from './postgres';
import { lowPort, serverPorts, TemporalServer } from './temporal-server';

const SKIP = process.env.ATLAS_RESTORE_SKIP_PRODUCTION_TEST === '1';
if (SKIP) console.warn('test/production skipped: ATLAS_RESTORE_SKIP_PRODUCTION_TEST=1');
const suite = SKIP ? describe.skip : describe;

const timings: Record<string, number> = {};
const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round((Date.now() - t0) / 100) / 10;
  }
};

/** Runs a deployment script as compose does (`/bin/sh <file>`), with the given environment; throws on failure. */
function runStep(script: string, env: Record<string, string | undefined>): string {
  const r = spawnSync('/bin/sh', [script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

let pg: Postgres | undefined;
let server: TemporalServer | undefined;
let sim: AtlasSimulator | undefined;
let client: Client | undefined;
let workers: WorkerChild[] = [];
const retired: WorkerChild[] = [];
let cliEnv: NodeJS.ProcessEnv;
let workerEnv: (i: number) => NodeJS.ProcessEnv;
const metricsPorts: number[] = [];
const work = mkdtempSync(join(tmpdir(), 'atlas-restore-topology-'));

function cli(args: string[], env: NodeJS.ProcessEnv = cliEnv, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

async function until(what: string, pred: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const idOf = (p: Pair) => `atlas-restore-${p.projectId}-${p.target.name}`;
const jobs = (p: Pair) => sim!.world.jobsIntoTarget(p.projectId, p.target.name);

suite(
  `production topology: PostgreSQL, Temporal Server ${versions().temporalServer}, deploy/ scripts, three workers`,
  () => {
    beforeAll(async () => {
      const [serverBin, sqlTool] = await timed('temporal-server build or cache', () =>
        execFileSync(process.execPath, [join(root, 'scripts', 'setup-temporal-server.mjs')], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        })
          .trim()
          .split('\n'),
      );
      const schemaDir = join(dirname(serverBin), 'schema', 'postgresql', 'v12');

      pg = await timed('postgres initdb+start', async () => startPostgres(await lowPort()));
      // The postgres image creates the database named after POSTGRES_USER: the schema step must take it as it is.
      pg.run('createdb', ['temporal']);

      const schemaEnv = {
        ...composeEnv('temporal-schema'),
        POSTGRES_SEEDS: '127.0.0.1',
        DB_PORT: String(pg.port),
        SQL_PASSWORD: pg.password,
        SCHEMA_DIR: schemaDir,
        SQL_TOOL: sqlTool,
      };
      const first = await timed('schema step (fresh)', () => runStep(composeScript('temporal-schema'), schemaEnv));
      expect(first).toMatch(/temporal: schema up to date/);
      expect(first).toMatch(/temporal_visibility: schema up to date/);
      // Again, as on every `docker compose up`: nothing to do, no failure.
      await timed('schema step (again)', () => runStep(composeScript('temporal-schema'), schemaEnv));

      // The server's own check of the dynamic config compose mounts (unknown keys and wrong types are errors).
      expect(
        execFileSync(serverBin, ['validate-dynamic-config', composeDynamicConfig()], { encoding: 'utf8' }),
      ).not.toMatch(/error|warning/);
      server = new TemporalServer(serverBin, {
        ...composeEnv('temporal'),
        PATH: process.env.PATH,
        POSTGRES_SEEDS: '127.0.0.1',
        DB_PORT: String(pg.port),
        POSTGRES_PWD: pg.password,
        BIND_ON_IP: '127.0.0.1',
        DYNAMIC_CONFIG_FILE_PATH: composeDynamicConfig(),
        LOG_LEVEL: 'warn',
        ...(await serverPorts()),
      });
      await timed('temporal-server start', () => server!.start());
      // The very version compose deploys.
      const described = JSON.parse(
        execFileSync(
          temporalCliPath(),
          ['operator', 'cluster', 'describe', '--address', server.address, '-o', 'json'],
          {
            encoding: 'utf8',
          },
        ),
      ) as { serverVersion: string };
      expect(described.serverVersion).toBe(versions().temporalServer);

      const nsEnv = {
        ...composeEnv('temporal-admin-tools'),
        TEMPORAL_ADDRESS: server.address,
        TEMPORAL_CLI: temporalCliPath(),
        DEPLOY_RETRY_DELAY_S: '1',
      };
      const ns = await timed('namespace step (fresh)', () => runStep(composeScript('temporal-admin-tools'), nsEnv));
      expect(ns).toMatch(/namespace default: ready/);
      expect(
        await timed('namespace step (again)', () => runStep(composeScript('temporal-admin-tools'), nsEnv)),
      ).toMatch(/RestoreRequestDigest: present/);

      sim = await AtlasSimulator.start({ era: 'legacy' });
      const namespace = composeEnv('temporal-admin-tools').TEMPORAL_NAMESPACE;
      const taskQueue = composeEnv('worker').ATLAS_RESTORE_TASK_QUEUE;
      cliEnv = baseEnv({
        TEMPORAL_ADDRESS: server.address,
        TEMPORAL_NAMESPACE: namespace,
        ATLAS_RESTORE_TASK_QUEUE: taskQueue,
        ATLAS_RESTORE_POLL_INITIAL_S: '1',
        ATLAS_RESTORE_POLL_MAX_S: '2',
      });
      for (let i = 0; i < 3; i++) metricsPorts.push(await lowPort(metricsPorts));
      workerEnv = (i) => ({
        ...cliEnv,
        MONGODB_ATLAS_BASE_URL: sim!.url,
        ATLAS_RESTORE_METRICS_PORT: String(metricsPorts[i]),
        ATLAS_RESTORE_SHUTDOWN_GRACE: '10s',
        ATLAS_RESTORE_LOG_FORMAT: 'json',
        ATLAS_RESTORE_LOG_LEVEL: 'DEBUG',
      });
      workers = await timed('three workers start', () =>
        Promise.all([0, 1, 2].map((i) => spawnWorker({ env: workerEnv(i), logFile: join(work, `worker-${i}.log`) }))),
      );
      client = new Client({ connection: await Connection.connect({ address: server.address }), namespace });
    }, 2_400_000); // a fresh Go build of the server: minutes (about 23 min on a loaded 2-core machine)

    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop(15_000)));
      await client?.connection.close();
      await sim?.stop();
      await server?.stop();
      pg?.stop();
      rmSync(work, { recursive: true, force: true });
      console.log(`test/production timings (s): ${JSON.stringify(timings)}`);
    }, 120_000);

    test('restores and a batch survive a server SIGKILL mid-restore and a rolling worker restart: one job each', async () => {
      const t0 = Date.now();
      const pairs = Array.from({ length: 5 }, () => addPair(sim!.world, { restoreMs: 20_000 }));
      const started = await Promise.all(
        pairs.map((p) => cli(startArgs(p, '--force', '-o', 'json', '--reason', 'T-1'))),
      );
      for (const r of started) expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);

      const batchPairs = Array.from({ length: 2 }, () => addPair(sim!.world, { restoreMs: 15_000 }));
      const plan = join(work, 'plan.json');
      writeFileSync(
        plan,
        JSON.stringify({
          name: 'topology-batch',
          restores: batchPairs.map((p) => ({
            projectId: p.projectId,
            clusterName: p.source.name,
            snapshotId: p.snapshotId,
            targetClusterName: p.target.name,
            acknowledgeDataLoss: true,
            verify: false,
          })),
        }),
      );
      const batch = await cli(['batch', plan, '--force', '-o', 'json']);
      expect(batch.code).toBe(0);
      const batchId = (JSON.parse(batch.stdout) as { workflowId: string }).workflowId;

      // Mid-restore: every job submitted to Atlas, none finished.
      await until('every job submitted', () => [...pairs, ...batchPairs].every((p) => jobs(p).length === 1), 90_000);
      await timed('server SIGKILL', () => server!.kill9());

      // A `start` while the server is down waits for it (--connectTimeout) instead of failing.
      const late = addPair(sim!.world, { restoreMs: 5_000 });
      const waiting = cli(startArgs(late, '--force', '-o', 'json', '--connectTimeout', '90s'));
      await new Promise((r) => setTimeout(r, 3_000));
      await timed('server restart (same database)', () => server!.start());
      const lateRun = await waiting;
      expect(lateRun.code).toBe(0);
      expect(lateRun.stderr).toMatch(/Temporal at 127\.0\.0\.1:\d+ is not reachable .*retrying/);

      // Rolling restart: one worker at a time drains (SIGTERM) and is replaced.
      await timed('rolling worker restart', async () => {
        for (let i = 0; i < workers.length; i++) {
          await workers[i].stop(20_000);
          retired.push(workers[i]);
          workers[i] = await spawnWorker({ env: workerEnv(i), logFile: join(work, `worker-${i}b.log`) });
        }
      });

      const all = [...pairs, late];
      const results = await timed('restores to their outcome', () =>
        Promise.all(all.map((p) => restoreResultOf(client!.workflow.getHandle(idOf(p))))),
      );
      for (const [i, r] of results.entries()) {
        expect([idOf(all[i]), r.outcome]).toEqual([idOf(all[i]), 'COMPLETED']);
        expect(jobs(all[i])).toHaveLength(1);
        expect(r.restoreJobId).toBe(jobs(all[i])[0].id);
      }
      const batchResult = (await client!.workflow.getHandle(batchId).result()) as {
        items: { outcome?: string; workflowId: string }[];
      };
      expect(batchResult.items.map((i) => i.outcome)).toEqual(['COMPLETED', 'COMPLETED']);
      for (const p of batchPairs) expect(jobs(p)).toHaveLength(1);
      timings['scenario'] = Math.round((Date.now() - t0) / 100) / 10;
    }, 600_000);

    test('visibility on PostgreSQL: `list` by target and by outcome finds every restore with its search attributes', async () => {
      const p = addPair(sim!.world, { restoreMs: 2_000 });
      const r = await cli(startArgs(p, '--force', '--wait', '-o', 'json'));
      expect(r.code).toBe(0);
      // Visibility is eventually consistent: the outcome's search attribute arrives shortly after the result.
      let rows: { workflowId: string; outcome?: string; target?: string }[] = [];
      await until('list shows the outcome', async () => {
        const l = await cli(['list', '--targetClusterName', p.target.name, '-o', 'json']);
        rows = (JSON.parse(l.stdout) as { restores: typeof rows }).restores;
        return rows.length === 1 && rows[0].outcome === 'COMPLETED';
      });
      expect(rows[0].workflowId).toBe(idOf(p));
      const done = await cli(['list', '--status', 'completed', '--limit', '200', '-o', 'json']);
      expect(done.code).toBe(0);
      expect((JSON.parse(done.stdout) as { restores: unknown[] }).restores.length).toBeGreaterThanOrEqual(2);
      // The search attributes as the server stores them in PostgreSQL (the visibility query converter's input).
      const count = await client!.workflow.count(`${SA.targetCluster.name} = '${p.target.name}'`);
      expect(count.count).toBe(1);
    });

    test('the same request again attaches by its digest (exit 0, existing); a different one is refused (exit 6)', async () => {
      const p = addPair(sim!.world, { restoreMs: 60_000 });
      const first = await cli(startArgs(p, '--force', '-o', 'json', '--requester', 'alice', '--reason', 'CHG-1'));
      expect(first.code).toBe(0);
      const { runId } = JSON.parse(first.stdout) as { runId: string };
      const again = await cli(startArgs(p, '--force', '-o', 'json', '--requester', 'bob', '--reason', 'CHG-2'));
      expect([again.code, JSON.parse(again.stdout)]).toEqual([0, { workflowId: idOf(p), runId, existing: true }]);
      const other = await cli(startArgs(p, '--force', '-o', 'json', '--deadline', '3h'));
      expect(other.code).toBe(6);
      expect(await cli(['cancel', idOf(p)])).toMatchObject({ code: 0 });
    });

    test('the gauges count running restores from PostgreSQL visibility; metrics bind loopback only', async () => {
      const p = addPair(sim!.world, { restoreMs: 90_000 });
      expect((await cli(startArgs(p, '--force', '-o', 'json'))).code).toBe(0);
      const gauge = async (port: number) => {
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        const m = /^atlas_restore_restores_in_flight(?:\{[^}]*\})? (\d+)/m.exec(text);
        return m ? Number(m[1]) : undefined;
      };
      // Refreshed every 15 s by each worker from a visibility count.
      await until(
        'the in-flight gauge counts the restore',
        async () => ((await gauge(metricsPorts[0])) ?? 0) >= 1,
        45_000,
      );
      // The SDK series the alerts and the dashboard query exist under those names (the task-failure counter appears
      // only once a task fails).
      const exported = await (await fetch(`http://127.0.0.1:${metricsPorts[0]}/metrics`)).text();
      const kit = ['alerts.yaml', join('grafana', 'atlas-restore.json')]
        .map((f) => readFileSync(join(root, 'deploy', f), 'utf8'))
        .join('\n');
      const sdkNames = new Set([...kit.matchAll(/\btemporal_\w+/g)].map((m) => m[0]));
      sdkNames.delete('temporal_workflow_task_execution_failed_total');
      expect(sdkNames.size).toBeGreaterThanOrEqual(4);
      for (const name of sdkNames) expect([name, new RegExp(`^${name}\\{`, 'm').test(exported)]).toEqual([name, true]);
      // Not on any other interface (ATLAS_RESTORE_METRICS_HOST unset).
      const other = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) await expect(fetch(`http://${other.address}:${metricsPorts[0]}/metrics`)).rejects.toThrow();
      expect(await cli(['cancel', idOf(p)])).toMatchObject({ code: 0 });
    });

    test("no worker log line carries an activity's task token", () => {
      const logs = [...retired, ...workers].map((w) => w.output()).join('\n');
      expect(logs).toMatch(/"activityType"/);
      expect(logs).not.toMatch(/taskToken/i);
    });
  },
);
