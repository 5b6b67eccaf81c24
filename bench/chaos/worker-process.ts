// `atlas-restore worker` as operators run it: its own process, configured only through its environment, so that a
// SIGKILL is a real crash (no shutdown hook runs, in-flight HTTP requests and activity tasks are simply gone). Plays
// the process supervisor too: a worker that dies on its own is counted and started again, as systemd or Kubernetes
// would. Every generation's output (stdout and stderr) is kept in its own file for the log and secret checks.
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, unrefSleep } from './mutex';
import { BIN } from './paths';

export interface WorkerSupervisorOptions {
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Called when a worker exits without being asked to (a finding, unless the server was down at its start). */
  onUnexpectedExit?: (generation: number, code: number | null) => void;
}

export class WorkerSupervisor {
  #proc?: ChildProcess;
  #exited?: Promise<void>;
  #expectExit = false;
  #stopped = false;
  #starting?: Promise<void>;
  generation = 0;
  kills = 0;
  unexpectedExits = 0;
  readonly logFiles: string[] = [];

  constructor(readonly o: WorkerSupervisorOptions) {}

  get alive(): boolean {
    return !!this.#proc && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  get pid(): number | undefined {
    return this.#proc?.pid;
  }

  /**
   * Starts a new generation and resolves once it has announced itself (its workflow bundle is built by then). While
   * one is starting, another call waits for that one instead of starting a second worker.
   */
  start(): Promise<void> {
    if (this.alive && !this.#starting) return Promise.resolve();
    this.#starting ??= this.#start().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  /** Resolves when no start is in progress. */
  async ready(): Promise<void> {
    await this.#starting?.catch(() => undefined);
  }

  async #start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#startOnce();
      } catch (e) {
        // A worker cannot start while the server is unreachable (it exits): try again, as a supervisor would.
        if (attempt >= 20 || this.#stopped) throw e;
        await sleep(500);
      }
    }
  }

  async #startOnce(): Promise<void> {
    const generation = ++this.generation;
    const logFile = join(this.o.logDir, `worker-${String(generation).padStart(3, '0')}.log`);
    this.logFiles.push(logFile);
    // Created now: a generation killed before it printed anything still has its (empty) file.
    appendFileSync(logFile, '');
    const proc = spawn(process.execPath, [BIN, 'worker'], { env: this.o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc = proc;
    this.#expectExit = false;
    this.#exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    let head = '';
    const onData = (d: Buffer) => {
      appendFileSync(logFile, d);
      if (head.length < 1_000_000) head += d.toString();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (head.includes('atlas-restore worker:')) {
          clearInterval(t);
          resolve();
        } else if (proc.exitCode !== null || proc.signalCode !== null) {
          clearInterval(t);
          reject(
            new Error(
              `worker generation ${generation} exited with ${proc.exitCode ?? proc.signalCode} before it was ready (see ${logFile})`,
            ),
          );
        }
      }, 25);
    });
    proc.once('exit', (code) => {
      if (this.#expectExit || this.#stopped || this.#proc !== proc) return;
      this.unexpectedExits++;
      appendFileSync(logFile, `\n[chaos] worker generation ${generation} exited on its own with ${code}\n`);
      this.o.onUnexpectedExit?.(generation, code);
      void sleep(500).then(() => (this.#stopped || this.alive ? undefined : this.start().catch(() => undefined)));
    });
  }

  /** SIGKILL: the crash under test. */
  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.#expectExit = true;
    this.#proc!.kill('SIGKILL');
    await this.#exited;
    this.kills++;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (!this.alive) return;
    this.#expectExit = true;
    this.#proc!.kill('SIGTERM');
    const stopped = await Promise.race([this.#exited!.then(() => true), unrefSleep(15_000).then(() => false)]);
    if (!stopped) {
      this.#proc!.kill('SIGKILL');
      await this.#exited;
    }
  }
}
