// A process supervisor for `atlas-restore worker` (kit/worker-process.ts), as systemd or Kubernetes would be: a
// worker that dies on its own is counted and started again. Every generation's output goes to its own file for the
// log and secret checks. Used by the chaos run and the security tests.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './time';
import type { WorkerChild } from './worker-process';
import { spawnWorker } from './worker-process';

export interface WorkerSupervisorOptions {
  env: NodeJS.ProcessEnv;
  logDir: string;
  /** Called when a worker exits without being asked to (a finding, unless the server was down at its start). */
  onUnexpectedExit?: (generation: number, code: number | null) => void;
}

export class WorkerSupervisor {
  #child?: WorkerChild;
  #expectExit = false;
  #stopped = false;
  #starting?: Promise<void>;
  generation = 0;
  kills = 0;
  unexpectedExits = 0;
  readonly logFiles: string[] = [];

  constructor(readonly o: WorkerSupervisorOptions) {}

  get alive(): boolean {
    return !!this.#child?.alive();
  }

  get pid(): number | undefined {
    return this.#child?.pid;
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
    let child: WorkerChild;
    try {
      child = await spawnWorker({ env: this.o.env, logFile });
    } catch (e) {
      throw new Error(`worker generation ${generation}: ${(e as Error).message}`, { cause: e });
    }
    this.#child = child;
    this.#expectExit = false;
    child.proc.once('exit', (code) => {
      if (this.#expectExit || this.#stopped || this.#child !== child) return;
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
    await this.#child!.kill9();
    this.kills++;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (!this.alive) return;
    this.#expectExit = true;
    await this.#child!.stop(15_000);
  }
}
