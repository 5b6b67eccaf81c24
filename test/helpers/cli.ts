// Driving the real CLI (`bin/atlas-restore`, compiled) as a subprocess, and a worker process, as operators do. The
// processes themselves are the harness kit's (harness/kit/), shared with the benchmark and the chaos run.
import type { ChildProcess } from 'node:child_process';
import { runCli } from '../../harness/kit/cli';
import { spawnWorker } from '../../harness/kit/worker-process';
import type { Pair } from './world';
export { freePort } from '../../devserver/free-port';
export { BIN } from '../../harness/kit/paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

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
  // As addPair's input: verification is on by default and needs the simulator's data plane.
  '--verify',
  'false',
  ...extra,
];

/** Environment for a subprocess: only what we pass, plus PATH/HOME (no leakage from the test runner). */
export function baseEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** The CLI's environment for a dev server at `address` and a task queue, polling every second (fast tests). */
export const cliEnvFor = (address: string, taskQueue: string): NodeJS.ProcessEnv =>
  baseEnv({
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    ATLAS_RESTORE_TASK_QUEUE: taskQueue,
    ATLAS_RESTORE_POLL_INITIAL_S: '1',
    ATLAS_RESTORE_POLL_MAX_S: '1',
  });

/** Runs the CLI to its end (a test's own timeout bounds it; the 10-minute kill is only a backstop). */
export async function cli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliRun> {
  const { code, stdout, stderr } = await runCli(args, env, 600_000, stdin ?? '');
  return { code, stdout, stderr };
}

/** `atlas-restore worker` as a child process; resolves once it has announced itself. */
export async function startWorkerProcess(
  env: NodeJS.ProcessEnv,
): Promise<{ proc: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const w = await spawnWorker({ env });
  return { proc: w.proc, output: w.output, stop: () => w.stop() };
}
