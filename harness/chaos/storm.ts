// A chaos run, end to end: a Temporal dev server we can crash (SQLite-persisted), the Atlas simulator with its faults
// (in this process, so the harness reads Atlas's ground truth directly), a worker process we SIGKILL, a storm of
// restores, bad input from every side, the CLI, and afterwards the verdicts, the audit check and the secret scan.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { startRestore } from '../product/client';
import { restoreWorkflowId } from '../product/common';
import { resultFromFailure } from '../product/common';
import { statusQuery } from '../product/workflow';
import type { RestoreResult } from '../product/common';
import { AtlasSimulator } from '../product/dev-tools';
import {
  addBadInputBase,
  badInputsCli,
  badInputsDirect,
  badInputsInProcess,
  callsFor,
  newTally,
  resilient,
} from './input-phase';
import type { CliPhase } from './cli-phase';
import { cliPhase } from './cli-phase';
import type { CliRun } from '../kit/cli';
import type { ChaosPair } from './estate';
import { buildEstate, jobsOf, startForeignRestore } from './estate';
import { FaultBook, HTTP_TIMEOUT_MS, installFaults, installTokenWeather } from './faults';
import { KillController } from './kills';
import { sleep } from '../kit/time';
import type { ChaosOptions } from './options';
import type { ChaosReport } from './report';
import { Rng } from '../kit/rng';
import { planStorm } from './scenarios';
import { scanHistories } from './scan';
import { credentialEnv, makeSecrets, needles, SecretScan, simCredentials } from './secrets';
import { DevServerProcess } from '../product/dev-tools';
import type { Verdict } from './verify';
import { isCreate, judge } from './verify';
import { WebhookReceiver } from './webhook';
import { WorkerSupervisor } from '../kit/worker-supervisor';

/** Aggressive polling keeps a restore to seconds (without history it backs off to 2 × initialS: workflows/polling.ts). */
const POLLING = { initialS: 0.5, maxS: 1 };
/** Service-account tokens live seconds, so the token endpoint (and its faults) is visited all the time. */
const TOKEN_TTL_S = 6;
/** With killTargetsLast: the restores with kill points start this far apart. */
const KILL_TARGET_SPACING_MS = 4_000;
/** How long a hold keeps the worker inside a step for a kill (below HTTP_TIMEOUT_MS: a hold alone changes nothing). */
const HOLD_MS = 2_200;

interface Running {
  pair: ChaosPair;
  workflowId: string;
  result?: RestoreResult;
  error?: string;
  done: boolean;
  startedAt?: number;
  finishedAt?: number;
}

export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const t0 = Date.now();
  const log = (s: string) => o.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${s}`);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-restore-chaos-'));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const secrets = makeSecrets();
  const rng = new Rng(o.seed);
  const stops: (() => Promise<unknown>)[] = [];
  let report: ChaosReport | undefined;
  try {
    // --- the estate: Temporal, Atlas, the webhook, the worker ---
    const serverLogFile = join(logDir, 'temporal-server.log');
    const server = new DevServerProcess({
      dbFilename: join(dir, 'temporal.sqlite'),
      logFile: serverLogFile,
      logLevel: 'warn',
    });
    await server.start();
    stops.push(() => server.stop());
    log(`Temporal dev server on ${server.address} (SQLite ${dir}/temporal.sqlite)`);
    const connection = await Connection.connect({ address: server.address });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default' });

    const sim = await AtlasSimulator.start({
      era: o.era,
      seed: o.seed,
      admin: true,
      credentials: simCredentials(secrets, TOKEN_TTL_S),
      // Bursts of more than 8 calls a second per project are refused (a preflight makes 6-7, then the submit 2).
      rateLimit: o.rateLimit ? { capacity: 8, refillRate: 8, refillSeconds: 1 } : undefined,
    });
    stops.push(() => sim.stop());
    const webhook = new WebhookReceiver(secrets.webhookToken);
    await webhook.start();
    stops.push(() => webhook.stop());

    const plans = planStorm(
      {
        restores: o.restores,
        killTasks: Math.ceil(o.kills * o.killTaskMargin),
        killPoints: o.killPoints,
        kinds: o.faults,
        rate: o.faultRate,
        era: o.era,
        longRate: o.longRate,
        deadlines: o.deadlines,
      },
      rng,
    );
    const { pairs, counters } = buildEstate(sim.world, plans, POLLING);
    const badBase = addBadInputBase(sim);
    const book = new FaultBook(sim);
    if (o.tokenFaultRate > 0) installTokenWeather(book, o.tokenFaultRate);

    const taskQueue = `chaos-${o.seed}-${randomBytes(3).toString('hex')}`;
    const common = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: 'default',
      ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      ...credentialEnv(secrets),
    };
    const workerEnv: NodeJS.ProcessEnv = {
      ...common,
      MONGODB_ATLAS_BASE_URL: sim.url,
      ATLAS_RESTORE_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS),
      ATLAS_RESTORE_LOG_FORMAT: 'json',
      ATLAS_RESTORE_LOG_LEVEL: 'DEBUG',
      ATLAS_RESTORE_WEBHOOK_URL: webhook.url,
    };
    const cliEnv: NodeJS.ProcessEnv = {
      ...common,
      ATLAS_RESTORE_POLL_INITIAL_S: String(POLLING.initialS),
      ATLAS_RESTORE_POLL_MAX_S: String(POLLING.maxS),
      ATLAS_RESTORE_WEBHOOK_URL: webhook.url,
    };
    const worker = new WorkerSupervisor({
      env: workerEnv,
      logDir,
      onUnexpectedExit: (g, code) => log(`worker generation ${g} exited on its own (${code}); restarting`),
    });
    await worker.start();
    stops.push(() => worker.stop());
    log(`worker process ${worker.pid} on task queue ${taskQueue}; Atlas simulator ${sim.url} (${o.era} era)`);

    const kills = new KillController({
      book,
      worker,
      server,
      webhook,
      rng,
      holdMs: HOLD_MS,
      log,
    });
    kills.start();

    // --- the storm ---
    const running: Running[] = pairs.map((pair) => ({ pair, workflowId: '', done: false }));
    const tally = newTally();
    const inProcessBad = badInputsInProcess(client, taskQueue, badBase, o.badInputs.inProcess, o.seed, tally);
    const waits: Promise<void>[] = [];
    const launch = (r: Running) => {
      prepare(r, book, sim, webhook);
      waits.push(
        startAndAwait(client, taskQueue, r, kills, Date.now() + o.restores * o.startIntervalMs + o.maxWaitMs, log),
      );
      if (waits.length % 25 === 0)
        log(
          `started ${waits.length}/${o.restores}; finished ${running.filter((x) => x.done).length}; kills ${kills.kills.length}`,
        );
    };
    let restarts: Promise<void>;
    if (!o.killTargetsLast) {
      // Everything at once: restores start at a steady pace, server restarts at even intervals, kills wherever their
      // points are reached, each hitting every other restore wherever it is.
      const stormStart = Date.now();
      const window = o.restores * o.startIntervalMs;
      restarts = (async () => {
        for (let j = 0; j < o.serverRestarts; j++) {
          await sleep(Math.max(0, stormStart + ((j + 1) * window) / (o.serverRestarts + 1) - Date.now()));
          await kills.restartServer(rng.int(1_000, 3_000));
        }
      })();
      for (const r of running) {
        await sleep(Math.max(0, stormStart + r.pair.plan.index * o.startIntervalMs - Date.now()));
        launch(r);
      }
    } else {
      // CI: the same disruptions in a steadier order. A killed worker strands every activity it was running until that
      // activity's timeout (a preflight's is 2 minutes), so the restores without kill points go first; the server
      // restarts and the kill-point restores (spaced, longest recovery first) come once those are past preflight.
      const plain = running.filter((r) => !r.pair.plan.killPoint);
      const RECOVERY: Record<string, number> = {
        preflight: 0,
        create: 1,
        submit: 2,
        'compensation-rollback': 3,
        poll: 4,
        'compensation-notify': 5,
      };
      const targets = running
        .filter((r) => r.pair.plan.killPoint)
        .sort((a, b) => RECOVERY[a.pair.plan.killPoint!] - RECOVERY[b.pair.plan.killPoint!]);
      for (const r of plain) {
        launch(r);
        await sleep(o.startIntervalMs);
      }
      await pastPreflight(client, plain, 60_000);
      for (let j = 0; j < o.serverRestarts; j++) await kills.restartServer(rng.int(1_000, 3_000));
      restarts = Promise.resolve();
      for (const r of targets) {
        await kills.idle();
        launch(r);
        await sleep(KILL_TARGET_SPACING_MS);
      }
    }
    await restarts;
    await inProcessBad;
    // Planned kill points the worker slipped past are made up for with kills at random moments, while there is work.
    while (kills.kills.length < o.kills && running.some((r) => !r.done)) {
      if (kills.pending > 0) await sleep(500);
      else await kills.randomKill();
    }
    let lastReport = Date.now();
    while (running.some((r) => !r.done)) {
      await sleep(1_000);
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        log(`waiting: ${running.filter((r) => !r.done).length} restores still running`);
      }
    }
    await Promise.all(waits);
    kills.stop();
    log(`storm over: ${kills.kills.length} worker kills, ${kills.serverRestarts.length} server restarts`);

    // --- bad input through the workflow itself and the CLI, then the CLI's full run ---
    await badInputsDirect(
      client,
      taskQueue,
      badBase,
      o.badInputs.direct,
      o.seed,
      `chaos-bad-direct-${taskQueue}`,
      tally,
    );
    const cliRuns: CliRun[] = [];
    await badInputsCli(client, cliEnv, badBase, o.badInputs.cli, o.seed, tally, cliRuns);
    if (
      callsFor(sim, badBase.projectId) > 0 ||
      sim.world.jobsIntoTarget(badBase.projectId, badBase.targetClusterName).length > 0
    )
      tally.startedSomething++;
    log(`bad inputs: ${tally.tried} tried, ${tally.startedSomething} started something, ${tally.unclear} unclear`);
    const cli: CliPhase = o.cliPhase ? await cliPhase(sim, cliEnv) : { runs: [], unexpected: [] };
    cliRuns.push(...cli.runs);
    log(`CLI: ${cliRuns.length} runs${cli.unexpected.length ? `, ${cli.unexpected.length} unexpected` : ''}`);

    // --- the scan and the verdicts ---
    const scan = new SecretScan(needles(secrets));
    const histories = await scanHistories(client, taskQueue, scan);
    await worker.stop();
    let workerLogLines = 0;
    let nonJson = 0;
    const nonJsonSamples: string[] = [];
    for (const f of worker.logFiles) {
      const s = await scan.file('worker log', f);
      workerLogLines += s.lines;
      nonJson += s.nonJson;
      for (const x of s.nonJsonSamples)
        if (nonJsonSamples.length < 5 && !nonJsonSamples.some((y) => y.slice(0, 20) === x.slice(0, 20)))
          nonJsonSamples.push(x);
    }
    const serverLog = await scan.file('Temporal server log', serverLogFile);
    for (const r of cliRuns) scan.text('CLI output', `${r.stdout}\n${r.stderr}`);
    log(
      `scanned ${histories.histories} histories, ${workerLogLines} worker log lines, ${cliRuns.length} CLI runs: ${scan.total} secrets found`,
    );

    const verdicts: Verdict[] = running.map((r) =>
      judge(r.pair, r.workflowId, {
        result: r.result,
        error: r.error,
        jobs: jobsOf(sim.world, r.pair),
        creates: sim.calls.filter(
          (c) => isCreate(c) && c.groupId === r.pair.projectId && c.path.includes(`/${r.pair.source}/`),
        ),
        runs: histories.runsByWorkflow.get(r.workflowId) ?? 1,
        notified: webhook.received.filter((n) => n.workflowId === r.workflowId).length,
      }),
    );
    const faults = book.applied();
    delete faults.hold;
    const faultsInjected: Record<string, number> = {
      ...faults,
      'foreign-running': pairs.filter((p) => p.plan.kinds.includes('foreign-running')).length,
      'running-forever': counters.runningForever,
      'failed-job': counters.failedJobs,
      'webhook-500': webhook.failed,
      ...(sim.limiter ? { 'rate-limit-429': sim.limiter.limited } : {}),
    };
    const outcomes: Record<string, number> = {};
    for (const v of verdicts) outcomes[v.got] = (outcomes[v.got] ?? 0) + 1;
    const killsByPoint: Record<string, number> = {};
    for (const k of kills.kills) killsByPoint[k.point] = (killsByPoint[k.point] ?? 0) + 1;

    report = {
      restores: verdicts.length,
      correctOutcome: verdicts.filter((v) => v.correct).length,
      duplicateJobs: verdicts.reduce((n, v) => n + v.duplicates, 0),
      lostAuditEvents: verdicts.reduce((n, v) => n + v.lostAudit, 0),
      workerKills: kills.kills.length,
      serverRestarts: kills.serverRestarts.length,
      faultsInjected: Object.fromEntries(
        Object.entries(faultsInjected)
          .filter(([, n]) => n > 0)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
      secretsFound: scan.total,
      badInputsTried: tally.tried,
      badInputsStartedSomething: tally.startedSomething,
      ok: false,
      seed: o.seed,
      durationS: (Date.now() - t0) / 1000,
      outcomes,
      killsByPoint,
      killsMissed: Math.max(
        0,
        plans.filter((p) => p.killPoint).length - kills.kills.filter((k) => k.point !== 'random').length,
      ),
      workerUnexpectedExits: worker.unexpectedExits,
      badInputsUnclear: tally.unclear,
      badInputSamples: tally.samples,
      secretsWhere: Object.fromEntries(scan.found),
      scanned: {
        histories: histories.histories,
        historyEvents: histories.events,
        workerLogLines,
        serverLogLines: serverLog.lines,
        cliRuns: cliRuns.length,
        bytes: scan.scannedBytes,
      },
      slowest: running
        .filter((r) => r.startedAt && r.finishedAt)
        .sort((a, b) => b.finishedAt! - b.startedAt! - (a.finishedAt! - a.startedAt!))
        .slice(0, 8)
        .map((r) => ({
          index: r.pair.plan.index,
          kinds: r.pair.plan.kinds,
          killPoint: r.pair.plan.killPoint,
          seconds: Math.round((r.finishedAt! - r.startedAt!) / 1000),
        })),
      nonJsonWorkerLogLines: nonJson,
      nonJsonSamples,
      cliUnexpected: cli.unexpected,
      incorrect: verdicts
        .filter((v) => !v.correct || v.lostAudit > 0)
        .slice(0, 25)
        .map(({ index, workflowId, kinds, killPoint, expected, got, problems }) => ({
          index,
          workflowId,
          kinds,
          killPoint,
          expected,
          got,
          problems,
        })),
    };
    report.ok =
      report.correctOutcome === report.restores &&
      report.duplicateJobs === 0 &&
      report.lostAuditEvents === 0 &&
      report.secretsFound === 0 &&
      report.badInputsStartedSomething === 0 &&
      report.badInputsUnclear === 0 &&
      report.workerUnexpectedExits === 0 &&
      report.cliUnexpected.length === 0 &&
      report.workerKills >= o.kills &&
      report.serverRestarts >= o.serverRestarts;
    return report;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    if (report && !report.ok) report.workDir = dir;
    if (report?.ok && !o.keep) rmSync(dir, { recursive: true, force: true });
    else o.log(`work directory kept: ${dir}`);
  }
}

/** Everything a restore meets, set up before it starts: its faults, a foreign restore, the webhook's behaviour. */
function prepare(r: Running, book: FaultBook, sim: AtlasSimulator, webhook: WebhookReceiver): void {
  const p = r.pair;
  r.workflowId = restoreWorkflowId(p.input);
  installFaults(book, p);
  if (p.plan.kinds.includes('foreign-running')) startForeignRestore(sim.world, p);
  if (p.plan.kinds.includes('webhook-500')) webhook.failFirst.add(r.workflowId);
}

/** Waits until none of these restores is still validating or in preflight (or the time is up). */
async function pastPreflight(client: Client, rs: Running[], maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const phases = await Promise.all(
      rs.map((r) =>
        r.done || !r.workflowId
          ? 'DONE'
          : client.workflow
              .getHandle(r.workflowId)
              .query(statusQuery)
              .then(
                (st) => st.phase as string,
                () => 'UNKNOWN',
              ),
      ),
    );
    if (!phases.some((p) => p === 'VALIDATING' || p === 'PREFLIGHT' || p === 'UNKNOWN')) return;
    await sleep(500);
  }
}

/** Starts a restore (again, if the server went down under the call: a repeat start returns the same run) and waits for its result. */
async function startAndAwait(
  client: Client,
  taskQueue: string,
  r: Running,
  kills: KillController,
  deadline: number,
  log: (s: string) => void,
): Promise<void> {
  try {
    kills.arm(r.pair, r.workflowId);
    r.startedAt = Date.now();
    const s = await resilient(() => startRestore(client, r.pair.input, { taskQueue }));
    r.workflowId = s.handle.workflowId;
    for (;;) {
      try {
        r.result = await client.workflow.getHandle<() => Promise<RestoreResult>>(r.workflowId, s.runId).result();
        return;
      } catch (e) {
        if (e instanceof WorkflowFailedError) {
          // Every outcome but COMPLETED and DRY_RUN fails the workflow, carrying the RestoreResult (common/outcome.ts).
          r.result = resultFromFailure(e);
          if (!r.result) r.error = `workflow failed without a result: ${e.cause?.message ?? e.message}`;
          return;
        }
        if (Date.now() > deadline) {
          r.error = 'STUCK';
          return;
        }
        await sleep(1_000);
      }
    }
  } catch (e) {
    r.error = `could not start: ${(e as Error).message}`;
    log(`restore ${r.pair.plan.index}: ${r.error}`);
  } finally {
    r.done = true;
    r.finishedAt = Date.now();
    kills.expire(r.workflowId);
  }
}
