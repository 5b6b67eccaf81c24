// The activities, built around the worker's dependencies (the samples' createActivities pattern): the Atlas client
// and its credentials live in the worker process only.
import type { Client } from '@temporalio/client';
import { HttpClient } from 'urllib';
import { AtlasClient } from '../atlas/client';
import { restoreDurationHistory } from './history';
import { notifyWebhook } from './notify';
import { runPreflight } from './preflight';
import { getRestoreJob, submitRestore } from './submit';
import type { JobRef, NotifyRequest, PreflightRequest, SubmitRequest } from './types';

export interface ActivityDeps {
  atlas: AtlasClient;
  /** For reading back our own earlier restores (adaptive polling); optional. */
  temporal?: Client;
  webhookUrl?: string;
  http?: HttpClient;
}

export function createActivities(deps: ActivityDeps) {
  const http = deps.http ?? new HttpClient();
  return {
    preflight: (r: PreflightRequest) => runPreflight(deps.atlas, r),
    submitRestore: (r: SubmitRequest) => submitRestore(deps.atlas, r),
    getRestoreJob: (r: JobRef) => getRestoreJob(deps.atlas, r),
    notify: (n: NotifyRequest) => notifyWebhook(http, deps.webhookUrl, n),
    restoreDurationHistory: (t: { targetProjectId: string; targetClusterName: string }) =>
      restoreDurationHistory(deps.temporal, t.targetProjectId, t.targetClusterName),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type * from './types';
