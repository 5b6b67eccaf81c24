// Activities without a worker: MockActivityEnvironment (@temporalio/testing) runs them in an activity context,
// against the simulator over loopback or a fake AtlasClient. The failure they throw is caught for inspection.
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { AtlasClient } from '../../atlas/client';
import { createActivities } from '../../activities';
import type { AtlasFailureDetails } from '../../common/failure-types';
import { restoreWorkflowId } from '../../common/input';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

export const activitiesOver = (atlas: AtlasClient) => createActivities({ atlas });

/** The context of a restore execution for `arg`'s target (the activities check their caller: activities/guard.ts). */
function restoreContext(arg: unknown) {
  const t = arg as { projectId?: string; targetProjectId?: string; targetClusterName?: string };
  const workflowId = t.targetClusterName
    ? restoreWorkflowId({
        projectId: t.projectId ?? '',
        targetProjectId: t.targetProjectId,
        targetClusterName: t.targetClusterName,
      })
    : 'atlas-restore-test';
  return { workflowType: RESTORE_WORKFLOW_TYPE, workflowExecution: { workflowId, runId: 'test-run' } };
}

/**
 * The activity context's logger: quiet (the failures these tests expect would each print a WARN with its stack);
 * TEST_LOG_LEVEL=debug shows everything.
 */
const logger = new DefaultLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'DEBUG' : 'ERROR');

/** Runs `fn(arg)` as an activity called by the restore of its target; resolves with its result. */
export const runActivity = <T, R>(fn: (arg: T) => Promise<R>, arg: T, attempt = 1): Promise<R> =>
  new MockActivityEnvironment({ attempt, ...restoreContext(arg) }, { logger }).run(fn, arg);

/** Runs `fn(arg)` as an activity that must fail; the ApplicationFailure it threw, with its Atlas details. */
export async function failureOfActivity<T>(
  fn: (arg: T) => Promise<unknown>,
  arg: T,
): Promise<{ f: ApplicationFailure; details: AtlasFailureDetails }> {
  try {
    await runActivity(fn, arg);
  } catch (e) {
    if (!(e instanceof ApplicationFailure))
      throw new Error(`expected an ApplicationFailure, got ${String(e)}`, { cause: e });
    return { f: e, details: e.details?.[0] as AtlasFailureDetails };
  }
  throw new Error('expected the activity to fail, but it succeeded');
}

/** An AtlasClient whose every method throws `err` (the wrapper's input), for the one conversion. */
export function failingAtlas(err: Error): AtlasClient {
  return new Proxy({} as AtlasClient, { get: () => () => Promise.reject(err) });
}

/** `base` with some methods replaced: a fake over the real simulator client (its methods keep their receiver). */
export function patched(base: AtlasClient, over: Partial<AtlasClient>): AtlasClient {
  return new Proxy(base, {
    get: (t, k) => {
      if (k in over) return (over as Record<string | symbol, unknown>)[k];
      const v: unknown = Reflect.get(t, k, t);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}
