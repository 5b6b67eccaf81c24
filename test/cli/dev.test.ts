// The README's demo, as CI runs it: `atlas-restore dev --once` brings everything up, restores, and exits 0.
import { baseEnv, cli, freePort } from '../helpers/cli';

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
