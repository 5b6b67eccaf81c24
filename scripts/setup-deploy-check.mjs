#!/usr/bin/env node
// The operator kit's offline validator (scripts/deploy-check: the Grafana Foundation SDK for the dashboard, the
// Kubernetes API types for the manifests), built from the Go module proxy with the versions go.sum pins, into the
// git-ignored .tools/deploy-check-<hash of its sources>/. Does nothing when built. Prints the binary's path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'scripts', 'deploy-check');
const hash = createHash('sha256');
for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(src, f)));
const bin = join(root, '.tools', `deploy-check-${hash.digest('hex').slice(0, 12)}`, 'deploy-check');
if (!existsSync(bin)) {
  const t0 = Date.now();
  console.error('setup-deploy-check: building scripts/deploy-check (about a minute)');
  execFileSync('nice', ['-n', '10', 'go', 'build', '-mod=readonly', '-o', `${bin}.partial`, '.'], {
    cwd: src,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '' },
  });
  renameSync(`${bin}.partial`, bin);
  console.error(`setup-deploy-check: built in ${Math.round((Date.now() - t0) / 1000)} s`);
}
process.stdout.write(`${bin}\n`);
