// Where a poll's time goes, from the workflow histories: how late timers fire, how long workflow and activity tasks
// wait to be picked up, how long activities run. Times are the server's event times, in ms of wall time (not
// scaled): the figures that say whether detection lag came from our schedule or from an overloaded machine.
import type { temporal } from '@temporalio/proto';
import { max, quantile, round3 } from './stats';

type Event = temporal.api.history.v1.IHistoryEvent;

const STAGES = [
  'timerLateness',
  'workflowTaskScheduleToStart',
  'workflowTaskStartToComplete',
  'activityScheduleToStart',
  'activityStartToClose',
] as const;
export type Stage = (typeof STAGES)[number];
export type StageSamples = Record<Stage, number[]>;

export const emptyStages = (): StageSamples =>
  Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as StageSamples;

const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
  t ? Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6 : NaN;

export function addStages(into: StageSamples, events: Event[]): void {
  const at = new Map<number, Event>();
  for (const e of events) at.set(Number(e.eventId), e);
  const t = (id: unknown) => ms(at.get(Number(id))?.eventTime);
  for (const e of events) {
    const now = ms(e.eventTime);
    if (e.timerFiredEventAttributes) {
      const started = at.get(Number(e.timerFiredEventAttributes.startedEventId));
      const timeout = started?.timerStartedEventAttributes?.startToFireTimeout;
      if (started && timeout) into.timerLateness.push(now - (ms(started.eventTime) + ms(timeout)));
    } else if (e.workflowTaskStartedEventAttributes)
      into.workflowTaskScheduleToStart.push(now - t(e.workflowTaskStartedEventAttributes.scheduledEventId));
    else if (e.workflowTaskCompletedEventAttributes)
      into.workflowTaskStartToComplete.push(now - t(e.workflowTaskCompletedEventAttributes.startedEventId));
    else if (e.activityTaskStartedEventAttributes)
      into.activityScheduleToStart.push(now - t(e.activityTaskStartedEventAttributes.scheduledEventId));
    else if (e.activityTaskCompletedEventAttributes)
      into.activityStartToClose.push(now - t(e.activityTaskCompletedEventAttributes.startedEventId));
  }
}

export function mergeStages(all: StageSamples[]): StageSamples {
  const out = emptyStages();
  for (const s of all) for (const k of STAGES) for (const x of s[k]) out[k].push(x);
  return out;
}

export function summarizeStages(s: StageSamples): Record<Stage, { p50: number; p99: number; max: number }> {
  return Object.fromEntries(
    STAGES.map((k) => [
      k,
      { p50: round3(quantile(s[k], 0.5)), p99: round3(quantile(s[k], 0.99)), max: round3(max(s[k])) },
    ]),
  ) as Record<Stage, { p50: number; p99: number; max: number }>;
}
