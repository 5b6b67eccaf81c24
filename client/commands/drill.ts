// `atlas-restore drill ...`: restore drills on a Temporal Schedule (no cron of our own). One schedule per drill, id
// drillScheduleId(name); its action starts drillWorkflow with the DrillInput `drill create` checked. Overlap SKIP (a
// drill never runs beside itself), catch-up window DRILL_CATCHUP_WINDOW (docs/drills.md). Exit codes: DRILL_EXIT.
import type { Client, ScheduleDescription, ScheduleSummary } from '@temporalio/client';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { SA } from '../../common/constants';
import type { DrillInput, DrillResult } from '../../common/drill';
import { DRILL_OUTCOMES, DRILL_WORKFLOW_TYPE, drillScheduleId } from '../../common/drill';
import { drillStartOptions } from '../../common/drill-input';
import { DRILL_EXIT, EXIT } from '../../common/exit-codes';
import type { DrillWhen } from '../drill-input';
import { everyText, validDrillName } from '../drill-input';
import { drillReportMarkdown, humanDuration } from '../drill-report';
import { drillRun, finishedDrillRuns } from '../drill-runs';
import type { OutputFormat } from '../output';
import { CliError, emit, say } from '../output';
import { defaultRequester } from '../requester';

/**
 * Missed fires (the server was down at the time) younger than this run once the server is back; older ones are
 * dropped, and SKIP keeps a burst of them to one run. A day: a weekly drill missed by a short outage still runs the
 * same day; one missed by a longer outage waits for its next fire (the 8-day alert then says so; `drill run` runs one).
 */
export const DRILL_CATCHUP_WINDOW = '1 day';
const DRILL_SCHEDULE_PREFIX = drillScheduleId('');

const whenText = (w: DrillWhen): string => ('cron' in w ? `cron ${w.cron} (UTC)` : `every ${everyText(w.everyS)}`);

/** A schedule's handle, after checking the name (nothing reaches Temporal with a bad one). */
const scheduleOf = (client: Client, name: string) => client.schedule.getHandle(drillScheduleId(validDrillName(name)));

/** ScheduleNotFoundError → exit 2 naming the drill; anything else unchanged. */
async function known<T>(name: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ScheduleNotFoundError)
      throw new CliError(`no drill named '${name}' (drill list shows them)`, EXIT.usage);
    throw e;
  }
}

/** `drill create`, with the input and schedule already checked (drill-input.ts) before anything reached Temporal. */
export async function drillCreateCommand(
  client: Client,
  input: DrillInput,
  when: DrillWhen,
  f: { output: OutputFormat; taskQueue: string },
): Promise<number> {
  const scheduleId = drillScheduleId(input.name);
  try {
    await client.schedule.create({
      scheduleId,
      spec: 'cron' in when ? { cronExpressions: [when.cron] } : { intervals: [{ every: when.everyS * 1000 }] },
      // The drill's type, id (Temporal appends each fire's time), UI summary and first search attributes.
      action: { type: 'startWorkflow', ...drillStartOptions(input), taskQueue: f.taskQueue, args: [input] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: DRILL_CATCHUP_WINDOW, pauseOnFailure: false },
      memo: { drill: input.name, when: whenText(when), source: `${input.clusterName} (project ${input.projectId})` },
      state: { note: `created by ${input.requester ?? 'unknown'}` },
    });
  } catch (e) {
    if (e instanceof ScheduleAlreadyRunning)
      throw new CliError(
        `a drill named '${input.name}' already exists (drill delete ${input.name} first to change it); nothing was changed`,
        EXIT.usage,
      );
    throw e;
  }
  const next = (await client.schedule.getHandle(scheduleId).describe()).info.nextActionTimes[0];
  emit(f.output, { drill: input.name, scheduleId, when: whenText(when), next: next?.toISOString(), input }, () =>
    [
      `drill ${input.name} created: schedule ${scheduleId}, ${whenText(when)}; next run ${next?.toISOString() ?? '(none)'}`,
      `source ${input.clusterName} in project ${input.projectId}; overlap: skip; catch-up window: ${DRILL_CATCHUP_WINDOW}`,
      `run one now: atlas-restore drill run ${input.name} --wait`,
    ].join('\n'),
  );
  return EXIT.ok;
}

interface DrillRow {
  drill: string;
  scheduleId: string;
  when?: string;
  source?: string;
  paused: boolean;
  note?: string;
  next?: string;
  lastStarted?: string;
  lastWorkflowId?: string;
  /** The newest finished run's outcome (RestoreOutcome; a run that ended without one: its status) and end. */
  lastOutcome?: string;
  lastFinished?: string;
}

function rowOf(s: ScheduleSummary): DrillRow {
  const memo = (s.memo ?? {}) as Record<string, string | undefined>;
  const last = s.info.recentActions.at(-1);
  return {
    drill: s.scheduleId.slice(DRILL_SCHEDULE_PREFIX.length),
    scheduleId: s.scheduleId,
    when: memo.when,
    source: memo.source,
    paused: s.state.paused,
    note: s.state.note,
    next: s.info.nextActionTimes[0]?.toISOString(),
    lastStarted: last?.takenAt.toISOString(),
    lastWorkflowId: last?.action.workflow.workflowId,
  };
}

function listText(rows: DrillRow[]): string {
  const head = ['DRILL', 'STATE', 'WHEN', 'SOURCE', 'NEXT RUN', 'LAST STARTED', 'LAST OUTCOME'];
  const cells = rows.map((r) => [
    r.drill,
    r.paused ? 'paused' : 'active',
    r.when ?? '?',
    r.source ?? '?',
    r.paused ? '-' : (r.next ?? '-'),
    r.lastStarted ?? '-',
    r.lastOutcome ? `${r.lastOutcome} (${r.lastFinished ?? '?'})` : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)].join('\n');
}

export async function drillListCommand(client: Client, output: OutputFormat): Promise<number> {
  const rows: DrillRow[] = [];
  for await (const s of client.schedule.list())
    if (s.scheduleId.startsWith(DRILL_SCHEDULE_PREFIX) && s.action?.workflowType === DRILL_WORKFLOW_TYPE)
      rows.push(rowOf(s));
  rows.sort((a, b) => a.drill.localeCompare(b.drill));
  for (const r of rows) {
    const [last] = await finishedDrillRuns(client, r.drill);
    r.lastOutcome = last && (last.typedSearchAttributes.get(SA.outcome) ?? last.status.name);
    r.lastFinished = last?.closeTime?.toISOString();
  }
  emit(output, { drills: rows }, () => (rows.length ? listText(rows) : 'no drills (drill create makes one)'));
  return EXIT.ok;
}

export async function drillStateCommand(
  client: Client,
  name: string,
  action: 'pause' | 'unpause' | 'delete',
  output: OutputFormat,
): Promise<number> {
  const handle = scheduleOf(client, name);
  const who = defaultRequester() ?? 'unknown';
  const running = (await known(name, handle.describe())).info.runningActions;
  if (action === 'pause') await known(name, handle.pause(`paused by ${who}`));
  else if (action === 'unpause') await known(name, handle.unpause(`unpaused by ${who}`));
  else await known(name, handle.delete());
  const done = { pause: 'paused', unpause: 'unpaused', delete: 'deleted' }[action];
  const inFlight = running.map((a) => a.workflow.workflowId);
  emit(output, { drill: name, scheduleId: handle.scheduleId, [done]: true, running: inFlight }, () =>
    [
      `drill ${name} ${done}`,
      ...(inFlight.length
        ? [`a run is in progress and finishes (tearing down its scratch cluster): ${inFlight.join(', ')}`]
        : []),
    ].join('\n'),
  );
  return EXIT.ok;
}

/** The code a finished drill exits with. */
const drillExit = (r: DrillResult): number =>
  DRILL_OUTCOMES.includes(r.outcome) ? DRILL_EXIT[r.outcome] : EXIT.unexpected;

const summaryText = (r: DrillResult): string =>
  [
    `drill ${r.drill}: ${r.outcome} — ${r.reason}`,
    `RTO ${humanDuration(r.rtoSeconds)}, RPO ${humanDuration(r.rpoSeconds)}; run ${r.workflowId} ${r.runId}`,
    `report: atlas-restore drill report ${r.drill} --run ${r.runId} -o md`,
  ].join('\n');

/** How long `drill run` waits to see the schedule act on its trigger. */
const TRIGGER_SEEN_MS = 30_000;

async function triggered(
  handle: ReturnType<typeof scheduleOf>,
  before: ScheduleDescription,
): Promise<{ started: { workflowId: string; runId: string } } | { skipped: string[] }> {
  const deadline = Date.now() + TRIGGER_SEEN_MS;
  for (;;) {
    const d = await handle.describe();
    if (d.info.numActionsTaken > before.info.numActionsTaken) {
      const a = d.info.recentActions.at(-1)!.action.workflow;
      return { started: { workflowId: a.workflowId, runId: a.firstExecutionRunId } };
    }
    if (d.info.numActionsSkippedOverlap > before.info.numActionsSkippedOverlap)
      return { skipped: d.info.runningActions.map((a) => a.workflow.workflowId) };
    if (Date.now() > deadline)
      throw new CliError(
        `the schedule ${handle.scheduleId} did not act on the trigger within ${TRIGGER_SEEN_MS / 1000} s`,
        EXIT.unexpected,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function drillRunCommand(
  client: Client,
  name: string,
  f: { wait?: boolean; output: OutputFormat },
): Promise<number> {
  const handle = scheduleOf(client, name);
  const before = await known(name, handle.describe());
  // Through the schedule, with its overlap policy: a drill already running makes this a no-op (exit 6).
  await known(name, handle.trigger(ScheduleOverlapPolicy.SKIP));
  const t = await triggered(handle, before);
  if ('skipped' in t) {
    const msg = `drill ${name} is already running (${t.skipped.join(', ') || 'a run'}); nothing was started (overlap: skip)`;
    say(`error: ${msg}`);
    if (f.output === 'json') emit(f.output, { error: 'DRILL_RUNNING', drill: name, running: t.skipped }, () => '');
    return EXIT.targetBusy;
  }
  const { workflowId, runId } = t.started;
  if (!f.wait) {
    emit(f.output, { drill: name, workflowId, runId }, () =>
      [
        `drill ${name} started: ${workflowId} (run ${runId})`,
        `its report, once it ends: atlas-restore drill report ${name} --run ${runId}`,
      ].join('\n'),
    );
    return EXIT.ok;
  }
  say(`drill ${name} started: ${workflowId} (run ${runId}); waiting for its report ...`);
  const result = await reportOf(client, workflowId, runId);
  emit(f.output, result, () => summaryText(result));
  return drillExit(result);
}

/** The run's DrillResult; a run that ended without one (terminated, failed) is exit 1, naming how it ended. */
async function reportOf(client: Client, workflowId: string, runId: string): Promise<DrillResult> {
  try {
    return (await client.workflow.getHandle(workflowId, runId).result()) as DrillResult;
  } catch (e) {
    throw new CliError(
      `drill run ${workflowId} (run ${runId}) ended without a report: ${(e as Error).message}`,
      EXIT.unexpected,
    );
  }
}

/** `drill report`; the name and --run already checked (drill-cli.ts). */
export async function drillReportCommand(
  client: Client,
  name: string,
  f: { run?: string; output: OutputFormat | 'md' },
): Promise<number> {
  let run;
  if (f.run !== undefined) {
    run = await drillRun(client, name, f.run);
    if (!run) throw new CliError(`no run ${f.run} of drill '${name}'`, EXIT.usage);
    if (run.status.name === 'RUNNING')
      throw new CliError(`run ${f.run} of drill '${name}' is still running; its report comes when it ends`, EXIT.usage);
  } else {
    [run] = await finishedDrillRuns(client, name, 1);
    if (!run) throw new CliError(`drill '${name}' has no finished run yet (drill run ${name} starts one)`, EXIT.usage);
  }
  const result = await reportOf(client, run.workflowId, run.runId);
  if (f.output === 'json') emit('json', result, () => '');
  else process.stdout.write(drillReportMarkdown(result));
  return drillExit(result);
}
