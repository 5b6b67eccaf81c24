// Drills run by their schedule, as an operator sees them through the CLI (a subprocess): a real dev server, the
// simulator with FerretDB (data: true) and a real worker running drillWorkflow. A schedule that fires twice (two
// reports, the runs never overlap), `drill report` of a real run as JSON and as Markdown, `drill run --wait` exiting
// by the outcome (PASSED 0, FAILED 8).
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { drillScheduleId } from '../../common/drill';
import { cli, cliEnvFor } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addSource, fastWorld } from '../drill/kit';

jest.setTimeout(240_000);

let stack: Stack;
let cliEnv: NodeJS.ProcessEnv;
beforeAll(async () => {
  stack = await startStack({ server: 'dev', sim: { era: 'current', data: true } });
  // Fast clusters and restores: a drill takes seconds.
  fastWorld(stack.sim.world);
  cliEnv = cliEnvFor(stack.env.address, stack.taskQueue);
});
afterAll(() => stack?.close());

type Json = Record<string, unknown>;
const json = (s: string) => JSON.parse(s) as Json;
const finishedRuns = async (name: string): Promise<WorkflowExecutionInfo[]> => {
  const runs: WorkflowExecutionInfo[] = [];
  const query = `TemporalScheduledById = '${drillScheduleId(name)}' AND ExecutionStatus = 'Completed'`;
  for await (const wf of stack.env.client.workflow.list({ query })) runs.push(wf);
  return runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
};

test('a schedule that fires twice: two reports, the runs never overlap; drill report of a real run as JSON and Markdown', async () => {
  const src = addSource(stack.sim.world);
  const created = await cli(
    ['drill', 'create', src.name, '--projectId', src.projectId, '--clusterName', src.clusterName, '--every', '2s'],
    cliEnv,
  );
  expect(created.code).toBe(0);
  const runs = await pollUntil(
    () => finishedRuns(src.name),
    (r) => r.length >= 2,
    { timeoutMs: 180_000, what: 'two finished runs of the schedule' },
  );
  expect((await cli(['drill', 'pause', src.name], cliEnv)).code).toBe(0);
  const [first, second] = runs;
  // Overlap skip: the second run started only after the first had ended, though the schedule fires every 2 s.
  expect(second.startTime.getTime()).toBeGreaterThanOrEqual(first.closeTime!.getTime());
  const row = await pollUntil(
    async () =>
      (json((await cli(['drill', 'list', '-o', 'json'], cliEnv)).stdout).drills as Json[]).find(
        (d) => d.drill === src.name,
      ),
    (d) => d?.paused === true && d.lastOutcome === 'PASSED',
  );
  expect(row).toMatchObject({ when: 'every 2s', lastFinished: expect.stringMatching(/^\d{4}-/) });
  const sched = await stack.env.client.schedule.getHandle(drillScheduleId(src.name)).describe();
  expect(sched.info.numActionsSkippedOverlap).toBeGreaterThan(0);

  // Two reports, each its run's, each PASSED.
  for (const run of [first, second]) {
    const r = await cli(['drill', 'report', src.name, '--run', run.runId, '-o', 'json'], cliEnv);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({
      drill: src.name,
      workflowId: run.workflowId,
      runId: run.runId,
      outcome: 'PASSED',
      snapshot: { id: src.snapshotId },
      scratch: { projectId: src.projectId, created: true, deleted: true },
    });
  }
  // Without --run: the newest finished run (a third may have finished before the pause).
  const latest = json((await cli(['drill', 'report', src.name, '-o', 'json'], cliEnv)).stdout);
  const newest = (await finishedRuns(src.name)).at(-1)!;
  expect(latest.runId).toBe(newest.runId);

  const md = await cli(['drill', 'report', src.name, '--run', first.runId, '-o', 'md'], cliEnv);
  expect(md.code).toBe(0);
  const report = json((await cli(['drill', 'report', src.name, '--run', first.runId, '-o', 'json'], cliEnv)).stdout);
  expect(md.stdout).toContain(`# Restore drill report: ${src.name}\n`);
  expect(md.stdout).toContain('**Outcome: ✅ PASSED**');
  expect(md.stdout).toMatch(/^\| RPO \| (\d+ h )?(\d+ min )?\d+ s \|/m);
  expect(md.stdout).toMatch(/^\| RTO \| (\d+ min )?\d+ s \|/m);
  for (const stage of ['janitor', 'create-cluster', 'restore', 'verification', 'teardown'])
    expect(md.stdout).toMatch(new RegExp(`^\\| ${stage} \\| \\S+ \\| \\S+ \\| [^|]+ \\|`, 'm'));
  const scratch = (report.scratch as Json).clusterName as string;
  expect(md.stdout).toContain(
    `| Scratch cluster | \`${scratch}\` in project \`${src.projectId}\`: created, deleted (404 confirmed) |`,
  );
  expect(md.stdout).toContain(`Atlas restore job \`${String((report.restore as Json).restoreJobId)}\``);
  expect(md.stdout).toContain('Status: **PASSED**');
  expect(md.stdout).toContain(
    `${String((report.verification as Json & { manifest: Json }).manifest.documents)} document(s)`,
  );
  expect(md.stdout).toContain(`| **${String(report.startedAt)}** (this run) | PASSED |`);
  // Gone (a later run in the same minute may have made one of the same name: its run tag tells them apart).
  const ofRun = [...stack.sim.world.clusters.values()].filter((c) =>
    c.tags?.some((t) => t.key === 'atlas-restore-drill-run' && t.value === first.runId),
  );
  expect(ofRun).toEqual([]);

  const bad = await cli(['drill', 'report', src.name, '--run', '00000000-0000-0000-0000-000000000000'], cliEnv);
  expect([bad.code, bad.stderr.trim()]).toEqual([
    2,
    `error: no run 00000000-0000-0000-0000-000000000000 of drill '${src.name}'`,
  ]);
  expect((await cli(['drill', 'delete', src.name], cliEnv)).code).toBe(0);
});

test('drill run --wait exits by the outcome: PASSED 0, FAILED 8 (its report too)', async () => {
  const src = addSource(stack.sim.world);
  const create = (name: string, ...extra: string[]) =>
    cli(
      [
        'drill',
        'create',
        name,
        '--projectId',
        src.projectId,
        '--clusterName',
        src.clusterName,
        '--every',
        '168h',
        ...extra,
      ],
      cliEnv,
    );
  expect((await create(src.name)).code).toBe(0);
  const ok = await cli(['drill', 'run', src.name, '--wait', '-o', 'json'], cliEnv);
  expect(ok.code).toBe(0);
  expect(json(ok.stdout)).toMatchObject({ drill: src.name, outcome: 'PASSED' });
  const text = await cli(['drill', 'run', src.name, '--wait'], cliEnv);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(new RegExp(`^drill ${src.name}: PASSED — `));
  expect(text.stdout).toMatch(/^report: atlas-restore drill report \S+ --run \S+ -o md$/m);

  const failing = `${src.name}-f`;
  const verify = JSON.stringify({ collections: [{ db: 'nosuchdb', collection: 'nothing', minCount: 1 }] });
  expect((await create(failing, '--verify', verify)).code).toBe(0);
  const failed = await cli(['drill', 'run', failing, '--wait', '-o', 'json'], cliEnv);
  expect(failed.code).toBe(8);
  const result = json(failed.stdout);
  expect(result).toMatchObject({ drill: failing, outcome: 'FAILED', scratch: { deleted: true } });
  await pollUntil(
    () => finishedRuns(failing),
    (r) => r.length === 1,
  );
  const report = await cli(['drill', 'report', failing], cliEnv);
  expect(report.code).toBe(8);
  expect(report.stdout).toContain('**Outcome: ❌ FAILED**');
  expect(report.stdout).toContain(`Reason: ${String(result.reason).replace(/([|`*_<>[\]])/g, '\\$1')}`);
  for (const name of [src.name, failing]) expect((await cli(['drill', 'delete', name], cliEnv)).code).toBe(0);
});

test('a scratch cluster that cannot be deleted: drill run --wait exits 9 (LEFT_BEHIND), naming it', async () => {
  const src = addSource(stack.sim.world);
  stack.sim.faults.add({
    operation: 'deleteFlexCluster',
    groupId: src.projectId,
    action: { kind: 'status', status: 500, errorCode: 'UNEXPECTED_ERROR' },
  });
  try {
    const args = ['--projectId', src.projectId, '--clusterName', src.clusterName, '--every', '168h'];
    expect((await cli(['drill', 'create', src.name, ...args, '--deadline', '60s'], cliEnv)).code).toBe(0);
    const r = await cli(['drill', 'run', src.name, '--wait'], cliEnv);
    const left = [...stack.sim.world.clusters.values()].filter(
      (c) => c.groupId === src.projectId && c.name.startsWith('drill-'),
    );
    expect(left).toHaveLength(1);
    expect(r.code).toBe(9);
    expect(r.stdout).toMatch(new RegExp(`^drill ${src.name}: LEFT_BEHIND — .*${left[0].name}`, 'm'));
  } finally {
    stack.sim.faults.clear();
  }
  expect((await cli(['drill', 'delete', src.name], cliEnv)).code).toBe(0);
});
