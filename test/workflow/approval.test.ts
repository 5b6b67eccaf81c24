// The approval gate: approve, reject, time out; the validator refuses an empty approver and self-approval.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { approveUpdate, rejectUpdate } from '../../workflows/definitions';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, simNow, start, waitForStatus } from '../helpers/run';
import { addPair } from '../helpers/world';

/** The validator's message of a refused update (undefined when the update was accepted). */
async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
    return (e as WorkflowUpdateFailedError).cause?.message;
  }
}

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'time-skipping', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

test('approved by someone else: the restore runs and records the approver', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 30_000 });
  const handle = await start(h, { ...pair.input, requireApproval: true });
  await waitForStatus(handle, (s) => s.awaitingApproval);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);

  expect(await refusal(handle.executeUpdate(approveUpdate, { args: [{ by: '  ' }] }))).toMatch(/must not be empty/);
  expect(await refusal(handle.executeUpdate(approveUpdate, { args: [{ by: 'ALICE@example.com' }] }))).toMatch(
    /requester cannot approve/,
  );
  expect(await handle.executeUpdate(approveUpdate, { args: [{ by: 'bob', comment: 'CHG-42 ok' }] })).toBe(
    'approved by bob',
  );

  const r = await handle.result();
  expect(r.outcome).toBe('COMPLETED');
  expect(r.approvedBy).toBe('bob');
  expect(r.audit.map((e) => e.type)).toEqual(expect.arrayContaining(['approval-requested', 'approved']));
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

test('rejected: REJECTED with who and why, nothing submitted', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const handle = await start(h, { ...pair.input, requireApproval: true });
  await waitForStatus(handle, (s) => s.awaitingApproval);
  await handle.executeUpdate(rejectUpdate, { args: [{ by: 'carol', reason: 'wrong snapshot' }] });
  const r = await handle.result();
  expect(r.outcome).toBe('REJECTED');
  expect(r.reason).toBe('rejected by carol: wrong snapshot; nothing was changed');
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});

test('nobody decides: the approval times out into REJECTED', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h) });
  const r = await (await start(h, { ...pair.input, requireApproval: true, approvalTimeout: '2h' })).result();
  expect(r.outcome).toBe('REJECTED');
  expect(r.reason).toMatch(/approval timeout/);
  expect(r.audit.some((e) => e.type === 'approval-timeout')).toBe(true);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(0);
});

test('an approval sent when none is awaited is refused', async () => {
  const pair = addPair(h.sim.world, { nowMs: await simNow(h), restoreMs: 3_600_000 });
  const handle = await start(h, pair.input);
  await waitForStatus(handle, (s) => s.phase === 'POLLING');
  expect(await refusal(handle.executeUpdate(approveUpdate, { args: [{ by: 'bob' }] }))).toMatch(
    /not waiting for approval/,
  );
  await handle.cancel();
  expect((await handle.result()).outcome).toBe('CANCELLED');
});
