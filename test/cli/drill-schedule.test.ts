// `atlas-restore drill ...` as an operator runs it (the CLI as a subprocess) against a real dev server: the schedule
// round trip (create, list, pause, unpause, delete), bad input refused before anything is created, and `drill run`
// triggering the schedule under its overlap policy. No worker here: a triggered run just waits to be picked up,
// which is what makes the second trigger overlap. The drill's own runs are tested in test/cli/drill-runs.test.ts.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SA } from '../../common/constants';
import { drillScheduleId } from '../../common/drill';
import { startDevServer } from '../../devserver/devserver';
import { cli, cliEnvFor } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';

let env: TestWorkflowEnvironment;
let cliEnv: NodeJS.ProcessEnv;
const taskQueue = `drill-schedule-${process.pid}`;
const projectId = '65a1d0c0ffee00000000a001';

beforeAll(async () => {
  env = await startDevServer();
  cliEnv = cliEnvFor(env.address, taskQueue);
});
afterAll(async () => {
  await env?.teardown();
});

type Json = Record<string, unknown>;
const json = (s: string) => JSON.parse(s) as Json;
const create = (name: string, ...extra: string[]) =>
  cli(['drill', 'create', name, '--projectId', projectId, '--clusterName', 'orders-m5', ...extra], cliEnv);
const listed = async () =>
  (json((await cli(['drill', 'list', '-o', 'json'], cliEnv)).stdout).drills as Json[]).filter((d) =>
    String(d.drill).startsWith('rt-'),
  );
const exists = async (name: string) => {
  try {
    await env.client.schedule.getHandle(drillScheduleId(name)).describe();
    return true;
  } catch {
    return false;
  }
};

test('create, list, pause, unpause, delete: a drill is a Temporal Schedule with overlap skip and a 1-day catch-up', async () => {
  const c = await create('rt-weekly', '--cron', '0 3 * * 1', '--verify', '{"allowEmpty":true}', '-o', 'json');
  expect(c.code).toBe(0);
  expect(json(c.stdout)).toMatchObject({
    drill: 'rt-weekly',
    scheduleId: 'atlas-restore-drill-rt-weekly',
    when: 'cron 0 3 * * 1 (UTC)',
    input: { name: 'rt-weekly', projectId, clusterName: 'orders-m5', verify: { allowEmpty: true } },
  });
  // The next Monday, 03:00 UTC.
  const next = new Date(String(json(c.stdout).next));
  expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 3, 0]);
  const d = await env.client.schedule.getHandle('atlas-restore-drill-rt-weekly').describe();
  expect(d.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 86_400_000, pauseOnFailure: false });
  expect(d.action).toMatchObject({
    workflowType: 'drillWorkflow',
    taskQueue,
    workflowId: 'atlas-restore-drill-rt-weekly',
  });
  expect(d.action.args).toEqual([
    expect.objectContaining({ name: 'rt-weekly', projectId, clusterName: 'orders-m5', verify: { allowEmpty: true } }),
  ]);

  expect((await create('rt-daily', '--every', '24h')).code).toBe(0);
  const again = await create('rt-daily', '--every', '12h');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("a drill named 'rt-daily' already exists");

  // Schedules are listed through visibility: eventually.
  const rows = await pollUntil(listed, (r) => r.length === 2);
  expect(rows.map((r) => [r.drill, r.when, r.paused])).toEqual([
    ['rt-daily', 'every 24h', false],
    ['rt-weekly', 'cron 0 3 * * 1 (UTC)', false],
  ]);
  const text = await cli(['drill', 'list'], cliEnv);
  expect(text.stdout).toMatch(/^DRILL\s+STATE\s+WHEN\s+SOURCE\s+NEXT RUN\s+LAST STARTED\s+LAST OUTCOME$/m);
  expect(text.stdout).toMatch(/^rt-daily\s+active\s+every 24h\s+orders-m5 \(project 65a1d0c0ffee00000000a001\)/m);

  expect((await cli(['drill', 'pause', 'rt-daily'], cliEnv)).code).toBe(0);
  expect((await env.client.schedule.getHandle(drillScheduleId('rt-daily')).describe()).state.paused).toBe(true);
  await pollUntil(listed, (r) => r.find((x) => x.drill === 'rt-daily')?.paused === true);
  expect((await cli(['drill', 'unpause', 'rt-daily'], cliEnv)).code).toBe(0);
  expect((await env.client.schedule.getHandle(drillScheduleId('rt-daily')).describe()).state.paused).toBe(false);

  const del = await cli(['drill', 'delete', 'rt-daily', '-o', 'json'], cliEnv);
  expect([del.code, json(del.stdout).deleted]).toEqual([0, true]);
  expect(await exists('rt-daily')).toBe(false);
  const gone = await cli(['drill', 'pause', 'rt-daily'], cliEnv);
  expect([gone.code, gone.stderr.trim()]).toEqual([2, "error: no drill named 'rt-daily' (drill list shows them)"]);
  expect((await cli(['drill', 'delete', 'rt-weekly'], cliEnv)).code).toBe(0);
  await pollUntil(listed, (r) => r.length === 0);
});

test.each([
  [
    ['drill', 'create', 'Bad_Name', '--projectId', projectId, '--clusterName', 'c'],
    'Bad_Name',
    "invalid drill name 'Bad_Name'",
  ],
  [
    ['drill', 'create', 'bad-cron', '--projectId', projectId, '--clusterName', 'c', '--cron', '0 25 * * 1'],
    'bad-cron',
    "hour: '25' is outside 0-23",
  ],
  [
    ['drill', 'create', 'bad-cron2', '--projectId', projectId, '--clusterName', 'c', '--cron', '0 3 * *'],
    'bad-cron2',
    'it has 4 field(s)',
  ],
  [
    ['drill', 'create', 'bad-every', '--projectId', projectId, '--clusterName', 'c', '--every', 'daily'],
    'bad-every',
    "--every 'daily': must be a duration",
  ],
  [
    ['drill', 'create', 'both', '--projectId', projectId, '--clusterName', 'c', '--every', '1h', '--cron', '@daily'],
    'both',
    'give --cron or --every, not both',
  ],
  [
    ['drill', 'create', 'bad-project', '--projectId', 'nope', '--clusterName', 'c'],
    'bad-project',
    "--projectId 'nope': must be a 24-character hexadecimal Atlas id",
  ],
  [
    ['drill', 'create', 'no-verify', '--projectId', projectId, '--clusterName', 'c', '--verify', 'false'],
    'no-verify',
    'a drill always verifies',
  ],
  [
    ['drill', 'create', 'bad-verify', '--projectId', projectId, '--clusterName', 'c', '--verify', '{"colections":[]}'],
    'bad-verify',
    "--verify: unknown field(s) 'colections'",
  ],
  [
    ['drill', 'create', 'bad-region', '--projectId', projectId, '--clusterName', 'c', '--region', 'us-east-1'],
    'bad-region',
    "--region 'us-east-1': must be an Atlas region name",
  ],
  [
    [
      'drill',
      'create',
      'two-snaps',
      '--projectId',
      projectId,
      '--clusterName',
      'c',
      '--snapshotId',
      '65a1d0c0ffee0000000051a2',
      '--minAge',
      '24h',
    ],
    'two-snaps',
    'give --snapshotId or --minAge, not both',
  ],
  [['drill', 'run', 'UPPER'], 'UPPER', "invalid drill name 'UPPER'"],
])('refused with a clear error, nothing created: %j', async (args, name, message) => {
  const r = await cli(args, cliEnv);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stdout).toBe('');
  expect(await exists(name)).toBe(false);
});

test('drill run triggers the schedule: a run starts (found by TemporalScheduledById); a second one, overlapping, is skipped (exit 6)', async () => {
  expect((await create('rt-run', '--every', '168h')).code).toBe(0);
  // A paused drill runs too when asked (pause stops the fires, not `drill run`).
  expect((await cli(['drill', 'pause', 'rt-run'], cliEnv)).code).toBe(0);
  const r = await cli(['drill', 'run', 'rt-run', '-o', 'json'], cliEnv);
  expect(r.code).toBe(0);
  const started = json(r.stdout);
  expect(String(started.workflowId)).toMatch(/^atlas-restore-drill-rt-run-\d{4}-\d\d-\d\dT/);
  const d = await env.client.workflow.getHandle(String(started.workflowId), String(started.runId)).describe();
  expect(d.type).toBe('drillWorkflow');
  expect(d.status.name).toBe('RUNNING');
  expect(d.typedSearchAttributes.get({ name: 'TemporalScheduledById', type: 'KEYWORD' })).toBe(
    'atlas-restore-drill-rt-run',
  );
  // Findable as a drill before it runs a task: the schedule's action carries drillStartOptions' attributes.
  expect(d.typedSearchAttributes.get(SA.requestDigest)).toBe('drill:rt-run');
  expect(d.typedSearchAttributes.get(SA.sourceCluster)).toBe('orders-m5');

  const again = await cli(['drill', 'run', 'rt-run', '-o', 'json'], cliEnv);
  expect(again.code).toBe(6);
  expect(json(again.stdout)).toEqual({ error: 'DRILL_RUNNING', drill: 'rt-run', running: [started.workflowId] });
  expect(again.stderr).toContain('nothing was started (overlap: skip)');

  const none = await cli(['drill', 'report', 'rt-run'], cliEnv);
  expect([none.code, none.stderr.trim()]).toEqual([
    2,
    "error: drill 'rt-run' has no finished run yet (drill run rt-run starts one)",
  ]);
  const del = await cli(['drill', 'delete', 'rt-run'], cliEnv);
  expect(del.code).toBe(0);
  expect(del.stderr + del.stdout).toContain(`a run is in progress and finishes`);
  await env.client.workflow.getHandle(String(started.workflowId)).terminate('test over: no worker runs drills here');
});

test('--help works for every drill command; report and run name their exit codes', async () => {
  for (const c of ['create', 'list', 'run', 'pause', 'unpause', 'delete', 'report']) {
    const r = await cli(['drill', c, '--help'], cliEnv);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining(`Usage: atlas-restore drill ${c}`)]);
  }
  for (const c of ['run', 'report'])
    expect((await cli(['drill', c, '--help'], cliEnv)).stdout).toMatch(/0 PASSED, 8 FAILED .*9 LEFT_BEHIND/s);
  const bad = await cli(['drill', 'report', 'x', '-o', 'html'], cliEnv);
  expect(bad.code).toBe(2);
});
