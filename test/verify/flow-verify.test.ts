// The verify step's branching with stub activities (time-skipping server): the events (restore.verify_failed,
// restore.completed with the verification summary), TIMED_OUT as VERIFY_FAILED, a verify activity that keeps failing
// (VERIFY_FAILED with a verify-ran check), a dry run that is never verified, verification on by default, and the
// verify step after a rollback restore (its result in the compensation step and the outcome).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import type { Verification } from '../../common/verification';
import { atlasFailure, baseInput, stubAtlas, timeSkipping, withWorker, runRestore } from '../workflow/stubs';
import type { VerifyRequest } from '../../common/verification';
import { Context } from '@temporalio/activity';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await timeSkipping();
});
afterAll(() => env?.teardown());

const run = (taskQueue: string, input: RestoreInput): Promise<RestoreResult> => runRestore(env, taskQueue, input);
const at = new Date().toISOString();
const report = (status: Verification['status'], o: Partial<Verification> = {}): Verification => ({
  status,
  checks: [{ name: 'not-empty', passed: status === 'PASSED', evidence: 'x' }],
  manifest: { databases: 1, collections: 3, documents: 42, items: [] },
  startedAt: at,
  finishedAt: at,
  ...o,
});

test('PASSED: COMPLETED, and restore.completed carries the verification summary', async () => {
  const a = stubAtlas({ verify: () => report('PASSED') });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ verify: {} })));
  expect(r.outcome).toBe('COMPLETED');
  expect(a.events.map((e) => [e.type, e.verification])).toEqual([
    ['restore.completed', { status: 'PASSED', collections: 3, documents: 42 }],
  ]);
});

test('FAILED and TIMED_OUT: VERIFY_FAILED, restore.verify_failed with the summary', async () => {
  for (const status of ['FAILED', 'TIMED_OUT'] as const) {
    const a = stubAtlas({ verify: () => report(status, { reason: `because ${status}` }) });
    const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ verify: { timeout: '2m' } })));
    expect(r.outcome).toBe('VERIFY_FAILED');
    expect(r.verification?.status).toBe(status);
    expect(r.reason).toMatch(new RegExp(`failed verification \\(${status}\\): because ${status}`));
    expect(a.events.map((e) => [e.type, e.outcome, e.verification?.status])).toEqual([
      ['restore.verify_failed', 'VERIFY_FAILED', status],
    ]);
  }
});

test('a verify activity that keeps failing: VERIFY_FAILED with a verify-ran check; a dry run is never verified', async () => {
  const a = stubAtlas({
    verify: () => {
      throw atlasFailure('AtlasTransient', 503, 'SERVICE_UNAVAILABLE');
    },
  });
  const r = await withWorker(env, a.activities, (tq) => run(tq, baseInput({ verify: {} })));
  expect(r.outcome).toBe('VERIFY_FAILED');
  expect(r.verification?.checks).toEqual([
    { name: 'verify-ran', passed: false, evidence: expect.stringMatching(/SERVICE_UNAVAILABLE/) },
  ]);
  expect(a.count('verifyRestore')).toBe(4);
  const dry = stubAtlas({});
  const d = await withWorker(env, dry.activities, (tq) => run(tq, baseInput({ verify: {}, dryRun: true })));
  expect(d.outcome).toBe('DRY_RUN');
  expect(dry.count('verifyRestore')).toBe(0);
});

/** baseInput without a `verify` field (the helpers say `verify: false`): what a caller who says nothing sends. */
const noVerify = (o: Partial<RestoreInput> = {}): RestoreInput => {
  const { verify: _off, ...rest } = baseInput(o);
  return rest;
};

test('on by default: a restore without `verify` is verified with the defaults; a dry run without it is not', async () => {
  const a = stubAtlas({ verify: () => report('PASSED') });
  const r = await withWorker(env, a.activities, (tq) => run(tq, noVerify()));
  expect(r.outcome).toBe('COMPLETED');
  expect(a.count('verifyRestore')).toBe(1);
  expect(a.calls.find((c) => c.name === 'verifyRestore')?.arg).toMatchObject({ settings: {} });
  expect(r.verification).toMatchObject({ status: 'PASSED', manifest: { collections: 3 } });
  expect(r.audit.find((e) => e.type === 'verified')?.message).toBe('verification PASSED (3 collections, 42 documents)');
  const dry = stubAtlas({});
  const d = await withWorker(env, dry.activities, (tq) => run(tq, noVerify({ dryRun: true })));
  expect(d.outcome).toBe('DRY_RUN');
  expect(dry.count('verifyRestore')).toBe(0);
  expect(d.verification).toBeUndefined();
});

/** The restore's job FAILED, the rollback's job (the second one) COMPLETED. */
const failThenRollback = (verify: (r: VerifyRequest) => Verification) =>
  stubAtlas({ read: (ref) => ({ status: ref.jobId === 'job-1' ? 'FAILED' : 'COMPLETED' }), verify });

test('after a rollback restore: the target it put back is verified; PASSED keeps COMPENSATED and says so', async () => {
  const a = failThenRollback(() => report('PASSED'));
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, noVerify({ rollbackOnFailure: true, verify: { collections: [{ db: 'x', collection: 'y' }] } })),
  );
  expect(r.outcome).toBe('COMPENSATED');
  expect(r.compensations).toEqual([
    {
      step: 'rollback-restore',
      status: 'done',
      detail: expect.stringMatching(/job-2\); the rollback's verification PASSED \(3 collections, 42 documents\)$/),
    },
  ]);
  expect(r.verification).toMatchObject({ status: 'PASSED', after: 'rollback' });
  expect(r.reason).toMatch(/the rollback's verification PASSED/);
  // Its own earlier data: the target is its own source, and the snapshot's expectations do not apply.
  const req = a.calls.find((c) => c.name === 'verifyRestore')?.arg as VerifyRequest;
  expect(req).toMatchObject({ clusterName: req.targetClusterName, projectId: req.targetProjectId, settings: {} });
  expect(a.events.map((e) => [e.type, e.verification?.status])).toEqual([['restore.compensated', 'PASSED']]);
});

test('after a rollback restore: a target that fails verification makes the rollback step failed and the outcome FAILED', async () => {
  const a = failThenRollback(() => report('FAILED', { reason: 'verification failed: not-empty (no user collection)' }));
  const r = await withWorker(env, a.activities, (tq) => run(tq, noVerify({ rollbackOnFailure: true })));
  expect(r.outcome).toBe('FAILED');
  expect(r.compensations).toEqual([
    {
      step: 'rollback-restore',
      status: 'failed',
      detail:
        'rollback job job-2 COMPLETED, but the target failed verification (FAILED): verification failed: not-empty (no user collection)',
    },
  ]);
  expect(r.reason).toMatch(/clean-up failed: rollback job job-2 COMPLETED, but the target failed verification/);
  expect(r.verification).toMatchObject({ status: 'FAILED', after: 'rollback' });
  // verify: false turns it off after a rollback too.
  const off = failThenRollback(() => report('FAILED'));
  const o = await withWorker(env, off.activities, (tq) => run(tq, baseInput({ rollbackOnFailure: true })));
  expect(o.outcome).toBe('COMPENSATED');
  expect(off.count('verifyRestore')).toBe(0);
  expect(o.verification).toMatchObject({ status: 'SKIPPED', reason: 'verify: false was given', after: 'rollback' });
});

test('the default is carried across continue-as-new: a long restore without `verify` is verified in its last run', async () => {
  // RUNNING for more polls than one run makes (POLLS_PER_RUN = 100), then COMPLETED.
  const a = stubAtlas({
    read: (_ref, n) => ({ status: n > 130 ? 'COMPLETED' : 'RUNNING' }),
    verify: () => report('PASSED'),
  });
  const r = await withWorker(env, a.activities, (tq) =>
    run(tq, noVerify({ polling: { initialS: 1, maxS: 1, learn: false } })),
  );
  expect(r.outcome).toBe('COMPLETED');
  expect(r.audit.some((e) => e.type === 'continued')).toBe(true);
  expect(a.count('verifyRestore')).toBe(1);
  expect(r.verification?.status).toBe('PASSED');
});

test('the deadline passes during verification: VERIFY_FAILED (TIMED_OUT), never COMPLETED', async () => {
  // The job COMPLETES ~95 s (server time) into a 2-minute deadline; the verify activity keeps failing, and its retries
  // (5 s, 10 s, 20 s apart) are still under way when the deadline passes.
  let firstRead: number | undefined;
  const a = stubAtlas({
    read: () => {
      const at = Context.current().info.currentAttemptScheduledTimestampMs;
      firstRead ??= at;
      return at - firstRead < 95_000 ? { status: 'RUNNING', restoreFinishedDate: undefined } : {};
    },
    verify: () => {
      throw atlasFailure('AtlasTransient', 503, 'SERVICE_UNAVAILABLE');
    },
  });
  const input = baseInput({ verify: {}, deadline: '2m', polling: { initialS: 1, maxS: 2, learn: false } });
  const r = await withWorker(env, a.activities, (tq) => run(tq, input));
  expect(a.count('verifyRestore')).toBeGreaterThan(0);
  expect(r.outcome).toBe('VERIFY_FAILED');
  expect(r.verification?.status).toBe('TIMED_OUT');
  expect(r.reason).toMatch(/COMPLETED .*but the restore's deadline passed before the verify step finished/);
  expect(r.targetChanged).toBe('job');
});
