// The README's demo, as CI runs it: `atlas-restore dev --once` brings everything up, restores, and exits 0.
import { spawn } from 'node:child_process';
import { baseEnv, BIN, cli, freePort } from '../helpers/cli';

test('dev --once: dev server with UI, simulator, worker, one restore to COMPLETED', async () => {
  const [port, uiPort] = [await freePort(), await freePort()];
  const r = await cli(
    ['dev', '--once', '--port', String(port), '--uiPort', String(uiPort)],
    baseEnv({ ATLAS_RESTORE_LOG_LEVEL: 'WARN' }),
  );
  expect(r.stderr).toContain(`Temporal UI: http://127.0.0.1:${uiPort}`);
  expect(r.stderr).toMatch(/Atlas simulator \(current era\): http:\/\/127\.0\.0\.1:\d+/);
  expect(r.stderr).toMatch(/staging-m5/);
  expect(r.stdout).toMatch(/^COMPLETED {2}atlas-restore-/m);
  expect(r.stdout).toMatch(/backend: flex/);
  // Then one restore drill through its schedule, and where its report is.
  expect(r.stdout).toMatch(/^drill demo-weekly created: schedule atlas-restore-drill-demo-weekly, cron 0 3 \* \* 1/m);
  expect(r.stdout).toMatch(/^drill demo-weekly: PASSED — /m);
  expect(r.stdout).toMatch(/^report: atlas-restore drill report demo-weekly --run [0-9a-f-]{36} -o md$/m);
  expect(r.code).toBe(0);
}, 180_000);

test('dev refuses a port that is in use, with a clear message and exit 2', async () => {
  const { createServer } = await import('node:net');
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
  const port = (busy.address() as { port: number }).port;
  try {
    const r = await cli(['dev', '--once', '--port', String(port)], baseEnv({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`port ${port} for the Temporal dev server is in use`));
  } finally {
    busy.close();
  }
});

test('dev: prints the UI columns and a 127.0.0.1 metrics URL, no noise, and one Ctrl-C stops it within seconds', async () => {
  const [port, uiPort] = [await freePort(), await freePort()];
  const p = spawn(process.execPath, [BIN, 'dev', '--port', String(port), '--uiPort', String(uiPort)], {
    env: baseEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => p.once('exit', (code) => r(code)));
  try {
    const t0 = Date.now();
    while (!out.includes('Press Ctrl-C')) {
      if (Date.now() - t0 > 150_000 || p.exitCode !== null) throw new Error(`demo did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(out).toMatch(/RestoreOutcome, RestorePhase and AtlasTargetCluster/);
    const metricsUrl = /Worker metrics \(Prometheus\): (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(out)?.[1];
    expect(metricsUrl).toBeDefined();
    expect(await (await fetch(metricsUrl!)).text()).toMatch(/^atlas_restore_atlas_calls_total\{/m);
    // No bundler output, no stack trace.
    expect(out).not.toMatch(/webpack|\n\s+at /);
    const stopAt = Date.now();
    p.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    expect(code).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(15_000);
    expect(out).not.toMatch(/Not running|DRAINING/);
  } finally {
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  }
}, 240_000);
