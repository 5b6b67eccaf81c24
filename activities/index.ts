// The activities, built around the worker's dependencies (the samples' createActivities pattern): the Atlas client
// and its credentials live in the worker process only.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { HttpClient } from 'urllib';
import type { AtlasClient } from '../atlas/client';
import type { RestoreEvent } from '../common/events';
import type { WebhookSettings } from '../config/webhook';
import { toFailure } from './failures';
import { restoreDurationHistory } from './history';
import { deliverEvent } from './notify';
import { runPreflight } from './preflight';
import { createRestoreJob, findSubmittedJob, getRestoreJob } from './submit';
import type { JobRef, PreflightRequest, SubmitRequest } from './types';
import type { VerifyRequest } from '../common/verification';
import { runVerify } from './verify';

export interface ActivityDeps {
  atlas: AtlasClient;
  /** For reading back our own earlier restores (adaptive polling); optional. */
  temporal?: Client;
  /** The webhook (config/webhook.ts: URL, events, signing secret): worker configuration, never workflow input. */
  webhook?: WebhookSettings;
  http?: HttpClient;
}

/**
 * Wraps every activity: the one place an Atlas error becomes an ApplicationFailure (activities/failures.ts), so
 * activity code just throws. Also counts retries (attempt > 1) on the worker's metrics, and logs each attempt (the
 * worker's log interceptor adds the target cluster to the line).
 */
function instrumented<T, R>(name: string, fn: (arg: T) => Promise<R>): (arg: T) => Promise<R> {
  return async (arg: T) => {
    const ctx = Context.current();
    if (ctx.info.attempt > 1)
      ctx.metricMeter
        .createCounter('atlas_restore_activity_retries', '1', 'activity attempts after the first')
        .add(1, { activity: name });
    ctx.log.debug(`${name} attempt ${ctx.info.attempt}`);
    try {
      return await fn(arg);
    } catch (e) {
      throw toFailure(e);
    }
  };
}

export function createActivities(deps: ActivityDeps) {
  const http = deps.http ?? new HttpClient();
  return {
    preflight: instrumented('preflight', (r: PreflightRequest) => runPreflight(deps.atlas, r)),
    /** The create alone (ambiguous when it fails): the workflow tries it once per attempt and looks up after. */
    submitRestore: instrumented('submitRestore', (r: SubmitRequest) => createRestoreJob(deps.atlas, r)),
    findSubmittedJob: instrumented('findSubmittedJob', (r: SubmitRequest) => findSubmittedJob(deps.atlas, r)),
    getRestoreJob: instrumented('getRestoreJob', (r: JobRef) => getRestoreJob(deps.atlas, r)),
    /** The verify step after a restore (activities/verify.ts): its temporary user's password stays in the activity. */
    verifyRestore: instrumented('verifyRestore', (r: VerifyRequest) =>
      runVerify({ atlas: deps.atlas, temporal: deps.temporal, log: (m) => Context.current().log.info(m) }, r),
    ),
    notify: instrumented('notify', (e: RestoreEvent) => deliverEvent(http, deps.webhook, e)),
    restoreDurationHistory: instrumented(
      'restoreDurationHistory',
      (t: { targetProjectId: string; targetClusterName: string }) =>
        restoreDurationHistory(deps.temporal, t.targetProjectId, t.targetClusterName),
    ),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type * from './types';
