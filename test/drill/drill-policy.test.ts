// The restore policy's drill rules (issue 22 item 6) on a real worker: a drill may create, restore into and delete
// only clusters matching a drill rule's scratch pattern in the projects it lists; its child restore is judged by
// that rule (not by the restore rules), and a plain restore is never allowed by a drill rule.
import { restoreResultOf } from '../../client/result';
import { restoreWorkflowId } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import { RestorePolicy } from '../../policy/policy';
import { World } from '../../simulator/world';
import { restoreWorkflow } from '../../workflows';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addPair } from '../helpers/world';
import { addSource, drillOf, fastWorld, scratchOf, startDrill } from './kit';

jest.setTimeout(180_000);

let stack: Stack;
let allowed: ReturnType<typeof addSource>;
let elsewhere: ReturnType<typeof addSource>;

beforeAll(async () => {
  // The projects are known before the policy is written: the world is created first, then handed to the simulator.
  const world = new World('current');
  fastWorld(world);
  allowed = addSource(world);
  elsewhere = addSource(world);
  const policy = RestorePolicy.parse(
    `version: 1
rules:
  - name: prod
    target: "*/prod-*"
drills:
  - name: scratch-in-allowed
    projects: ["${allowed.projectId}"]
    scratch: "drill-*"
  - name: other-names-elsewhere
    projects: ["${elsewhere.projectId}"]
    scratch: "scratch-*"
`,
    '/policy.yaml',
  );
  stack = await startStack({ server: 'dev', sim: { world, data: true }, policy });
});
afterAll(() => stack?.close());

test('a drill rule lets the drill create, restore into (the child judged by the drill rule) and delete its scratch', async () => {
  const r = await (await startDrill(stack.env.client.workflow, stack.taskQueue, drillOf(allowed))).result();
  expect([r.outcome, r.reason]).toEqual(['PASSED', expect.any(String)]);
  const child = (await stack.env.client.workflow
    .getHandle(r.restore!.workflowId, r.restore!.runId)
    .result()) as RestoreResult;
  expect(child.policy).toMatchObject({ mode: 'enforced', rule: `drill:${allowed.name}` });
  expect(scratchOf(stack.sim.world, allowed.projectId)).toEqual([]);
});

test('a scratch name no drill rule matches is refused at the create: FAILED, nothing created', async () => {
  const r = await (await startDrill(stack.env.client.workflow, stack.taskQueue, drillOf(elsewhere))).result();
  expect(r.outcome).toBe('FAILED');
  expect(r.reason).toMatch(/could not be created: .*refused \(policy\): no drill rule/);
  expect(r.scratch).toMatchObject({ created: false });
  expect(
    stack.sim.calls.filter((c) => c.operation === 'createFlexCluster' && c.groupId === elsewhere.projectId),
  ).toEqual([]);
  expect(scratchOf(stack.sim.world, elsewhere.projectId)).toEqual([]);
});

test('a plain restore into a drill-* cluster is not allowed by the drill rule', async () => {
  const p = addPair(stack.sim.world, { kind: 'flex', target: { name: `drill-fake-${process.pid}` } });
  const input = { ...p.input, targetProjectId: allowed.projectId, targetClusterName: p.target.name };
  stack.sim.world.addCluster({ groupId: allowed.projectId, name: p.target.name, kind: 'flex' });
  const h = await stack.env.client.workflow.start(restoreWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: restoreWorkflowId(input),
    args: [input],
  });
  const r = await restoreResultOf(h);
  expect(r.outcome).toBe('PREFLIGHT_FAILED');
  expect(r.checks.find((c) => c.name === 'policy')?.evidence).toMatch(/no rule of the restore policy/);
});
