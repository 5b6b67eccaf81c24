// What `status` and `watch` print and how often they ask (pure functions; the CLI tests drive them end to end).
import { nextQueryDelayMs, progressLine } from '../../client/progress';
import { etaText, statusText } from '../../client/status-text';
import { EXIT_SEVERITY, itemExitCode, worstExitCode } from '../../common/exit-codes';
import type { RestoreStatus } from '../../common/result';

const now = Date.parse('2026-12-01T12:00:00Z');
const base: RestoreStatus = {
  phase: 'AWAITING_APPROVAL',
  polls: 0,
  startedAt: '2026-12-01T11:59:00Z',
  deadlineAt: '2026-12-01T18:00:00Z',
  awaitingApproval: true,
};

test('status of a restore awaiting approval: what is deleted, the plan, the checks, when approval times out', () => {
  const text = statusText(
    {
      ...base,
      workflowId: 'atlas-restore-p-dst',
      runId: 'r1',
      running: true,
      target: { projectId: 'p', clusterName: 'dst' },
      source: { clusterName: 'src', snapshotId: 's1' },
      plan: 'restore snapshot s1 of src into dst (tenant)',
      checks: [
        { name: 'target-idle', status: 'pass', evidence: 'stateName=IDLE' },
        { name: 'version', status: 'warn', evidence: '7.0 vs 8.0' },
      ],
      approvalTimeoutAt: '2026-12-01T13:00:00Z',
    },
    now,
  );
  expect(text).toContain("target: 'dst' in project p — ALL ITS DATA is deleted and replaced by snapshot s1 of 'src'");
  expect(text).toContain('plan: restore snapshot s1 of src into dst (tenant)');
  expect(text).toMatch(/ok {3}target-idle: stateName=IDLE\n\s+warn version: 7\.0 vs 8\.0/);
  expect(text).toContain('approval times out at 2026-12-01T13:00:00Z (in ~60m)');
  expect(text).toContain('./bin/atlas-restore approve atlas-restore-p-dst --runId');
});

test('an ETA when the restore has an expectation, in status and in the watch line; none without', () => {
  const polling: RestoreStatus = {
    ...base,
    phase: 'POLLING',
    awaitingApproval: false,
    expectedFinishAt: '2026-12-01T12:04:00Z',
  };
  expect(etaText(polling.expectedFinishAt, now)).toBe('ETA 2026-12-01T12:04:00Z (in ~4m)');
  expect(etaText('2026-12-01T11:58:00Z', now)).toBe('ETA 2026-12-01T11:58:00Z (overdue by 2m)');
  expect(statusText({ ...polling, workflowId: 'w', runId: 'r', running: true }, now)).toContain(
    'ETA 2026-12-01T12:04:00Z (in ~4m)',
  );
  expect(progressLine(polling, 10)).toMatch(/ETA 2026-12-01T12:04:00Z/);
  expect(progressLine({ ...polling, expectedFinishAt: undefined }, 10)).not.toMatch(/ETA/);
});

test('watch asks again at the restore’s next poll, never more often than 1 s nor less often than 30 s', () => {
  const at = (s: number) => new Date(now + s * 1000).toISOString();
  expect(nextQueryDelayMs({ ...base, awaitingApproval: false, phase: 'POLLING', nextPollAt: at(10) }, now)).toBe(
    10_500,
  );
  expect(nextQueryDelayMs({ ...base, awaitingApproval: false, phase: 'POLLING', nextPollAt: at(-5) }, now)).toBe(1_000);
  expect(nextQueryDelayMs({ ...base, awaitingApproval: false, phase: 'POLLING', nextPollAt: at(3600) }, now)).toBe(
    30_000,
  );
  expect(nextQueryDelayMs(base, now)).toBe(30_000);
  expect(nextQueryDelayMs(undefined, now)).toBe(2_000);
});

test('a batch exits with its worst item: 1 > 4 > 7 > 6 > 3 > 2 > 5 > 0', () => {
  expect(EXIT_SEVERITY).toEqual([1, 4, 7, 6, 3, 2, 5, 0]);
  expect(worstExitCode([])).toBe(0);
  expect(worstExitCode([0, 5, 3])).toBe(3);
  expect(worstExitCode([3, 6, 5])).toBe(6);
  expect(worstExitCode([6, 4])).toBe(4);
  // VERIFY_FAILED (7): Atlas changed the data and the target does not hold what it should; after 4, before 6.
  expect(worstExitCode([6, 7, 3])).toBe(7);
  expect(worstExitCode([7, 4])).toBe(4);
  expect(itemExitCode({ outcome: 'VERIFY_FAILED' })).toBe(7);
  expect(itemExitCode({ outcome: 'NOT_STARTED', error: 'TARGET_BUSY' })).toBe(6);
  expect(itemExitCode({ outcome: 'NOT_STARTED', error: 'INVALID_INPUT' })).toBe(2);
  expect(itemExitCode({ outcome: 'COMPENSATED' })).toBe(4);
  expect(itemExitCode({ outcome: 'DRY_RUN' })).toBe(0);
});
