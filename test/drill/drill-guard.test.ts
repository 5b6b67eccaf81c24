// The drill activities check their caller (issue 22, as activities/guard.ts does for restores): a workflow of another
// type, or a look-alike drillWorkflow on another task queue, creates and deletes nothing.
import { Worker } from '@temporalio/worker';
import { DRILL_TAG_KEY, drillScheduleId } from '../../common/drill';
import { DRILL_RUN_TAG_KEY } from '../../activities/drill-atlas';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addSource } from './kit';

jest.setTimeout(120_000);

let stack: Stack;
let rogue: Worker;
let rogueRunning: Promise<void>;
const rogueQueue = `evil-drill-${process.pid}`;

beforeAll(async () => {
  stack = await startStack({ server: 'dev', sim: { era: 'current' } });
  rogue = await Worker.create({
    connection: stack.env.nativeConnection,
    taskQueue: rogueQueue,
    workflowsPath: require.resolve('./rogue-drills'),
  });
  rogueRunning = rogue.run();
});
afterAll(async () => {
  rogue?.shutdown();
  await rogueRunning?.catch(() => undefined);
  await stack?.close();
});

async function rogueRun(type: string, workflowId: string, args: unknown[]): Promise<string> {
  try {
    await stack.env.client.workflow.execute(type, { taskQueue: rogueQueue, workflowId, args });
    return 'ok';
  } catch (e) {
    const cause = (e as { cause?: { cause?: Error; message?: string } }).cause;
    return cause?.cause?.message ?? cause?.message ?? String(e);
  }
}

test('another workflow type creates nothing and deletes nothing; a look-alike drillWorkflow elsewhere creates nothing', async () => {
  const src = addSource(stack.sim.world);
  const victim = stack.sim.world.addCluster({
    groupId: src.projectId,
    name: 'drill-victim-1',
    kind: 'flex',
    tags: [
      { key: DRILL_TAG_KEY, value: src.name },
      { key: DRILL_RUN_TAG_KEY, value: '00000000-0000-0000-0000-000000000000' },
    ],
  });
  const req = {
    drill: src.name,
    run: '00000000-0000-0000-0000-000000000000',
    projectId: src.projectId,
    name: 'drill-rogue-1',
    providerName: 'AWS',
    regionName: 'US_EAST_1',
  };
  expect(await rogueRun('rogueDrillCreate', `rogue-c-${src.name}`, [stack.taskQueue, req])).toMatch(
    /drillCreateCluster refused \(outside-restore\)/,
  );
  expect(
    await rogueRun('rogueDrillDelete', `rogue-d-${src.name}`, [stack.taskQueue, { ...req, name: victim.name }]),
  ).toMatch(/drillDeleteCluster refused \(outside-restore\)/);
  expect(await rogueRun('drillWorkflow', drillScheduleId(src.name), [stack.taskQueue, req])).toMatch(
    /drillCreateCluster refused \(foreign-task-queue\)/,
  );
  expect(stack.sim.calls.filter((c) => c.groupId === src.projectId && c.operation !== 'getFlexCluster')).toEqual([]);
  expect(stack.sim.world.cluster(src.projectId, victim.name)?.deleteRequestedAtMs).toBeUndefined();
  expect(stack.sim.world.cluster(src.projectId, 'drill-rogue-1')).toBeUndefined();
});
