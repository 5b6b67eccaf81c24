// Stub activities for fast workflow-branching tests (time-skipping server, real Temporal): a scripted Atlas whose
// answers a test sets per call, typed as the worker's Activities so a renamed or retyped activity fails to compile.
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { LogEntry } from '@temporalio/worker';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import type { PreflightReport } from '../../activities/types';
import type { drillActivities } from '../../activities/drill-activities';
import type { NotifyResult, RestoreEvent } from '../../common/events';
import { FAILURE } from '../../common/failure-types';
import type { JobRef, JobView, SubmitRequest, SubmitResult } from '../../common/jobs';
import { restoreWorkflowId, type RestoreInput } from '../../common/input';
import type { Verification, VerifyRequest } from '../../common/verification';
import { startTimeSkippingServer } from '../../devserver/devserver';
import { workflowBundle } from '../helpers/stack';
import { restoreResultOf } from '../../client/result';
import type { RestoreResult } from '../../common/result';
import { restoreWorkflow } from '../../workflows';

// The drill's activities run on the real stack (test/drill/): restore stubs leave them out.
export type StubActivities = Omit<Activities, keyof ReturnType<typeof drillActivities>>;

/** What the scripted Atlas answers; each function gets the call's number (1-based) for its activity. */
export interface Script {
  preflight?: (n: number) => PreflightReport;
  submit?: (r: SubmitRequest, n: number) => SubmitResult;
  find?: (r: SubmitRequest, n: number) => SubmitResult | null;
  /** The baseline and the listing after a foreign 409: the ids of matching jobs (default: none). */
  list?: (r: SubmitRequest, n: number) => string[];
  /** Reads of a job: by job id's call number. */
  read?: (ref: JobRef, n: number) => Partial<JobView>;
  notify?: (e: RestoreEvent) => NotifyResult;
  /** Durations of earlier restores into the target (adaptive polling). */
  historyS?: number[];
  /** The verify step's answer (default: PASSED with no checks). */
  verify?: (r: VerifyRequest, n: number) => Verification | Promise<Verification>;
}

export interface Call {
  name: string;
  arg: unknown;
}

const PROJECT = 'a'.repeat(24);
const SNAPSHOT = 'b'.repeat(24);
export const RECOVERY = 'c'.repeat(24);
export const baseInput = (o: Partial<RestoreInput> = {}): RestoreInput => ({
  projectId: PROJECT,
  clusterName: 'src-m5',
  snapshotId: SNAPSHOT,
  targetClusterName: `dst-${Math.random().toString(36).slice(2, 8)}`,
  acknowledgeDataLoss: true,
  requester: 'alice',
  polling: { initialS: 5, maxS: 30, learn: false },
  // Verification is on by default; the tests of other paths say it is off (test/verify/ tests it, and the default).
  verify: false,
  ...o,
});

export const passingReport = (): PreflightReport => ({
  backend: 'tenant',
  checks: [{ name: 'target-idle', status: 'pass', evidence: 'target stateName=IDLE' }],
  recoveryPoint: { snapshotId: RECOVERY, backend: 'tenant' },
  plan: 'restore snapshot into the target',
});

export const atlasFailure = (
  type: string,
  status: number,
  errorCode: string,
  o: { nonRetryable?: boolean; hint?: string } = {},
): ApplicationFailure =>
  ApplicationFailure.create({
    type,
    message: `Atlas answered HTTP ${status} ${errorCode}`,
    nonRetryable: o.nonRetryable ?? false,
    details: [{ status, errorCode, operation: 'stub', benign: false, ...(o.hint ? { hint: o.hint } : {}) }],
  });
export const authFailure = () =>
  atlasFailure(FAILURE.auth, 401, 'UNAUTHORIZED', {
    nonRetryable: true,
    hint: 'check MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET',
  });

/** A stub world: the activities, the calls they got, the events notified. */
export function stubAtlas(s: Script) {
  const calls: Call[] = [];
  const counts: Record<string, number> = {};
  const n = (name: string, arg: unknown) => {
    calls.push({ name, arg });
    return (counts[name] = (counts[name] ?? 0) + 1);
  };
  const events: RestoreEvent[] = [];
  let jobs = 0;
  const activities: StubActivities = {
    preflight: async () => (s.preflight ?? passingReport)(n('preflight', undefined)),
    submitRestore: async (r) => {
      const k = n('submitRestore', r);
      return s.submit?.(r, k) ?? { jobId: `job-${++jobs}`, status: 'QUEUED', via: 'created' };
    },
    // Signed decisions are verified by the real worker (test/security/policy.test.ts); stubs run in open mode.
    verifyDecision: () => Promise.reject(new Error('no restore policy in stub worlds')),
    findSubmittedJob: async (r) => {
      const k = n('findSubmittedJob', r);
      return s.find?.(r, k) ?? null;
    },
    listMatchingJobs: async (r) => {
      const k = n('listMatchingJobs', r);
      return { jobIds: s.list?.(r, k) ?? [] };
    },
    getRestoreJob: async (ref) => {
      const k = n(`read:${ref.jobId}`, ref);
      return {
        jobId: ref.jobId,
        status: 'COMPLETED',
        restoreFinishedDate: new Date().toISOString(),
        ...s.read?.(ref, k),
      };
    },
    notify: async (e) => {
      n('notify', e);
      events.push(e);
      return s.notify?.(e) ?? { delivered: true, detail: 'stub' };
    },
    restoreDurationHistory: async () => ({ samplesS: s.historyS ?? [] }),
    verifyRestore: async (r) => {
      const k = n('verifyRestore', r);
      const at = new Date().toISOString();
      return (await s.verify?.(r, k)) ?? { status: 'PASSED', checks: [], startedAt: at, finishedAt: at };
    },
  };
  return { activities, calls, events, count: (name: string) => counts[name] ?? 0 };
}

/** The worker's and workflows' log lines of the test running now: printed only if it fails. */
const logLines: string[] = [];

/** One Runtime per process, installed before the first worker: it logs into logLines instead of the console. */
function bufferedRuntime(): void {
  try {
    Runtime.install({
      logger: new DefaultLogger('INFO', (e: LogEntry) => {
        const line = `${e.level} ${e.message}${e.meta ? ` ${JSON.stringify(e.meta)}` : ''}`;
        if (process.env.TEST_LOG_LEVEL === 'debug') process.stderr.write(`${line}\n`);
        else logLines.push(line);
      }),
      telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
    });
  } catch {
    // installed already (another helper of this test file)
  }
}

/** A time-skipping server, once per file; a worker per test (its own task queue and stubs). */
export async function timeSkipping(): Promise<TestWorkflowEnvironment> {
  bufferedRuntime();
  return startTimeSkippingServer();
}

export async function withWorker<T>(
  env: TestWorkflowEnvironment,
  activities: StubActivities,
  fn: (taskQueue: string) => Promise<T>,
): Promise<T> {
  const taskQueue = `flow-${Math.random().toString(36).slice(2, 8)}`;
  bufferedRuntime();
  logLines.length = 0;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  try {
    return await worker.runUntil(fn(taskQueue));
  } catch (e) {
    process.stderr.write(`worker and workflow log of the failed test (${taskQueue}):\n${logLines.join('\n')}\n`);
    throw e;
  }
}

/** Starts a restore under its own workflow id on the stub worker's queue; its RestoreResult, whatever the outcome. */
export const runRestore = async (
  env: TestWorkflowEnvironment,
  taskQueue: string,
  input: RestoreInput,
): Promise<RestoreResult> =>
  restoreResultOf(
    await env.client.workflow.start(restoreWorkflow, {
      taskQueue,
      workflowId: restoreWorkflowId(input),
      args: [input],
    }),
  );
