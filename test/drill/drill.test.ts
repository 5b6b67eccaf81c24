// Restore drills end to end (issue 22): a real dev server, the simulator with FerretDB (data: true) and a real worker.
// A passing drill (report with RTO/RPO, the cluster gone), a failed verification (FAILED, cluster gone), a delete that
// fails for good (LEFT_BEHIND, named), a cancel mid-restore (torn down after the job ends), the janitor finding a
// leftover, and input a drill refuses.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkflowFailedError } from '@temporalio/client';
import type { RestoreEvent } from '../../common/events';
import { DEFAULT_EVENT_TYPES } from '../../common/events';
import { WebhookSettings } from '../../config/webhook';
import { DRILL_TAG_KEY } from '../../common/drill';
import { drillStartOptions, scratchClusterName } from '../../common/drill-input';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { pollUntil } from '../helpers/poll';
import { addSource, drillOf, fastWorld, scratchOf, startDrill } from './kit';

jest.setTimeout(240_000);

let stack: Stack;
// The webhook receiver: the drill.* events the drills send (signatures are checked in drill-signals.test.ts).
const events: RestoreEvent[] = [];
const receiver = createServer((req, res) => {
  let raw = '';
  req.on('data', (d: Buffer) => (raw += d.toString()));
  req.on('end', () => {
    events.push(JSON.parse(raw) as RestoreEvent);
    res.writeHead(200).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  stack = await startStack({
    server: 'dev',
    sim: { era: 'current', data: true },
    webhook: new WebhookSettings(url, DEFAULT_EVENT_TYPES),
  });
  fastWorld(stack.sim.world);
});
afterAll(async () => {
  await stack?.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});
afterEach(() => stack.sim.faults.clear());

const client = () => stack.env.client.workflow;

test('a passing drill: verified restore into a scratch cluster it created, RTO/RPO, the cluster gone', async () => {
  const src = addSource(stack.sim.world);
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src, { deadline: '10m' }))).result();
  expect([r.outcome, r.reason]).toEqual(['PASSED', expect.stringMatching(/verified/)]);
  expect(r.snapshot?.id).toBe(src.snapshotId);
  expect(r.scratch).toEqual({
    projectId: src.projectId,
    clusterName: expect.stringMatching(new RegExp(`^drill-${src.clusterName}-\\d{12}$`)),
    created: true,
    deleted: true,
  });
  expect(stack.sim.world.cluster(src.projectId, r.scratch!.clusterName)).toBeUndefined();
  // RPO: the request time minus the snapshot's finish (the simulator's snapshots finish ~58 min before now).
  expect(r.rpoSeconds).toBeGreaterThan(3000);
  expect(r.rtoSeconds).toBeGreaterThan(0);
  expect(r.stages.map((s) => s.name)).toEqual(['janitor', 'create-cluster', 'restore', 'verification', 'teardown']);
  for (const s of r.stages) expect(s.durationS).toBeGreaterThanOrEqual(0);
  expect(r.verification?.status).toBe('PASSED');
  expect(r.verification?.manifest?.documents).toBeGreaterThan(0);
  expect(r.restore).toMatchObject({ outcome: 'COMPLETED', restoreJobId: expect.any(String) });
  // The scratch cluster was created as the issue says: Flex, the source's region, unprotected, tagged for the drill.
  const created = stack.sim.calls.find((c) => c.operation === 'createFlexCluster' && c.status === 201);
  expect(created).toBeDefined();

  // The UI tells drills apart: WorkflowType, and RestoreOutcome/RestoreRequestDigest on the run.
  const d = await client().getHandle(r.workflowId, r.runId).describe();
  expect(d.type).toBe('drillWorkflow');
  expect(d.searchAttributes.RestoreOutcome).toEqual(['PASSED']);
  expect(d.searchAttributes.RestoreRequestDigest).toEqual([`drill:${src.name}`]);

  // A second run of the same drill has the first in its trend (once visibility shows the first one closed).
  await pollUntil(
    () =>
      client().count(
        `WorkflowType = 'drillWorkflow' AND RestoreRequestDigest = 'drill:${src.name}' AND ExecutionStatus = 'Completed'`,
      ),
    (c) => c.count === 1,
    { what: 'the first run in visibility' },
  );
  const again = await (await startDrill(client(), stack.taskQueue, drillOf(src, { deadline: '10m' }))).result();
  expect(again.outcome).toBe('PASSED');
  expect(again.trend).toEqual([
    expect.objectContaining({ workflowId: r.workflowId, runId: r.runId, outcome: 'PASSED', rtoSeconds: r.rtoSeconds }),
  ]);
});

test('verification fails: FAILED naming it, the cluster gone', async () => {
  const src = addSource(stack.sim.world);
  const r = await (
    await startDrill(client(), stack.taskQueue, {
      ...drillOf(src),
      deadline: '10m',
      verify: { collections: [{ db: 'nosuchdb', collection: 'nothing', minCount: 1 }] },
    })
  ).result();
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/verification FAILED/);
  expect(r.restore?.outcome).toBe('VERIFY_FAILED');
  expect(r.rtoSeconds).toBeUndefined();
  expect(r.scratch).toMatchObject({ created: true, deleted: true });
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('a delete that fails for good: LEFT_BEHIND, naming the cluster', async () => {
  const src = addSource(stack.sim.world);
  stack.sim.faults.add({
    operation: 'deleteFlexCluster',
    groupId: src.projectId,
    action: { kind: 'status', status: 500, errorCode: 'UNEXPECTED_ERROR' },
  });
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src, { deadline: '60s' }))).result();
  const left = scratchOf(stack.sim.world, src.projectId);
  expect(left).toHaveLength(1);
  expect(r.outcome).toBe('LEFT_BEHIND');
  expect(r.reason).toContain(left[0].name);
  expect(r.reason).toMatch(/not deleted by the deadline/);
  expect(r.scratch).toMatchObject({ clusterName: left[0].name, created: true, deleted: false });
  // Never silently: drill.left_behind names the cluster.
  await pollUntil(
    async () => events.filter((e) => e.workflowId === r.workflowId && e.runId === r.runId),
    (l) => l.length === 1,
    { what: 'drill.left_behind' },
  );
  expect(events.find((e) => e.runId === r.runId)).toMatchObject({
    type: 'drill.left_behind',
    outcome: 'LEFT_BEHIND',
    targetClusterName: left[0].name,
    drill: { name: src.name, leftBehind: left[0].name },
  });
});

test('cancelled mid-restore: the job runs to its end, then the cluster is torn down', async () => {
  const src = addSource(stack.sim.world);
  stack.sim.world.defaultRestoreMs = 8_000;
  try {
    const h = await startDrill(client(), stack.taskQueue, drillOf(src, { deadline: '10m' }));
    const job = await pollUntil(
      async () => [...stack.sim.world.jobs.values()].find((j) => j.groupId === src.projectId),
      (j) => j !== undefined,
      { timeoutMs: 60_000, what: 'the drill’s restore job' },
    );
    await h.cancel();
    const r = await h.result();
    expect(r.outcome).toBe('FAILED');
    expect(r.reason).toMatch(
      /^the drill was cancelled; its restore atlas-restore-\S+ ran to its end \(COMPLETED\) before the teardown/,
    );
    // Atlas cannot cancel a running restore: the drill waited for it, then deleted its cluster.
    expect(r.restore?.outcome).toBe('COMPLETED');
    const teardown = r.stages.find((s) => s.name === 'teardown')!;
    expect(Date.parse(teardown.startedAt)).toBeGreaterThanOrEqual(job!.createdAtMs + job!.durationMs);
    expect(r.scratch).toMatchObject({ created: true, deleted: true });
    expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
  } finally {
    stack.sim.world.defaultRestoreMs = 2_000;
  }
});

test('the janitor deletes a leftover of this drill (older than its deadline) and reports it; others are not touched', async () => {
  const src = addSource(stack.sim.world);
  const now = Date.now();
  const tag = (v: string) => [{ key: DRILL_TAG_KEY, value: v }];
  const leftover = stack.sim.world.addCluster({
    groupId: src.projectId,
    name: 'drill-leftover-1',
    kind: 'flex',
    createdAtMs: now - 3_600_000,
    tags: tag(src.name),
  });
  stack.sim.world.addCluster({
    groupId: src.projectId,
    name: 'drill-recent-1',
    kind: 'flex',
    createdAtMs: now,
    tags: tag(src.name),
  });
  stack.sim.world.addCluster({
    groupId: src.projectId,
    name: 'drill-other-1',
    kind: 'flex',
    createdAtMs: now - 3_600_000,
    tags: tag('another-drill'),
  });
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src, { deadline: '10m' }))).result();
  expect(r.janitor).toEqual({ found: [leftover.name], deleted: [leftover.name], leftBehind: [] });
  expect(r.stages[0]).toMatchObject({
    name: 'janitor',
    detail: expect.stringMatching(/1 leftover\(s\) found, 1 deleted/),
  });
  expect(r.outcome).toBe('PASSED');
  await pollUntil(
    async () =>
      scratchOf(stack.sim.world, src.projectId)
        .map((c) => c.name)
        .sort(),
    (names) => names.join() === 'drill-other-1,drill-recent-1',
    { what: 'only the leftover deleted' },
  );
});

test('refused input: verify: false, an unknown field, a workflow id that is not the drill’s', async () => {
  const src = addSource(stack.sim.world);
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(WorkflowFailedError);
    return String((e as WorkflowFailedError).cause?.message);
  };
  const noVerify = { ...drillOf(src), verify: false } as unknown as Parameters<typeof startDrill>[2];
  expect(await failure((await startDrill(client(), stack.taskQueue, noVerify)).result())).toMatch(
    /verify: false is refused/,
  );
  const typo = { ...drillOf(src), deadlin: '1h' } as unknown as Parameters<typeof startDrill>[2];
  expect(await failure((await startDrill(client(), stack.taskQueue, typo)).result())).toMatch(
    /unknown field\(s\) 'deadlin'/,
  );
  const h = await client().start('drillWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: `not-a-drill-${src.name}`,
    args: [src],
  });
  expect(await failure(h.result())).toMatch(/the workflow id must be atlas-restore-drill-/);
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('no COMPLETED snapshot: the drill fails saying so, and creates nothing', async () => {
  const src = addSource(stack.sim.world);
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src, { minAge: '48h' }))).result();
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/no COMPLETED snapshot at least 172800 s old/);
  expect(r.scratch).toBeUndefined();
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('a create that does the work and answers 500: looked up by name and tags, adopted, one cluster', async () => {
  const src = addSource(stack.sim.world);
  stack.sim.faults.add({
    operation: 'createFlexCluster',
    groupId: src.projectId,
    times: 1,
    action: { kind: 'after-commit' },
  });
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src))).result();
  expect(r.outcome).toBe('PASSED');
  expect(r.stages.find((s) => s.name === 'create-cluster')?.detail).toMatch(/answered .*500.*but it had created/);
  expect(
    stack.sim.calls.filter((c) => c.operation === 'createFlexCluster' && c.groupId === src.projectId),
  ).toHaveLength(1);
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('a delete that fails for a while, then works: PASSED, the teardown says how many tries', async () => {
  const src = addSource(stack.sim.world);
  stack.sim.faults.add({
    operation: 'deleteFlexCluster',
    groupId: src.projectId,
    times: 2,
    action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE' },
  });
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src))).result();
  expect(r.outcome).toBe('PASSED');
  expect(r.stages.find((s) => s.name === 'teardown')?.detail).toBe(
    'deleted, 404 confirmed (after 2 failed delete call(s))',
  );
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('the project’s cluster limit: FAILED naming it, nothing created', async () => {
  const src = addSource(stack.sim.world);
  const limit = stack.sim.world.maxClustersPerProject;
  stack.sim.world.maxClustersPerProject = 1;
  try {
    const r = await (await startDrill(client(), stack.taskQueue, drillOf(src))).result();
    expect(r.outcome).toBe('FAILED');
    expect(r.reason).toMatch(/could not be created: .*TOO_MANY_CLUSTERS/);
    expect(r.scratch).toMatchObject({ created: false });
  } finally {
    stack.sim.world.maxClustersPerProject = limit;
  }
  expect(scratchOf(stack.sim.world, src.projectId)).toEqual([]);
});

test('a cluster with the scratch name exists: refused, and never touched', async () => {
  const src = addSource(stack.sim.world);
  // The names this drill can choose (this minute and the next): someone else's clusters, untagged.
  const now = Date.now();
  const names = [now, now + 60_000].map((t) => scratchClusterName(src.clusterName, t));
  for (const name of names) stack.sim.world.addCluster({ groupId: src.projectId, name, kind: 'flex' });
  const r = await (await startDrill(client(), stack.taskQueue, drillOf(src))).result();
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/already exists .*a drill restores only into a cluster it creates/);
  expect(r.restore).toBeUndefined();
  expect(scratchOf(stack.sim.world, src.projectId).map((c) => c.name)).toEqual(names);
});

test('started by a Temporal Schedule (its id + the fire time): the run is accepted and shows its static summary', async () => {
  const src = addSource(stack.sim.world);
  const input = drillOf(src);
  const { workflowId, ...o } = drillStartOptions(input);
  const schedule = await stack.env.client.schedule.create({
    scheduleId: workflowId,
    spec: { intervals: [{ every: '24h' }] },
    // The action's workflow id is the schedule id: each run's is `<schedule id>-<fire time>`.
    action: { type: 'startWorkflow', ...o, workflowId, taskQueue: stack.taskQueue, args: [input] },
    state: { paused: true },
  });
  try {
    await schedule.trigger();
    const fired = await pollUntil(
      async () => (await schedule.describe()).info.recentActions,
      (a) => a.length === 1,
      { what: 'the triggered run' },
    );
    const run = fired[0].action.workflow;
    expect(run.workflowId).toMatch(new RegExp(`^${workflowId}-\\d{4}-\\d{2}-\\d{2}T`));
    const h = client().getHandle(run.workflowId, run.firstExecutionRunId);
    const r = (await h.result()) as { outcome: string };
    expect(r.outcome).toBe('PASSED');
    expect(await (await h.describe()).staticSummary()).toMatch(new RegExp(`^Restore drill ${src.name}:`));
  } finally {
    await schedule.delete();
  }
});
