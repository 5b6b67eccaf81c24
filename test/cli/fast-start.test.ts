// The SDK-free start (client/fast-start.ts) against a real dev server: the workflow it starts must be exactly what the
// SDK's client starts for the same request — input, type, task queue, search attributes, summary and details — and a
// second start for a busy target must come back as ALREADY_EXISTS (which the CLI then hands to the SDK path).
import { defaultPayloadConverter } from '@temporalio/common';
import { startCommand } from '../../client/commands/start';
import { fastStart, GRPC_ALREADY_EXISTS, GrpcStatusError } from '../../client/fast-start';
import { startRestore } from '../../client/start';
import { ALL_SEARCH_ATTRIBUTES } from '../../common/constants';
import { RestoreInput, RestoreInputSchema } from '../../common/input';
import type { TemporalTarget } from '../../config/temporal';
import { Harness, startHarness } from '../helpers/harness';
import { addPair, Pair } from '../helpers/world';

let h: Harness;
let target: TemporalTarget;
beforeAll(async () => {
  h = await startHarness({ server: 'dev', sim: { era: 'current' } });
  target = { connectionOptions: { address: h.env.address }, namespace: 'default' };
});
afterAll(() => h?.close());

const inputFor = (p: Pair): RestoreInput => ({
  projectId: p.projectId,
  clusterName: p.source.name,
  snapshotId: p.snapshotId,
  targetClusterName: p.target.name,
  acknowledgeDataLoss: true,
  requireApproval: true, // parked before submit: the test reads the start, not the restore
  requester: 'fast-start-test',
  reason: 'CHG-1 "quoted" ✓',
});

async function started(workflowId: string) {
  const handle = h.env.client.workflow.getHandle(workflowId);
  const desc = await handle.describe();
  const first = (await handle.fetchHistory()).events![0].workflowExecutionStartedEventAttributes!;
  const arg = defaultPayloadConverter.fromPayload(first.input!.payloads![0]);
  const sas = Object.fromEntries(ALL_SEARCH_ATTRIBUTES.map((k) => [k.name, desc.typedSearchAttributes.get(k)]));
  return { type: desc.type, taskQueue: desc.taskQueue, arg, sas, summary: await desc.staticSummary(), details: await desc.staticDetails() };
}

test('starts the same workflow the SDK starts for the same request', async () => {
  const [a, b] = [addPair(h.sim.world), addPair(h.sim.world)];
  const viaFast = inputFor(a);
  const r = await fastStart(target, RestoreInputSchema.parse(viaFast), viaFast, h.taskQueue);
  expect(r.workflowId).toBe(`atlas-restore-${a.projectId}-${a.target.name}`);
  expect(r.runId).toMatch(/^[0-9a-f-]{36}$/);
  const viaSdk = { ...inputFor(b), projectId: a.projectId, clusterName: a.source.name, snapshotId: a.snapshotId };
  const s = await startRestore(h.env.client, viaSdk, { taskQueue: h.taskQueue });

  const [fast, sdk] = [await started(r.workflowId), await started(s.handle.workflowId)];
  expect(fast.arg).toEqual(viaFast);
  // Identical but for the target, which is the only thing that differs between the two requests.
  const swap = (x: unknown) => JSON.parse(JSON.stringify(x).split(b.target.name).join(a.target.name).split(b.projectId).join(a.projectId)) as unknown;
  expect({ ...fast, arg: undefined }).toEqual(swap({ ...sdk, arg: undefined }));
  expect(fast.sas.AtlasTargetCluster).toBe(a.target.name);
  expect(fast.summary).toContain(a.target.name);
  await h.env.client.workflow.getHandle(r.workflowId).terminate('test done');
  await s.handle.terminate('test done');
});

test('a target that already has a restore running answers ALREADY_EXISTS; the CLI then reports it as the SDK path does', async () => {
  const p = addPair(h.sim.world);
  const input = inputFor(p);
  const first = await fastStart(target, RestoreInputSchema.parse(input), input, h.taskQueue);
  const again = await fastStart(target, RestoreInputSchema.parse(input), input, h.taskQueue).catch((e: unknown) => e);
  expect(again).toBeInstanceOf(GrpcStatusError);
  expect((again as GrpcStatusError).code).toBe(GRPC_ALREADY_EXISTS);

  // The same request through the CLI command: the fast path fails, the SDK path recognises the running restore.
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const flags = { projectId: p.projectId, clusterName: p.source.name, snapshotId: p.snapshotId, targetClusterName: p.target.name, requireApproval: true, requester: 'fast-start-test', reason: input.reason, force: true, output: 'json' as const, taskQueue: h.taskQueue, temporal: target };
    expect(await startCommand(async () => h.env.client, flags)).toBe(0);
  } finally {
    write.mockRestore();
    quiet.mockRestore();
  }
  expect(JSON.parse(out.join(''))).toEqual({ workflowId: first.workflowId, runId: first.runId, existing: true });
  await h.env.client.workflow.getHandle(first.workflowId).terminate('test done');
});

test('an unreachable server is an error, not a hang', async () => {
  const p = addPair(h.sim.world);
  const input = inputFor(p);
  const e = await fastStart({ connectionOptions: { address: '127.0.0.1:1' }, namespace: 'default' }, RestoreInputSchema.parse(input), input).catch((x: unknown) => x);
  expect(String(e)).toMatch(/ECONNREFUSED/);
});
