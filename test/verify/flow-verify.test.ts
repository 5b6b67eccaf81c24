// The verify step's branching with stub activities (time-skipping server): the events (restore.verify_failed,
// restore.completed with the verification summary), TIMED_OUT as VERIFY_FAILED, a verify activity that keeps failing
// (VERIFY_FAILED with a verify-ran check), and a dry run that is never verified.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import type { Verification } from '../../common/verification';
import { atlasFailure, baseInput, stubAtlas, timeSkipping, withWorker, runRestore } from '../workflow/stubs';

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
