// An attacker's workflows (issue 21), run by the attacker's own worker on the attacker's own task queue, scheduling
// our activities on our task queue. None of them may make the worker create a restore job or send a notification.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities, SubmitRequest } from '../../activities';
import type { RestoreEvent } from '../../common/events';

const ours = (taskQueue: string) =>
  proxyActivities<Activities>({ taskQueue, startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

/** A workflow of another type calling the create directly. */
export async function rogueSubmit(taskQueue: string, req: SubmitRequest): Promise<unknown> {
  return ours(taskQueue).submitRestore(req);
}

/** A workflow of another type using notify as a signing oracle. */
export async function rogueNotify(taskQueue: string, e: RestoreEvent): Promise<unknown> {
  return ours(taskQueue).notify(e);
}

/**
 * A look-alike: registered under our type name, started under the target's own workflow id, but on the attacker's
 * task queue (so it runs the attacker's code, not ours).
 */
export async function restoreWorkflow(taskQueue: string, req: SubmitRequest): Promise<unknown> {
  return ours(taskQueue).submitRestore(req);
}
