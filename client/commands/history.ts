// `atlas-restore history`: the audit trail as a readable timeline, for every run of the restore (it follows the
// continue-as-new chain back to the first run); `-o json` gives the raw Temporal events of all runs too.
// Works on closed workflows of every kind: the trail comes from the result (or the failure's details), else from the
// `audit` query (needs a worker), else it is read from the history events themselves (terminated, timed out).
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { tsToDate } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { EXIT } from '../../common/exit-codes';
import { sanitize } from '../../common/text';
import type { AuditEvent } from '../../common/result';
import type { restoreWorkflow } from '../../workflows';
import { auditQuery } from '../../workflows/definitions';
import type { OutputFormat } from '../output';
import { CliError, emit } from '../output';
import { restoreResultOf } from '../result';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A timeline line: an audit event, or one read from Temporal's history when no audit trail is readable. */
export interface TimelineEntry {
  at: string;
  type: string;
  message: string;
}

export interface RunHistory {
  runId: string;
  events: HistoryEvent[];
}

/** Longest we wait for a query on a closed workflow (it needs a worker to replay it). */
const QUERY_WAIT_MS = 5_000;

export async function historyCommand(
  client: Client,
  workflowId: string,
  output: OutputFormat,
  runId?: string,
): Promise<number> {
  const latest = client.workflow.getHandle<typeof restoreWorkflow>(workflowId, runId);
  let d;
  try {
    d = await latest.describe();
  } catch (e) {
    if (e instanceof WorkflowNotFoundError)
      throw new CliError(`no workflow with id ${workflowId}${runId ? ` and run id ${runId}` : ''}`, EXIT.usage);
    throw e;
  }
  const runs = await runChain(client, workflowId, d.runId);
  const { trail, source } = await trailOf(client, workflowId, d.runId, d.status.name, runs);
  const closing = closingEntry(runs[runs.length - 1].events);
  const timeline: TimelineEntry[] = closing ? [...trail, closing] : trail;
  if (output === 'json') {
    const events = runs.flatMap((r) => r.events);
    const runList = runs.map((r) => ({ runId: r.runId, eventCount: r.events.length }));
    emit(
      output,
      { workflowId, runId: d.runId, status: d.status.name, trailFrom: source, audit: timeline, runs: runList, events },
      () => '',
    );
    return EXIT.ok;
  }
  const header =
    runs.length > 1
      ? [`${workflowId}: ${runs.length} runs (continued as new): ${runs.map((r) => r.runId).join(', ')}`]
      : [];
  emit(output, timeline, () => [...header, ...timeline.map(timelineLine)].join('\n'));
  return EXIT.ok;
}

/** Every run of the workflow id, first to last: each run's start event names the run it continued. */
export async function runChain(client: Client, workflowId: string, lastRunId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  for (let runId: string | undefined = lastRunId; runId && runs.length < 10_000;) {
    const events: HistoryEvent[] = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
    runs.unshift({ runId, events });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

async function trailOf(
  client: Client,
  workflowId: string,
  runId: string,
  status: string,
  runs: RunHistory[],
): Promise<{ trail: TimelineEntry[]; source: 'query' | 'result' | 'events' }> {
  const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId, runId);
  if (status === 'RUNNING') return { trail: await handle.query(auditQuery), source: 'query' };
  const query = async () => {
    const q = await withTimeout(handle.query(auditQuery), QUERY_WAIT_MS).catch(() => undefined);
    return Array.isArray(q) ? { trail: q as AuditEvent[], source: 'query' as const } : undefined;
  };
  // A cancelled restore's result comes from its memo, with a shortened trail: the query has all of it.
  const fromQuery = status === 'CANCELLED' ? await query() : undefined;
  if (fromQuery) return fromQuery;
  const result = await restoreResultOf(handle).catch(() => undefined);
  if (result?.audit) return { trail: result.audit, source: 'result' };
  const queried = status === 'CANCELLED' ? undefined : await query();
  if (queried) return queried;
  return {
    trail: runs.flatMap((r) => r.events.map(eventEntry).filter((e): e is TimelineEntry => !!e)),
    source: 'events',
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out')), ms);
    t.unref();
    p.then(resolve, reject).finally(() => clearTimeout(t));
  });
}

const EventType = temporal.api.enums.v1.EventType;
const at = (e: HistoryEvent) => (e.eventTime ? tsToDate(e.eventTime).toISOString() : '?');

/** How a run was closed from outside the workflow (terminated, timed out): the audit trail cannot say it. */
function closingEntry(events: HistoryEvent[]): TimelineEntry | undefined {
  const e = events[events.length - 1];
  if (!e) return undefined;
  if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED)
    return {
      at: at(e),
      type: 'terminated',
      message: `the workflow was terminated${e.workflowExecutionTerminatedEventAttributes?.reason ? `: ${e.workflowExecutionTerminatedEventAttributes.reason}` : ''}${e.workflowExecutionTerminatedEventAttributes?.identity ? ` (by ${e.workflowExecutionTerminatedEventAttributes.identity})` : ''}`,
    };
  if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT)
    return { at: at(e), type: 'timed-out', message: 'the workflow hit its execution timeout' };
  return undefined;
}

/** A history event as a timeline line, for workflows whose audit trail cannot be read; workflow-task noise skipped. */
export function eventEntry(e: HistoryEvent): TimelineEntry | undefined {
  const T = EventType;
  switch (e.eventType) {
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
      return {
        at: at(e),
        type: 'started',
        message: `${e.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'workflow'} started${e.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ? ' (continued as new)' : ''}`,
      };
    case T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
      return {
        at: at(e),
        type: 'activity',
        message: `${e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?'} scheduled`,
      };
    case T.EVENT_TYPE_ACTIVITY_TASK_FAILED:
      return {
        at: at(e),
        type: 'activity-failed',
        message: e.activityTaskFailedEventAttributes?.failure?.message ?? 'failed',
      };
    case T.EVENT_TYPE_TIMER_STARTED:
      return {
        at: at(e),
        type: 'timer',
        message: `wait ${Number(e.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0)}s`,
      };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
      return {
        at: at(e),
        type: 'update',
        message: `${e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? 'update'} accepted`,
      };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
      return { at: at(e), type: 'signal', message: e.workflowExecutionSignaledEventAttributes?.signalName ?? 'signal' };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED:
      return { at: at(e), type: 'cancel-requested', message: 'cancellation requested' };
    case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
      return {
        at: at(e),
        type: 'child',
        message: `${e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? '?'} started`,
      };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      return { at: at(e), type: 'continued', message: 'continued as new' };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      return { at: at(e), type: 'finished', message: 'completed' };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      return {
        at: at(e),
        type: 'finished',
        message: `failed: ${e.workflowExecutionFailedEventAttributes?.failure?.message ?? '?'}`,
      };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
      return { at: at(e), type: 'finished', message: 'cancelled' };
    default:
      return undefined;
  }
}

export function timelineLine(e: TimelineEntry): string {
  return `${sanitize(e.at)}  ${sanitize(e.type).padEnd(18)} ${sanitize(e.message)}`;
}
