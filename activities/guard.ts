// The point of damage checks its caller (issue 21): anyone who reaches the namespace can schedule our activities, from
// a standalone activity (`temporal activity execute`) or from a workflow of their own. So every activity asks its own
// context, never its input, who called: a restore (or batch) execution whose workflow id is the one its request
// names. The activities that change or announce something (the create, notify) also read the calling run's first
// history event: it must run on this worker's task queue (so it runs our workflow code, not a look-alike polled by
// someone else's worker), and the request it was started with must be the one the activity is asked to carry out.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE } from '../common/failure-types';
import { restoreWorkflowId } from '../common/input';
import { parseWorkflowRequest, type ResolvedRequest } from '../common/request';
import { BATCH_WORKFLOW_TYPE, RESTORE_WORKFLOW_TYPE } from '../common/start-options';

/** Why an activity refused: the `reason` label of atlas_restore_refused_total. */
export type RefusalReason =
  | 'invalid-input'
  | 'outside-restore'
  | 'wrong-workflow-id'
  | 'foreign-task-queue'
  | 'request-mismatch'
  | 'policy'
  | 'signature';

/** Logs, counts (atlas_restore_refused_total{reason,activity}) and throws the non-retryable refusal. */
export function refuse(activity: string, reason: RefusalReason, why: string): never {
  const ctx = Context.current();
  const message = `${activity} refused (${reason}): ${why}`;
  ctx.log.warn(message, { refusal: reason });
  ctx.metricMeter
    .createCounter('atlas_restore_refused', '1', 'activity calls refused: wrong caller, input, policy or signature')
    .add(1, { reason, activity });
  throw ApplicationFailure.create({ type: FAILURE.refused, message, nonRetryable: true, details: [{ reason }] });
}

/** The calling workflow execution, from the activity's own context; undefined for a standalone activity. */
export interface Caller {
  workflowType: string;
  workflowId: string;
  runId: string;
  namespace: string;
  /** The task queue this activity was scheduled on (this worker's). */
  taskQueue: string;
}

export function callerOf(): Caller | undefined {
  const i = Context.current().info;
  if (!i.workflowExecution?.workflowId || !i.workflowType) return undefined;
  return {
    workflowType: i.workflowType,
    workflowId: i.workflowExecution.workflowId,
    runId: i.workflowExecution.runId,
    namespace: i.workflowNamespace ?? 'default',
    taskQueue: i.taskQueue,
  };
}

/** A restore execution whose workflow id is restoreWorkflowId(target) (or, with `batch`, a batch execution). */
export function requireRestoreCaller(
  activity: string,
  target: { targetProjectId: string; targetClusterName: string } | undefined,
  o: { batch?: boolean } = {},
): Caller {
  const c = callerOf();
  if (!c) return refuse(activity, 'outside-restore', 'called outside any workflow (a standalone activity)');
  if (o.batch && c.workflowType === BATCH_WORKFLOW_TYPE) {
    if (!c.workflowId.startsWith('atlas-restore-batch-'))
      refuse(activity, 'wrong-workflow-id', `batch workflow id ${c.workflowId} is not a batch id`);
    return c;
  }
  if (c.workflowType !== RESTORE_WORKFLOW_TYPE)
    refuse(activity, 'outside-restore', `called from a ${c.workflowType} workflow, not a ${RESTORE_WORKFLOW_TYPE}`);
  if (target) {
    const expected = restoreWorkflowId({ projectId: target.targetProjectId, ...target });
    if (c.workflowId !== expected)
      refuse(activity, 'wrong-workflow-id', `workflow id ${c.workflowId} is not ${expected}, the one its target names`);
  }
  return c;
}

/** How a run was started: its history's first event (one small RPC). */
export async function startedEvent(temporal: Client, namespace: string, workflowId: string, runId: string) {
  const res = await temporal.workflowService.getWorkflowExecutionHistory({
    namespace,
    execution: { workflowId, runId },
    maximumPageSize: 1,
  });
  return res.history?.events?.[0]?.workflowExecutionStartedEventAttributes ?? undefined;
}

/** A start event's first argument, decoded by the client's converter; unchecked (its reader parses it). */
export function firstArgument(
  temporal: Client,
  started: NonNullable<Awaited<ReturnType<typeof startedEvent>>>,
): unknown {
  const payload = started.input?.payloads?.[0];
  return payload ? temporal.options.loadedDataConverter.payloadConverter.fromPayload(payload) : undefined;
}

/** What the calling run's first history event says about it. */
export interface CallingRun {
  firstExecutionRunId: string;
  /** The restore request it was started with (undefined for a batch or a drill). */
  request?: ResolvedRequest;
  /** Any other type's start input, decoded but unchecked (its own guard checks it: activities/drill-guard.ts). */
  input?: unknown;
}

/**
 * Reads the calling run's first history event (one small RPC) and checks it runs on this worker's task queue, as the
 * type it claims. Without a Temporal client (unit tests build activities without one) only the context is checked.
 */
export async function readCallingRun(
  activity: string,
  temporal: Client | undefined,
  c: Caller,
): Promise<CallingRun | undefined> {
  if (!temporal) return undefined;
  const started = await startedEvent(temporal, c.namespace, c.workflowId, c.runId);
  if (!started) return refuse(activity, 'outside-restore', `run ${c.runId} of ${c.workflowId} has no start event`);
  if (started.taskQueue?.name !== c.taskQueue)
    refuse(
      activity,
      'foreign-task-queue',
      `${c.workflowId} runs on task queue ${started.taskQueue?.name ?? '?'}, not ${c.taskQueue}: it is not running this worker's workflow code`,
    );
  if (started.workflowType?.name !== c.workflowType)
    refuse(activity, 'outside-restore', `${c.workflowId} was started as ${started.workflowType?.name ?? '?'}`);
  const firstExecutionRunId = started.firstExecutionRunId || c.runId;
  const raw = firstArgument(temporal, started);
  if (c.workflowType !== RESTORE_WORKFLOW_TYPE) return { firstExecutionRunId, input: raw };
  const parsed = parseWorkflowRequest(raw);
  if (!parsed.ok) return refuse(activity, 'request-mismatch', `${c.workflowId} was started with an invalid request`);
  return { firstExecutionRunId, request: parsed.req };
}
