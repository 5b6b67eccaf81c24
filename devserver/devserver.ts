// The one launcher of real Temporal servers, for the demo, the tests, the benchmark and the chaos run: the CLI's dev
// server as our own child process (so it can be SIGKILLed and restarted on the same port and SQLite file, its banner
// stays off our stdout, and its error log lines are counted), and the time-skipping test server.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTES } from '../common/constants';
import { temporalCliPath, temporalTestServerPath } from './binaries';
import { freePort } from './free-port';
import { registerSearchAttributes } from './search-attributes';

export interface DevServerOptions {
  /** Serve the Temporal UI; its URL is `http://127.0.0.1:<uiPort>`. */
  ui?: boolean;
  uiPort?: number;
  /** gRPC port (default: a free one, kept across restarts). */
  port?: number;
  /** Persist to this SQLite file (survives a restart of the server). */
  dbFilename?: string;
  namespace?: string;
}

export interface DevServerProcessOptions extends DevServerOptions {
  /** All server output is appended here (across restarts); the chaos secret scan reads it. */
  logFile?: string;
  /** The server's log level (default `error`: the lines counted by errors()). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long a start may take before we give up. */
  readyTimeoutMs?: number;
}

/** `--search-attribute Name=Type` wants `Keyword` where the SDK's key says `KEYWORD`. */
const cliType = (t: string): string => t[0] + t.slice(1).toLowerCase();

const sleep = (ms: number, unref = false): Promise<void> =>
  new Promise((r) => {
    const t = setTimeout(r, ms);
    if (unref) t.unref();
  });

export class DevServerProcess {
  #proc?: ChildProcess;
  #exited?: Promise<void>;
  #port?: number;
  #errors = 0;
  readonly #lastErrors: string[] = [];
  restarts = 0;

  constructor(readonly o: DevServerProcessOptions = {}) {
    this.#port = o.port;
  }

  get namespace(): string {
    return this.o.namespace ?? 'default';
  }

  get address(): string {
    if (this.#port === undefined) throw new Error('the dev server has not been started');
    return `127.0.0.1:${this.#port}`;
  }

  get pid(): number | undefined {
    return this.#proc?.pid;
  }

  get running(): boolean {
    return !!this.#proc && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** Error lines the server logged so far (persistence timeouts under overload show up as detection lag). */
  errors(): number {
    return this.#errors;
  }

  lastErrors(): string[] {
    return [...this.#lastErrors];
  }

  async start(): Promise<void> {
    this.#port ??= await freePort();
    const o = this.o;
    const args = [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(this.#port),
      '--namespace',
      this.namespace,
    ];
    args.push(...(o.ui ? (o.uiPort ? ['--ui-port', String(o.uiPort)] : []) : ['--headless']));
    if (o.dbFilename) args.push('--db-filename', o.dbFilename);
    args.push('--log-format', 'json', '--log-level', o.logLevel ?? 'error');
    // As the SDK's own launcher sets them: no version check call home; workflow updates on.
    for (const v of [
      'frontend.enableServerVersionCheck=false',
      'frontend.enableUpdateWorkflowExecution=true',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ])
      args.push('--dynamic-config-value', v);
    for (const k of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${k.name}=${cliType(k.type)}`);
    const proc = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc = proc;
    this.#exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    let partial = '';
    const onData = (d: Buffer) => {
      if (o.logFile) appendFileSync(o.logFile, d);
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        if (!/"level":"error"|level=ERROR/i.test(l)) continue;
        this.#errors++;
        this.#lastErrors.push(l.slice(0, 400));
        if (this.#lastErrors.length > 20) this.#lastErrors.shift();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    try {
      await this.#ready(proc);
    } catch (e) {
      await this.kill();
      throw e;
    }
  }

  /** Ready means: the frontend answers and the namespace is usable (it takes a moment after a restart). */
  async #ready(proc: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.o.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (proc.exitCode !== null)
        throw new Error(`temporal server start-dev exited with ${proc.exitCode}: ${this.#lastErrors.join('\n')}`);
      try {
        const c = await Connection.connect({ address: this.address, connectTimeout: '2s' });
        try {
          await c.workflowService.describeNamespace({ namespace: this.namespace });
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
    const stopped = await Promise.race([this.#exited!.then(() => true), sleep(10_000, true).then(() => false)]);
    if (!stopped) await this.kill();
  }
}

/** A dev server wrapped as the SDK's test environment (client, native connection); teardown stops the server. */
export async function startDevServer(o: DevServerOptions = {}): Promise<TestWorkflowEnvironment> {
  const server = new DevServerProcess(o);
  await server.start();
  try {
    const env = await TestWorkflowEnvironment.createFromExistingServer({
      address: server.address,
      namespace: server.namespace,
    });
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      await teardown().catch(() => undefined);
      await server.stop();
    };
    return env;
  } catch (e) {
    await server.stop();
    throw e;
  }
}

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
