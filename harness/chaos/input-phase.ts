// Bad input, three ways in: the client library (startRestore, what the CLI and scripts call), a direct workflow start
// that bypasses client-side validation (what a parent workflow or another SDK could do; the workflow validates
// again), and the CLI as a subprocess. Each must give a clear error naming the field, start nothing and create no
// Atlas job. "Started something": a workflow exists for a refused request, or a bad workflow scheduled an activity,
// or Atlas saw a call for the request's project.
import type { Client } from '@temporalio/client';
import { WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { InvalidInputError, startRestore } from '../product/client';
import type { RestoreInput } from '../product/common';
import type { AtlasSimulator } from '../product/dev-tools';
import { restoreWorkflow } from '../product/workflow';
import type { BadInput } from './bad-input';
import { badCliArgs, badRestoreInput, isClear, isClearCli, workflowIdOf } from './bad-input';
import type { CliRun } from '../kit/cli';
import { runCli } from '../kit/cli';
import { sleep } from '../kit/time';

export interface BadInputTally {
  tried: number;
  startedSomething: number;
  /** Refused, but the error did not name the field clearly. */
  unclear: number;
  samples: { path: string; why: string; field: string; message: string }[];
}

export const newTally = (): BadInputTally => ({ tried: 0, startedSomething: 0, unclear: 0, samples: [] });

/** A valid request into a pair that nothing ever starts: the base every bad input corrupts. */
export function addBadInputBase(sim: AtlasSimulator): RestoreInput {
  const w = sim.world;
  const projectId = w.addProject(w.newId());
  const source = w.addCluster({ groupId: projectId, name: 'badinput-src', kind: 'tenant', instanceSize: 'M5' }).name;
  const target = w.addCluster({ groupId: projectId, name: 'badinput-dst', kind: 'tenant', instanceSize: 'M5' }).name;
  const snapshotId = w.addSnapshot({ groupId: projectId, clusterName: source }).id;
  return {
    projectId,
    clusterName: source,
    snapshotId,
    targetClusterName: target,
    acknowledgeDataLoss: true,
    requester: 'chaos-harness',
  };
}

/** The gRPC status code of an error from the Temporal client (or its cause), if any. */
function grpcCode(e: unknown): number | undefined {
  for (
    let x = e as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    x && depth < 5;
    x = x.cause as typeof x, depth++
  )
    if (typeof x.code === 'number') return x.code;
  return undefined;
}

/** The server is down or restarting (UNAVAILABLE, DEADLINE_EXCEEDED): worth trying again. */
const isTransient = (e: unknown): boolean =>
  grpcCode(e) === 14 ||
  grpcCode(e) === 4 ||
  /UNAVAILABLE|ECONNREFUSED|Failed to connect/i.test((e as Error)?.message ?? '');

/** Retries a call to the Temporal server through a restart, never through a real answer. */
export async function resilient<T>(fn: () => Promise<T>, attempts = 120): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransient(e) || i >= attempts) throw e;
      await sleep(500);
    }
  }
}

/** Is there a workflow execution with this id? */
export async function exists(client: Client, workflowId: string | undefined): Promise<boolean> {
  if (!workflowId) return false;
  try {
    await resilient(() => client.workflow.getHandle(workflowId).describe());
    return true;
  } catch (e) {
    // Not found; or an id Temporal itself refuses (e.g. longer than its limit), which no workflow can have.
    if (e instanceof WorkflowNotFoundError || grpcCode(e) === 3) return false;
    throw e;
  }
}

function record(
  t: BadInputTally,
  path: string,
  b: { why: string; field: string },
  message: string,
  clear: boolean,
  started: boolean,
): void {
  t.tried++;
  if (started) t.startedSomething++;
  if (!clear) t.unclear++;
  if ((!clear || started) && t.samples.length < 10)
    t.samples.push({ path, why: b.why, field: b.field, message: message.slice(0, 300) });
}

/** Through startRestore (client/start.ts). */
export async function badInputsInProcess(
  client: Client,
  taskQueue: string,
  base: RestoreInput,
  n: number,
  seed: number,
  t: BadInputTally,
): Promise<void> {
  for (const b of fc.sample(badRestoreInput(base), { numRuns: n, seed })) {
    let message = '';
    let started = false;
    try {
      const s = await startRestore(client, b.input, { taskQueue });
      started = true;
      await s.handle.terminate('chaos: a bad input was started').catch(() => undefined);
    } catch (e) {
      message = (e as Error).message;
      if (!(e instanceof InvalidInputError)) started = true;
    }
    if (!started) started = await exists(client, workflowIdOf(b.input));
    record(t, 'client', b, message, isClear(message, b.field), started);
  }
}

/** Straight to the workflow, past the client's validation: the workflow refuses, before any activity. */
export async function badInputsDirect(
  client: Client,
  taskQueue: string,
  base: RestoreInput,
  n: number,
  seed: number,
  prefix: string,
  t: BadInputTally,
): Promise<void> {
  const bads = fc.sample(badRestoreInput(base, { huge: false, unknownKeys: false }), { numRuns: n, seed: seed + 1 });
  await Promise.all(bads.map((b, i) => directOne(client, taskQueue, b, `${prefix}-${i}`, t)));
}

async function directOne(
  client: Client,
  taskQueue: string,
  b: BadInput,
  workflowId: string,
  t: BadInputTally,
): Promise<void> {
  let message = '';
  let started = false;
  const handle = await resilient(() =>
    client.workflow.start(restoreWorkflow, { taskQueue, workflowId, args: [b.input as RestoreInput] }),
  );
  try {
    await resilient(() => handle.result());
    started = true;
  } catch (e) {
    const cause = e instanceof WorkflowFailedError ? e.cause : undefined;
    message = cause?.message ?? (e as Error).message;
    if (!(cause instanceof ApplicationFailure) || cause.type !== 'InvalidInput') started = true;
  }
  const history = await resilient(() => handle.fetchHistory());
  if (history.events?.some((e) => e.activityTaskScheduledEventAttributes)) started = true;
  record(t, 'workflow', b, message, isClear(message, b.field), started);
}

/** Through `atlas-restore start` (subprocess): exit code 2, the field named on stderr, nothing on stdout. */
export async function badInputsCli(
  client: Client,
  env: NodeJS.ProcessEnv,
  base: RestoreInput,
  n: number,
  seed: number,
  t: BadInputTally,
  runs: CliRun[],
): Promise<void> {
  const b0 = {
    projectId: base.projectId,
    clusterName: base.clusterName,
    snapshotId: base.snapshotId,
    targetClusterName: base.targetClusterName,
  };
  for (const b of fc.sample(badCliArgs(b0), { numRuns: n, seed: seed + 2 })) {
    const r = await runCli(b.args, env);
    runs.push(r);
    const started = r.code !== 2 || r.stdout.trim() !== '' || (await exists(client, workflowIdFromArgs(b.args)));
    record(t, 'cli', b, r.stderr, r.code === 2 && isClearCli(r.stderr, b.field), started);
  }
}

function workflowIdFromArgs(args: string[]): string | undefined {
  const v = (k: string) => {
    const i = args.indexOf(`--${k}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return workflowIdOf({
    projectId: v('projectId'),
    targetClusterName: v('targetClusterName'),
    targetProjectId: v('targetProjectId'),
  });
}

/** Atlas calls for the bad-input project: there must be none. */
export const callsFor = (sim: AtlasSimulator, projectId: string): number =>
  sim.calls.filter((c) => c.groupId === projectId).length;
