// The chaos run (harness/chaos), CI-sized: every Atlas fault kind alone once, the worker SIGKILLed inside a create, a
// poll and a compensation, the Temporal server SIGKILLed and restarted on its SQLite file, bad input from the
// client, the workflow and the CLI, and the secret scan of histories and worker logs. `npm run chaos` is the same
// harness at full size (everything at once, 200 restores, 20 kills, 2 server restarts, the CLI session).
import { FAULT_KINDS } from '../../harness/chaos/scenarios';
import { FULL_RUN } from '../../harness/chaos/options';
import type { ChaosReport } from '../../harness/chaos/report';
import { summary } from '../../harness/chaos/report';
import { runChaos } from '../../harness/chaos/storm';

let report: ChaosReport;
const lines: string[] = [];

beforeAll(async () => {
  report = await runChaos({
    ...FULL_RUN,
    // One restore per fault kind (each alone), plus one per kill point.
    restores: FAULT_KINDS.length + 3,
    kills: 3,
    killTaskMargin: 1,
    serverRestarts: 1,
    // The kill points whose recovery is quickest (their activities time out after 30-60 s; a killed preflight waits 2 min).
    killPoints: ['create', 'poll', 'compensation-notify'],
    startIntervalMs: 400,
    // Restores without kill points first, then the server restart, then the kill points, spaced (options.ts).
    killTargetsLast: true,
    // The CLI's output is scanned in test/security/secrets.test.ts; here it would only add time.
    cliPhase: false,
    badInputs: { inProcess: 40, direct: 8, cli: 3 },
    maxWaitMs: 4 * 60_000,
    log: (l) => lines.push(l),
  });
  if (!report.ok) process.stderr.write(`${summary(report)}\n${lines.join('\n')}\n`);
}, 6 * 60_000);

test('every restore ends as its faults say it must, with exactly one Atlas job and a complete audit trail', () => {
  expect(report.incorrect).toEqual([]);
  expect(report.correctOutcome).toBe(report.restores);
  expect(report.duplicateJobs).toBe(0);
  expect(report.lostAuditEvents).toBe(0);
  expect(report.outcomes).toEqual({
    COMPLETED: expect.any(Number),
    COMPENSATED: expect.any(Number),
    DEADLINE_EXCEEDED: 2,
    PREFLIGHT_FAILED: 1,
  });
});

test('the faults really happened: each kind, the kills at their points, the server restart', () => {
  for (const kind of FAULT_KINDS) expect([kind, report.faultsInjected[kind] ?? 0]).toEqual([kind, expect.any(Number)]);
  for (const kind of FAULT_KINDS) expect(report.faultsInjected[kind]).toBeGreaterThan(0);
  expect(report.workerKills).toBeGreaterThanOrEqual(3);
  expect(report.serverRestarts).toBe(1);
  expect(report.workerUnexpectedExits).toBe(0);
  expect(Object.keys(report.faultsInjected).some((k) => k.startsWith('token-endpoint'))).toBe(true);
});

test('no secret in any history, worker log line or CLI output', () => {
  expect(report.secretsWhere).toEqual({});
  expect(report.secretsFound).toBe(0);
  expect(report.scanned.histories).toBeGreaterThan(report.restores);
  expect(report.scanned.workerLogLines).toBeGreaterThan(100);
});

test('bad input is refused with the field named and starts nothing', () => {
  expect(report.badInputSamples).toEqual([]);
  expect(report.badInputsTried).toBe(51);
  expect(report.badInputsStartedSomething).toBe(0);
  expect(report.badInputsUnclear).toBe(0);
  expect(report.cliUnexpected).toEqual([]);
});
