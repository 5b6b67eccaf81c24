// Driving the real CLI (`bin/atlas-restore`, compiled) as a subprocess, and a worker process, as operators do.
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Pair } from './world';
export { freePort } from '../../devserver/free-port';

export const BIN = join(__dirname, '..', '..', 'bin', 'atlas-restore');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for a subprocess: only what we pass, plus PATH/HOME (no leakage from the test runner). */
/** `atlas-restore start` for a pair from test/helpers/world.ts, then any extra flags. */
export const startArgs = (p: Pair, ...extra: string[]): string[] => [
  'start',
  '--projectId',
  p.projectId,
  '--clusterName',
  p.source.name,
  '--snapshotId',
  p.snapshotId,
  '--targetClusterName',
  p.target.name,
  ...extra,
];

export function baseEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

export function cli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
    p.stdin.end(stdin ?? '');
  });
}


/** `atlas-restore worker` as a child process; resolves once it has announced itself. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<{ proc: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [BIN, 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes('atlas-restore worker:')) {
        clearInterval(t);
        resolve();
      }
    }, 50);
    proc.once('exit', (code) => {
      clearInterval(t);
      reject(new Error(`worker exited with ${code}: ${out}`));
    });
  });
  return {
    proc,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
