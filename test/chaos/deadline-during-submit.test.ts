// A cancel or a deadline that lands while a submit attempt is in flight. The chaos harness found that the workflow
// used to stop waiting for the attempt, so a job Atlas created in that moment was unknown to the restore (it ended
// "nothing was submitted", without compensation, while Atlas restored into the target). Since the fix, the attempt runs
// to its end and an interrupted submit looks for the job it may have created: the job is known and named in the reason.
import type { FaultRule } from '../../simulator/faults';
import { resultFromFailure } from '../../common/outcome';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto, start } from '../helpers/run';
import { addPair } from '../helpers/world';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { era: 'legacy' }, timeoutMs: 10_000 });
});
afterAll(() => h?.close());

const polling = { initialS: 0.2, maxS: 1, learn: false };

/** The create answers after `ms` (Atlas does the work then); resolves once the request has reached Atlas. */
function holdCreate(projectId: string, ms: number): { reached: () => Promise<void> } {
  const rule: FaultRule = {
    operation: 'createTenantRestore',
    groupId: projectId,
    times: 1,
    action: { kind: 'delay', ms },
  };
  h.sim.faults.add(rule);
  return {
    reached: async () => {
      while (!h.sim.faults.list().some((r) => r.rule === rule && r.applied > 0))
        await new Promise((r) => setTimeout(r, 20));
    },
  };
}

test('a cancel while the create is in flight: the restore knows the job Atlas created and names it', async () => {
  const pair = addPair(h.sim.world, { restoreMs: 60_000 });
  const create = holdCreate(pair.projectId, 4_000);
  const handle = await start(h, { ...pair.input, polling });
  await create.reached();
  await handle.cancel();
  const r = await handle.result().catch((e: unknown) => resultFromFailure(e));
  const jobs = jobsInto(h, pair.projectId, pair.target.name);
  expect(jobs).toHaveLength(1);
  expect(r?.outcome).toBe('CANCELLED');
  expect(r?.restoreJobId).toBe(jobs[0].id);
  // The job is still running: nothing is rolled back over it (the saga's undos run only for a FAILED job).
  expect(r?.compensations).toEqual([]);
  expect(r?.reason).toMatch(/keeps running \(Atlas has no API to cancel it\)/);
});

test('a deadline while the create is in flight: DEADLINE_EXCEEDED, with the job known and named', async () => {
  const pair = addPair(h.sim.world, { restoreMs: 60_000 });
  // The create reaches Atlas within a second or so and answers 8 s later; the deadline passes at 5 s, in between.
  holdCreate(pair.projectId, 8_000);
  const handle = await start(h, { ...pair.input, deadline: 5, polling });
  const r = await handle.result().catch((e: unknown) => resultFromFailure(e));
  const jobs = jobsInto(h, pair.projectId, pair.target.name);
  expect(jobs).toHaveLength(1);
  expect(r?.outcome).toBe('DEADLINE_EXCEEDED');
  expect(r?.restoreJobId).toBe(jobs[0].id);
  expect(r?.compensations).toEqual([]);
  expect(r?.reason).toMatch(new RegExp(`Atlas job ${jobs[0].id} was`));
});
