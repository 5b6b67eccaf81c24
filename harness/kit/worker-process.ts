// `atlas-restore worker` as operators run it: `node bin/atlas-restore worker` in its own process, configured only
// through its environment, so its CPU and memory are its own and a SIGKILL is a real crash. The one spawner used by
// the benchmark, the chaos supervisor and the subprocess tests.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { BIN } from './paths';

/** What the worker prints once it polls its task queue (worker/main.ts). */
const READY = 'atlas-restore worker:';
/** Output kept in memory: the start and the latest, so a long run's warnings do not grow without bound. */
const KEEP = { max: 1_000_000, head: 100_000, tail: 500_000 };

export interface WorkerChildOptions {
  env: NodeJS.ProcessEnv;
  /** Every byte the worker writes (stdout and stderr) is appended here too. */
  logFile?: string;
  /** Drop stdout (the benchmark: only stderr is of interest). */
  ignoreStdout?: boolean;
  /** Another worker script than `bin/atlas-restore worker` (a benchmark peer's), and the line it prints when ready. */
  script?: { path: string; ready: string };
  /** Written to the worker's stdin, which is then closed (its settings, for a script that reads them there). */
  stdin?: string;
}

export interface WorkerChild {
  proc: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  alive(): boolean;
  output(): string;
  /** SIGTERM (the worker drains), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight work is simply gone. */
  kill9(): Promise<void>;
}

/** Spawns a worker and resolves once it has announced itself; rejects if it exits first. */
export async function spawnWorker(o: WorkerChildOptions): Promise<WorkerChild> {
  if (o.logFile) appendFileSync(o.logFile, ''); // a worker killed before it printed anything still has its file
  const proc = spawn(process.execPath, o.script ? [o.script.path] : [BIN, 'worker'], {
    env: o.env,
    stdio: [o.stdin === undefined ? 'ignore' : 'pipe', o.ignoreStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  if (o.stdin !== undefined) proc.stdin!.end(o.stdin);
  const readyLine = o.script?.ready ?? READY;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  let out = '';
  let ready = false;
  let announced: () => void = () => undefined;
  const onData = (d: Buffer) => {
    if (o.logFile) appendFileSync(o.logFile, d);
    out += d.toString();
    if (!ready && out.includes(readyLine)) {
      ready = true;
      announced();
    }
    if (out.length > KEEP.max) out = out.slice(0, KEEP.head) + '\n…\n' + out.slice(-KEEP.tail);
  };
  proc.stdout?.on('data', onData);
  proc.stderr!.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    if (ready) return resolve();
    announced = resolve;
    void exited.then(() => {
      if (!ready)
        reject(
          new Error(
            `the worker exited with ${proc.exitCode ?? proc.signalCode} before it was ready${o.logFile ? ` (see ${o.logFile})` : ''}:\n${out.slice(-4000)}`,
          ),
        );
    });
  });
  return {
    proc,
    pid: proc.pid!,
    exited,
    alive,
    output: () => out,
    async stop(graceMs = 15_000) {
      if (!alive()) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
    async kill9() {
      if (!alive()) return;
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
