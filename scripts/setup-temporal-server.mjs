#!/usr/bin/env node
// Temporal Server and temporal-sql-tool at the version docker-compose.yml deploys (deploy/versions.json), built from
// the Go module proxy (no Docker engine or image registry here) into the git-ignored .tools/temporal-server-v<X>/.
// test/production runs them on PostgreSQL. Does nothing when both binaries are there (seconds); a fresh build takes
// minutes on 2 cores and runs at a lower priority. The module's PostgreSQL schema (what the admin-tools image holds
// at /etc/temporal/schema/postgresql/v12) is copied next to them. Prints the two paths, one per line, on stdout.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const version = `v${JSON.parse(readFileSync(join(root, 'deploy', 'versions.json'), 'utf8')).temporalServer}`;
const dir = join(root, '.tools', `temporal-server-${version}`);
const bins = { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
const schema = join(dir, 'schema', 'postgresql', 'v12');
const goEnv = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '' };

if (!existsSync(bins.server) || !existsSync(bins.sqlTool)) {
  const t0 = Date.now();
  console.error(`setup-temporal-server: building Temporal Server ${version} and temporal-sql-tool (a few minutes)`);
  const gobin = join(dir, 'build');
  rmSync(gobin, { recursive: true, force: true });
  mkdirSync(gobin, { recursive: true });
  execFileSync(
    'nice',
    [
      '-n',
      '10',
      'go',
      'install',
      `go.temporal.io/server/cmd/server@${version}`,
      `go.temporal.io/server/cmd/tools/sql@${version}`,
    ],
    // CGO off: static binaries (the SQL drivers are pure Go); GOFLAGS cleared so a caller's -mod cannot interfere.
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...goEnv, GOBIN: gobin } },
  );
  // Renamed only once both exist, so an interrupted build never looks cached.
  renameSync(join(gobin, 'sql'), bins.sqlTool);
  renameSync(join(gobin, 'server'), bins.server);
  rmSync(gobin, { recursive: true, force: true });
  console.error(`setup-temporal-server: built in ${Math.round((Date.now() - t0) / 1000)} s`);
}
if (!existsSync(join(schema, 'visibility', 'versioned'))) {
  // The module as the proxy serves it (already in the module cache after the build).
  const mod = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `go.temporal.io/server@${version}`], {
      encoding: 'utf8',
      env: goEnv,
    }),
  );
  cpSync(join(mod.Dir, 'schema', 'postgresql', 'v12'), schema, { recursive: true });
}
process.stdout.write(`${bins.server}\n${bins.sqlTool}\n`);
