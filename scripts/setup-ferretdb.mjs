#!/usr/bin/env node
// Provides FerretDB v1.24.2, the real MongoDB wire server the simulator's clusters, the verify tests and the demo use
// (SQLite backend, pure Go). Order: $FERRETDB_PATH, else the cached build in .tools/ferretdb-v1.24.2/ferretdb, else
// build it: `go mod download` from the Go module proxy (nothing else is fetched), copy the module source to a temp
// dir, write build/version/version.txt (the module ships none, and the binary panics at start without it), then
// `nice -n 10 go build ./cmd/ferretdb`. Idempotent: does nothing when the binary is in place.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';
const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.tools', `ferretdb-${VERSION}`);
const binary = join(dir, 'ferretdb');

if (process.env.FERRETDB_PATH) {
  if (!existsSync(process.env.FERRETDB_PATH)) {
    console.error(`setup-ferretdb: FERRETDB_PATH=${process.env.FERRETDB_PATH} does not exist`);
    process.exit(1);
  }
  console.error(`setup-ferretdb: ferretdb = ${process.env.FERRETDB_PATH} (from FERRETDB_PATH)`);
  process.exit(0);
}
if (existsSync(binary)) {
  console.error(`setup-ferretdb: ferretdb = ${binary} (cached)`);
  process.exit(0);
}

const go = (args, o = {}) => execFileSync('go', args, { encoding: 'utf8', ...o });
try {
  go(['version']);
} catch {
  console.error(
    `setup-ferretdb: Go is needed to build FerretDB ${VERSION} (or set FERRETDB_PATH to a ferretdb binary)`,
  );
  process.exit(1);
}

console.error(`setup-ferretdb: building FerretDB ${VERSION} from the Go module proxy into .tools/ (about 2 min fresh)`);
const work = mkdtempSync(join(tmpdir(), 'ferretdb-build-'));
try {
  const info = JSON.parse(go(['mod', 'download', '-json', `${MODULE}@${VERSION}`], { cwd: work }));
  if (!info.Dir) throw new Error(`go mod download gave no source dir: ${info.Error ?? 'unknown error'}`);
  const src = join(work, 'src');
  cpSync(info.Dir, src, { recursive: true });
  // The module cache is read-only; the copy must be writable for version.txt.
  execFileSync('chmod', ['-R', 'u+w', src]);
  writeFileSync(join(src, 'build', 'version', 'version.txt'), `${VERSION}\n`);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'ferretdb.partial');
  execFileSync('nice', ['-n', '10', 'go', 'build', '-o', out, './cmd/ferretdb'], {
    cwd: src,
    stdio: 'inherit',
    // GOFLAGS=-mod=mod: the copy is outside any workspace; GOPROXY left as configured (the module proxy).
    env: { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOWORK: 'off' },
  });
  chmodSync(out, 0o755);
  // Renamed last, so an interrupted build never leaves a binary that looks finished.
  renameSync(out, binary);
  console.error(`setup-ferretdb: ferretdb = ${binary} (built)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
