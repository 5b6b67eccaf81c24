// `atlas-restore dev`, the demo: an embedded Temporal dev server with its UI, the Atlas simulator with a small world,
// a worker, and one restore with live progress. Then everything stays up for trying the other commands, until
// Ctrl-C (or exits at once with --once, as CI runs it). Ships with a source checkout, not with the product build:
// client/cli.ts loads it through client/source-checkout.ts.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { HttpClient } from 'urllib';
import { DigestAuth } from '../atlas/auth';
import { AtlasClient } from '../atlas/client';
import { AtlasHttp } from '../atlas/http';
import { EXIT, exitCodeFor } from '../common/exit-codes';
import { startDevServer } from '../devserver/devserver';
import { freePort } from '../devserver/free-port';
import { buildDemoWorld } from '../simulator/demo-world';
import { describeWorld } from '../simulator/main';
import { AtlasSimulator } from '../simulator/server';
import { installTelemetry, RestoreMetrics } from '../worker/telemetry';
import { createRestoreWorker } from '../worker/worker';
import { CliError, say } from '../client/output';
import { resultText } from '../client/result-text';
import { startRestore } from '../client/start';
import { waitWithProgress } from '../client/progress';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import { demoDrill } from './restore-drill';
import { verifyFailedCase } from './verify-failed';

export interface DevOptions {
  once: boolean;
  port: number;
  uiPort: number;
  simulatorPort: number;
  metricsPort: number;
  era: 'legacy' | 'current';
}

/** Fails fast when a port is taken (the dev server would otherwise report it late, or not at all). */
async function ensureFree(port: number, what: string, flag: string): Promise<void> {
  if (!port) return;
  await new Promise<void>((resolve, reject) => {
    const s = createServer();
    s.once('error', () =>
      reject(
        new CliError(
          `port ${port} for the ${what} is in use (another dev server or demo running?); choose another with ${flag}`,
          EXIT.usage,
        ),
      ),
    );
    s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

export async function runDev(o: DevOptions): Promise<number> {
  await ensureFree(o.port, 'Temporal dev server', '--port');
  await ensureFree(o.uiPort, 'Temporal UI', '--uiPort');
  await ensureFree(o.simulatorPort, 'Atlas simulator', '--simulatorPort');
  await ensureFree(o.metricsPort, 'worker metrics', '--metricsPort');
  const metricsPort = o.metricsPort || (await freePort());
  // Before anything connects: one-line warnings only (a business outcome is not a stack trace), metrics on loopback,
  // and no SDK signal handling of its own: the one Ctrl-C handler below stops everything in order.
  installTelemetry({ logFormat: 'text', logLevel: 'ERROR', metricsPort, shutdownSignals: [] });
  say(`Starting the Temporal dev server on 127.0.0.1:${o.port} ...`);
  const env = await startDevServer({ ui: true, port: o.port, uiPort: o.uiPort });
  say(
    `Temporal UI: http://127.0.0.1:${o.uiPort}/namespaces/default/workflows` +
      ` (add the columns RestoreOutcome, RestorePhase and AtlasTargetCluster: "Configure Workflow List")`,
  );
  say(`Worker metrics (Prometheus): http://127.0.0.1:${metricsPort}/metrics`);

  // A throwaway API key pair, made for this run: the worker authenticates to the simulator with HTTP Digest, as it
  // would to Atlas. The private key is never printed.
  const publicKey = `demo${randomBytes(4).toString('hex')}`;
  const privateKey = randomBytes(18).toString('hex');
  const sim = await AtlasSimulator.start({
    era: o.era,
    port: o.simulatorPort,
    admin: true,
    credentials: { apiKeys: [{ publicKey, privateKey }] },
    // Every cluster gets a MongoDB wire server (FerretDB) when first needed: restores are verified by default.
    data: true,
  });
  const demo = buildDemoWorld(sim.world, { restoreMs: 20_000 });
  say(`Atlas simulator (${o.era} era): ${sim.url}`);
  say(describeWorld(sim.world));

  const atlas = new AtlasClient(
    new AtlasHttp({
      baseUrl: sim.url,
      auth: new DigestAuth(publicKey, privateKey),
      http: new HttpClient(),
      onCall: new RestoreMetrics().onAtlasCall,
    }),
  );
  const worker = await createRestoreWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    atlas,
    temporal: env.client,
    // A demo stops within seconds: activities in flight get 2 s.
    shutdownGraceTime: 2_000,
    shutdownForceTime: 5_000,
  });
  const running = worker.run();

  const input = {
    projectId: demo.projects.shop,
    clusterName: demo.sources.tenantM5,
    snapshotId: demo.snapshots.tenantM5,
    targetClusterName: demo.targets.tenantM5,
    acknowledgeDataLoss: true as const,
    polling: { initialS: 2, maxS: 5 },
    requester: process.env.USER ?? 'demo',
    reason: 'atlas-restore demo',
  };
  say(`\nDemo restore: snapshot ${input.snapshotId} of ${input.clusterName} → ${input.targetClusterName}`);
  const { handle } = await startRestore(env.client, input);
  const result = await waitWithProgress(handle);
  process.stdout.write(resultText(result) + '\n');
  const failed = await verifyFailedCase(env.client, sim, input);
  const drill = await demoDrill(
    env.client,
    sim.world,
    { projectId: demo.projects.shop, clusterName: demo.sources.flex },
    DEFAULT_TASK_QUEUE,
  );
  // The demo's exit code is its first restore's, else its drill's; a second case that did not end as it should is a
  // broken demo.
  const code = failed ? exitCodeFor(result.outcome) || drill.code : EXIT.unexpected;

  if (!o.once) {
    say(`\nEverything stays up. In another terminal (TEMPORAL_ADDRESS=127.0.0.1:${o.port}), try:`);
    say(`  ./bin/atlas-restore status ${handle.workflowId}`);
    say(`  ./bin/atlas-restore history ${handle.workflowId}`);
    if (failed) say(`  ./bin/atlas-restore status ${failed}   # the VERIFY_FAILED restore (exit 7)`);
    say(`  ./bin/atlas-restore list`);
    say(`  ./bin/atlas-restore drill list\n  ${drill.reportCommand}`);
    say(
      `  ./bin/atlas-restore start --projectId ${input.projectId} --clusterName ${input.clusterName} --snapshotId ${input.snapshotId} --targetClusterName ${input.targetClusterName} --dryRun --wait`,
    );
    say(`Press Ctrl-C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    say('Shutting down ... (Ctrl-C again to quit at once)');
    // A second Ctrl-C does not wait for anything.
    process.once('SIGINT', () => process.exit(130));
  }
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await sim.stop();
  await env.teardown();
  return code;
}
