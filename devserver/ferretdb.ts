// The launcher of FerretDB v1.24.2 (a real MongoDB wire server on SQLite, built by scripts/setup-ferretdb.mjs): the
// simulator's clusters, the verify tests and the demo run their data on it. Dev-only: not in the product build.
// Started with the new (experimental) authentication, so anonymous clients are refused and SCRAM users are real.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const FERRETDB_VERSION = 'v1.24.2';

const projectRoot = resolve(__dirname, '..', existsSync(resolve(__dirname, '..', 'package.json')) ? '' : '..');

/** $FERRETDB_PATH, else the build cached by `make setup` in .tools/. */
function ferretdbPath(): string {
  const fromEnv = process.env.FERRETDB_PATH;
  if (fromEnv) return fromEnv;
  const local = join(projectRoot, '.tools', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
  if (existsSync(local)) return local;
  throw new Error(
    `ferretdb not found: set FERRETDB_PATH, or run \`make setup\` (builds FerretDB ${FERRETDB_VERSION} with Go into .tools/).`,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface FerretDbOptions {
  /** Data and state directory (default: a fresh temp dir, removed on stop). */
  dir?: string;
  readyTimeoutMs?: number;
}

export class FerretDbProcess {
  #proc?: ChildProcess;
  #exited?: Promise<void>;
  #port?: number;
  #dir?: string;
  #ownDir = false;
  #output = '';
  /** The setup (administrator) user, created at first start; lives only in this process's memory. */
  readonly admin = { username: 'simadmin', password: randomBytes(18).toString('base64url') };

  constructor(readonly o: FerretDbOptions = {}) {}

  get port(): number {
    if (this.#port === undefined) throw new Error('FerretDB has not been started');
    return this.#port;
  }

  get running(): boolean {
    return !!this.#proc && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** A `mongodb://` string with no credentials (what a cluster description carries). */
  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/?directConnection=true`;
  }

  /** The administrator's connection string (the simulator's own writes: datasets, users). */
  adminUri(): string {
    const { username, password } = this.admin;
    return `mongodb://${username}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/?authSource=admin&directConnection=true`;
  }

  async start(): Promise<void> {
    if (this.running) return;
    // A restart (after pause) comes back on the same port and data, as a cluster that was unreachable for a while.
    this.#port ??= await freePort();
    const debugPort = await freePort();
    if (!this.#dir) {
      this.#ownDir = !this.o.dir;
      this.#dir = this.o.dir ?? mkdtempSync(join(tmpdir(), 'ferretdb-'));
    }
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${this.#dir}/`,
      `--state-dir=${this.#dir}`,
      `--listen-addr=127.0.0.1:${this.#port}`,
      `--debug-addr=127.0.0.1:${debugPort}`,
      // The default reports usage to FerretDB's servers.
      '--telemetry=disable',
      '--log-level=error',
      '--test-enable-new-auth',
      `--setup-username=${this.admin.username}`,
      `--setup-password=${this.admin.password}`,
      '--setup-database=admin',
    ];
    const proc = spawn(ferretdbPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc = proc;
    this.#exited = new Promise((r) => proc.once('exit', () => r()));
    const keep = (d: Buffer) => (this.#output = (this.#output + d.toString()).slice(-4000));
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    const deadline = Date.now() + (this.o.readyTimeoutMs ?? 30_000);
    while (!(await portOpen(this.#port))) {
      if (proc.exitCode !== null) throw new Error(`ferretdb exited with ${proc.exitCode}: ${this.#output}`);
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`ferretdb did not listen on 127.0.0.1:${this.#port}: ${this.#output}`);
      }
      await sleep(50);
    }
  }

  /** Stops the process but keeps its port and data: start() brings the same server back. */
  async pause(): Promise<void> {
    if (!this.running) return;
    // SIGTERM lets FerretDB close its SQLite files; SIGKILL after 5 s.
    this.#proc!.kill('SIGTERM');
    const t = setTimeout(() => this.#proc?.kill('SIGKILL'), 5_000);
    await this.#exited;
    clearTimeout(t);
  }

  /** Stops the process and removes a temp data dir. */
  async stop(): Promise<void> {
    await this.pause();
    if (this.#ownDir && this.#dir) {
      rmSync(this.#dir, { recursive: true, force: true });
      this.#dir = undefined;
    }
  }
}
