// No secret leaks. Distinctive credentials for every Atlas scheme (service account, API key pair, static access
// token), a Temporal API key and a webhook token are configured; worker processes log at DEBUG in JSON; restores
// succeed, fail, compensate, retry through Atlas faults and are refused for bad credentials; the CLI runs with every
// secret in its environment, failures included. Then every workflow history (payloads, failures, memo, search
// attributes, details), every worker log line and all CLI output is scanned: zero occurrences.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliRun } from '../../harness/kit/cli';
import { runCli } from '../../harness/kit/cli';
import { scanHistories } from '../../harness/chaos/scan';
import type { ChaosSecrets } from '../../harness/chaos/secrets';
import { credentialEnv, makeSecrets, needles, SecretScan, simCredentials } from '../../harness/chaos/secrets';
import { WebhookReceiver } from '../../harness/chaos/webhook';
import { WorkerSupervisor } from '../../harness/kit/worker-supervisor';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, startArgs as startArgsFor } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { addPair } from '../helpers/world';

const SCHEMES = ['service-account', 'digest', 'bearer', 'wrong-secret'] as const;
type Scheme = (typeof SCHEMES)[number];

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let webhook: WebhookReceiver;
let secrets: ChaosSecrets;
/** A client secret the simulator does not know: its worker is refused, and must not repeat it anywhere either. */
const wrongSecret = `WRONGCLIENTSECRET${Date.now().toString(36)}x`;
const dir = mkdtempSync(join(tmpdir(), 'secrets-test-'));
const workers = new Map<Scheme, WorkerSupervisor>();
const queue = (s: Scheme) => `secrets-${s}-${process.pid}`;
const cliRuns: CliRun[] = [];

function workerEnv(s: Scheme): NodeJS.ProcessEnv {
  const creds =
    s === 'wrong-secret'
      ? { ...credentialEnv(secrets, 'service-account'), MONGODB_ATLAS_CLIENT_SECRET: wrongSecret }
      : credentialEnv(secrets, s);
  return baseEnv({
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: queue(s),
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_HTTP_TIMEOUT_MS: '2000',
    ATLAS_RESTORE_LOG_FORMAT: 'json',
    ATLAS_RESTORE_LOG_LEVEL: 'DEBUG',
    ATLAS_RESTORE_WEBHOOK_URL: webhook.url,
    ...creds,
  });
}

/** The CLI as an operator runs it: with every secret exported in the shell. */
const cliEnv = (s: Scheme) => ({
  ...workerEnv(s),
  ATLAS_RESTORE_POLL_INITIAL_S: '0.2',
  ATLAS_RESTORE_POLL_MAX_S: '0.5',
});

const cli = async (args: string[], s: Scheme = 'service-account') => {
  const r = await runCli(args, cliEnv(s));
  cliRuns.push(r);
  return r;
};

const startArgs = (p: Pair, ...extra: string[]) => startArgsFor(p, '--force', ...extra);

beforeAll(async () => {
  secrets = makeSecrets();
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy', credentials: simCredentials(secrets, 5) });
  webhook = new WebhookReceiver(secrets.webhookToken);
  await webhook.start();
  await Promise.all(
    SCHEMES.map(async (s) => {
      const w = new WorkerSupervisor({ env: workerEnv(s), logDir: dir });
      await w.start();
      workers.set(s, w);
    }),
  );
});

afterAll(async () => {
  await Promise.all([...workers.values()].map((w) => w.stop()));
  await webhook?.stop();
  await sim?.stop();
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

test('a full run with every secret configured leaves none in histories, logs or CLI output', async () => {
  // Restores of these snapshots end FAILED; every other job (rollbacks included) completes.
  const failing = new Set<string>();
  sim.world.planner = (j) => ({ durationMs: 1_500, endsAs: failing.has(j.snapshotId) ? 'FAILED' : 'COMPLETED' });

  await Promise.all(
    (['service-account', 'digest', 'bearer'] as const).map(async (s) => {
      // Completes through Atlas faults: a 503, a connection reset, a 429 on a poll.
      const ok = addPair(sim.world);
      sim.faults.add(
        {
          operation: 'getCluster',
          groupId: ok.projectId,
          times: 1,
          action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE' },
        },
        { operation: 'getTenantSnapshot', groupId: ok.projectId, times: 1, action: { kind: 'reset' } },
        {
          operation: 'getTenantRestore',
          groupId: ok.projectId,
          times: 1,
          action: { kind: 'status', status: 429, errorCode: 'RATE_LIMITED', retryAfterS: 1 },
        },
      );
      const r1 = await cli(startArgs(ok, '--wait', '-o', 'json', '--reason', `SEC-${s}`), s);
      expect([r1.code, (JSON.parse(r1.stdout) as { outcome: string }).outcome]).toEqual([0, 'COMPLETED']);

      // Fails at Atlas and compensates; the webhook's first answer is a 500.
      const bad = addPair(sim.world);
      failing.add(bad.snapshotId);
      webhook.failFirst.add(`atlas-restore-${bad.projectId}-${bad.target.name}`);
      const r2 = await cli(startArgs(bad, '--wait'), s);
      expect(r2.code).toBe(4);

      // Refused by preflight (paused target), and a bad request refused by the CLI.
      const paused = addPair(sim.world, { target: { paused: true } });
      expect((await cli(startArgs(paused, '--wait'), s)).code).toBe(3);
      expect((await cli([...startArgs(paused), '--projectId', 'nope'], s)).code).toBe(2);

      const id = `atlas-restore-${bad.projectId}-${bad.target.name}`;
      await Promise.all(
        [
          ['status', id, '-o', 'json'],
          ['history', id],
          ['history', id, '-o', 'json'],
          ['list', '-o', 'json'],
          ['approve', id, '--by', 'bob'],
        ].map((args) => cli(args, s)),
      );
    }),
  );

  // Wrong client secret: the token endpoint refuses it; the restore fails its preflight, saying what to check.
  const refused = addPair(sim.world);
  const r = await cli(startArgs(refused, '--wait', '-o', 'json'), 'wrong-secret');
  // Bad credentials before submit: FAILED (exit 4), nothing was changed, the variables to fix named.
  expect(r.code).toBe(4);
  expect(r.stdout).toMatch(/MONGODB_ATLAS_CLIENT_SECRET/);

  // Workers refusing their configuration say which variable is wrong, never its value.
  const refusals = await Promise.all(
    [
      { MONGODB_ATLAS_BASE_URL: 'http://atlas.example.com' },
      { MONGODB_ATLAS_BASE_URL: `https://user:${secrets.clientSecret}@cloud.mongodb.com` },
      { MONGODB_ATLAS_CLIENT_ID: '' },
    ].map((extra) => runCli(['worker'], { ...workerEnv('service-account'), ...extra }, 30_000)),
  );
  for (const w of refusals) {
    cliRuns.push(w);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/MONGODB_ATLAS_(BASE_URL|CLIENT_ID|CLIENT_SECRET)/);
  }

  // The scan, with the wrong secret among the needles.
  const scan = new SecretScan([...needles(secrets), { name: 'wrong client secret', value: wrongSecret }]);
  let histories = 0;
  for (const s of SCHEMES) histories += (await scanHistories(env.client, queue(s), scan)).histories;
  await Promise.all([...workers.values()].map((w) => w.stop()));
  const logs = [...workers.values()].flatMap((w) => w.logFiles);
  let lines = 0;
  for (const f of logs) lines += (await scan.file('worker log', f)).lines;
  for (const c of cliRuns) scan.text('CLI output', `${c.stdout}\n${c.stderr}`);

  expect(Object.fromEntries(scan.found)).toEqual({});
  // The scan looked where failures are written: retried faults, the refused token, the compensation, at DEBUG level.
  expect(histories).toBeGreaterThanOrEqual(10);
  const allLogs = logs.map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const needle of [
    '"level":"DEBUG"',
    'SERVICE_UNAVAILABLE',
    'CONNECTION_RESET',
    'INVALID_CLIENT_CREDENTIALS',
    'COMPENSATED',
  ])
    expect(allLogs).toContain(needle);
  expect(lines).toBeGreaterThan(100);
  expect(webhook.received.length).toBeGreaterThanOrEqual(3);
  expect(webhook.wrongPath).toBe(0);
});

test('the scanner finds a planted secret in each form it looks for (so zero means zero)', () => {
  const scan = new SecretScan(needles(secrets));
  scan.text('plain', `token=${secrets.accessToken}`);
  scan.value('payload bytes', { data: Buffer.from(JSON.stringify({ k: secrets.privateKey })) });
  scan.text('base64', Buffer.from(secrets.temporalApiKey).toString('base64'));
  scan.text(
    'basic header',
    `authorization: Basic ${Buffer.from(`${encodeURIComponent(secrets.clientId)}:${encodeURIComponent(secrets.clientSecret)}`).toString('base64')}`,
  );
  expect(Object.keys(Object.fromEntries(scan.found)).sort()).toEqual(
    [
      'base64: temporalApiKey (base64)',
      'basic header: clientSecret (Basic header)',
      'payload bytes: privateKey',
      'plain: accessToken',
    ].sort(),
  );
});
