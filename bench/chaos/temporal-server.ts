// The Temporal dev server as a child process of the harness (not through @temporalio/testing), so it can be killed
// with SIGKILL and started again on the same port with the same SQLite file: a server crash and restart, with every
// workflow persisted across it. Our search attributes are registered by flag at every start (idempotent).
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { ALL_SEARCH_ATTRIBUTES } from '../../common/constants';
import { temporalCliPath } from '../../devserver/binaries';
import { sleep, unrefSleep } from './mutex';

/** `--search-attribute` takes the CLI's type names. */
const CLI_TYPE: Record<string, string> = {
  KEYWORD: 'Keyword',
  DOUBLE: 'Double',
  INT: 'Int',
  TEXT: 'Text',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
};

export interface DevServerProcessOptions {
  port: number;
  dbFile: string;
  /** Server output goes here (appended across restarts); the secret scan reads it too. */
  logFile: string;
  /** How long a start may take before we give up. */
  readyTimeoutMs?: number;
}

export class DevServerProcess {
  #proc?: ChildProcess;
  #exited?: Promise<void>;
  restarts = 0;

  constructor(readonly o: DevServerProcessOptions) {}

  get address(): string {
    return `127.0.0.1:${this.o.port}`;
  }

  get running(): boolean {
    return !!this.#proc && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  async start(): Promise<void> {
    const args = [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(this.o.port),
      '--db-filename',
      this.o.dbFile,
      '--log-level',
      'warn',
      ...ALL_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${CLI_TYPE[k.type]}`]),
    ];
    const proc = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc = proc;
    this.#exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const log = (d: Buffer) => appendFileSync(this.o.logFile, d);
    proc.stdout!.on('data', log);
    proc.stderr!.on('data', log);
    await this.#ready(proc);
  }

  /** Ready means: the frontend answers and the default namespace is usable (it takes a moment after a restart). */
  async #ready(proc: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.o.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (proc.exitCode !== null)
        throw new Error(`the Temporal dev server exited with ${proc.exitCode} (see ${this.o.logFile})`);
      try {
        const c = await Connection.connect({ address: this.address, connectTimeout: '2s' });
        try {
          await c.workflowService.describeNamespace({ namespace: 'default' });
          return;
        } finally {
          await c.close();
        }
      } catch {
        if (Date.now() > deadline) throw new Error(`the Temporal dev server did not become ready on ${this.address}`);
        await sleep(100);
      }
    }
  }

  /** A crash: SIGKILL, no chance to flush or say goodbye. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.#proc!.kill('SIGKILL');
    await this.#exited;
  }

  /** Crash, stay down for `downMs`, come back on the same port with the same database. */
  async restart(downMs: number): Promise<void> {
    await this.kill();
    await sleep(downMs);
    await this.start();
    this.restarts++;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.#proc!.kill('SIGTERM');
    const stopped = await Promise.race([this.#exited!.then(() => true), unrefSleep(10_000).then(() => false)]);
    if (!stopped) await this.kill();
  }
}
