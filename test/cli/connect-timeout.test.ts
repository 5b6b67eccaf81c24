// The CLI and `start` wait a bounded time for Temporal (issue 23): connecting retries with backoff up to
// --connectTimeout (default 60 s), saying so on stderr, then exits 1 with a clear message. The recovery within the
// timeout (a server SIGKILL and restart) is exercised in test/production/topology.test.ts.
import { baseEnv, cli, freePort, startArgs } from '../helpers/cli';
import type { Pair } from '../helpers/world';

const pair = {
  projectId: 'aaaaaaaaaaaaaaaaaaaaaaa1',
  source: { name: 'src' },
  target: { name: 'dst' },
  snapshotId: 'bbbbbbbbbbbbbbbbbbbbbbb1',
} as unknown as Pair;

test('nothing listening: retries for --connectTimeout, then exit 1 naming the address and the flag', async () => {
  const port = await freePort();
  const env = baseEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
  const t0 = Date.now();
  const r = await cli(['status', 'atlas-restore-x', '--connectTimeout', '4s'], env);
  const took = Date.now() - t0;
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`Temporal at 127\\.0\\.0\\.1:${port} is not reachable .*; retrying`));
  expect(r.stderr).toMatch(
    new RegExp(`error: cannot connect to Temporal at 127\\.0\\.0\\.1:${port} within 4s \\(--connectTimeout\\)`),
  );
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(took).toBeGreaterThanOrEqual(3_000);
  expect(took).toBeLessThan(30_000);
});

test('start: the same bounded wait, and nothing else goes wrong (exit 1, not a usage error)', async () => {
  const port = await freePort();
  const r = await cli(
    startArgs(pair, '--force', '--connectTimeout', '2s'),
    baseEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` }),
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/within 2s \(--connectTimeout\)/);
});

test('a bad --connectTimeout is a usage error (exit 2)', async () => {
  const r = await cli(['list', '--connectTimeout', 'soon'], baseEnv({ TEMPORAL_ADDRESS: '127.0.0.1:1' }));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--connectTimeout: must be a duration/);
});
