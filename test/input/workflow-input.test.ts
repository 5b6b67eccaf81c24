// Bad restore requests, generated (fast-check), each with exactly one thing wrong: ids of the wrong length or
// alphabet, names outside Atlas's pattern, no acknowledgement, unknown fields, wrong types, huge strings, unicode.
// The schema, the client (startRestore) and the workflow itself each refuse every one with an error naming the field;
// nothing starts, Atlas sees no call, no job is created.
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import fc from 'fast-check';
import { badRestoreInput, isClear, knownBugDeadline, workflowIdOf } from '../../harness/chaos/bad-input';
import { exists } from '../../harness/chaos/input-phase';
import { InvalidInputError, startRestore } from '../../client/start';
import type { RestoreInput } from '../../common/input';
import { describeIssues, inputSchemas } from '../../common/input';

const { RestoreInputSchema, TolerantRestoreInputSchema } = inputSchemas();
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultFromFailure } from '../../common/outcome';
import { restoreWorkflow } from '../../workflows';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { jobsInto } from '../helpers/run';
import { addPair } from '../helpers/world';
import { restoreWorkflowId } from '../../common/input';

const seed = Number(process.env.FC_SEED ?? 20261128);
let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

/** A valid request the bad ones are derived from. */
const base: RestoreInput = {
  projectId: 'a'.repeat(24),
  clusterName: 'orders-m5',
  snapshotId: 'b'.repeat(24),
  targetClusterName: 'staging-m5',
  acknowledgeDataLoss: true,
};

const callsFor = (projectId: string) => h.sim.calls.filter((c) => c.groupId === projectId);

test('the schema refuses every bad request with a message that names the field', () => {
  expect(RestoreInputSchema.safeParse(base).success).toBe(true);
  fc.assert(
    fc.property(badRestoreInput(base), (b) => {
      const r = RestoreInputSchema.safeParse(b.input);
      if (r.success) throw new Error(`accepted (${b.why}: ${b.field})`);
      const message = describeIssues(r.error);
      if (!isClear(message, b.field)) throw new Error(`unclear for ${b.field} (${b.why}): ${message.slice(0, 300)}`);
    }),
    { numRuns: 3_000, seed },
  );
});

// Regression (found by the chaos work): zod 4 leaves `input` off its issues, so a wrong-typed value once read as
// missing (`dryRun: "yes"` → "dryRun: is required").
test('a field of the wrong type is reported as such, not as missing', () => {
  for (const [field, value] of [
    ['dryRun', 'yes'],
    ['projectId', 42],
    ['polling', 'fast'],
  ] as const) {
    const r = RestoreInputSchema.safeParse({ ...base, [field]: value });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeIssues(r.error)).not.toMatch(/is required/);
  }
});

test('startRestore refuses them before Temporal sees anything: no workflow, no Atlas call, no job', async () => {
  const pair = addPair(h.sim.world);
  await fc.assert(
    fc.asyncProperty(badRestoreInput(pair.input), async (b) => {
      const err = await startRestore(h.env.client, b.input, { taskQueue: h.taskQueue }).then(
        () => new Error(`started (${b.why}: ${b.field})`),
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(InvalidInputError);
      expect(isClear(err.message, b.field)).toBe(true);
      expect(await exists(h.env.client, workflowIdOf(b.input))).toBe(false);
    }),
    { numRuns: 120, seed },
  );
  expect(callsFor(pair.projectId)).toEqual([]);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toEqual([]);
});

// Unknown keys are the start's business (a typo); the workflow drops them (12.4), so they are not sampled here.
test('the workflow refuses them itself (a start that bypasses the client): InvalidInput naming the field, no activity', async () => {
  const pair = addPair(h.sim.world);
  const bads = fc.sample(
    badRestoreInput(pair.input).filter((b) => !/unknown/.test(b.why)),
    { numRuns: 30, seed: seed + 1 },
  );
  const failures: string[] = [];
  await Promise.all(
    bads.map(async (b, i) => {
      const handle = await h.env.client.workflow.start(restoreWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: `bad-direct-${seed}-${i}`,
        args: [b.input as RestoreInput],
      });
      const err = await handle.result().then(
        () => undefined,
        (e: unknown) => e,
      );
      const cause = err instanceof WorkflowFailedError ? err.cause : undefined;
      if (!(cause instanceof ApplicationFailure) || cause.type !== 'InvalidInput')
        failures.push(`${b.field} (${b.why}): ended with ${String(cause ?? err ?? 'success')}`);
      else if (!isClear(cause.message, b.field))
        failures.push(`${b.field} (${b.why}): unclear: ${cause.message.slice(0, 200)}`);
      const history = await handle.fetchHistory();
      if (history.events?.some((e) => e.activityTaskScheduledEventAttributes))
        failures.push(`${b.field} (${b.why}): scheduled an activity`);
    }),
  );
  expect(failures).toEqual([]);
  expect(callsFor(pair.projectId)).toEqual([]);
});

test('unicode and maximum-length free text are valid and carried through intact', async () => {
  const pair = addPair(h.sim.world, { restoreMs: 1_000 });
  const reason = `CHG-42 「ステージング」 refresh — naïve café ✅ 🚀 ${'r'.repeat(900)}`.slice(0, 1000);
  const requester = `Zoë Ünal-${'ß'.repeat(150)}`.slice(0, 200);
  const { handle } = await startRestore(
    h.env.client,
    { ...pair.input, reason, requester, polling: { initialS: 0.2, maxS: 0.5 } },
    { taskQueue: h.taskQueue },
  );
  const r = await handle.result();
  expect(r.outcome).toBe('COMPLETED');
  expect(r.audit[0].message).toContain(reason);
  expect(r.audit[0].message).toContain(requester);
  expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
});

// Regression (found by the chaos work): with no upper bound on durations, a deadline past the largest Date was
// accepted and the workflow's first task threw RangeError forever, holding the target's workflow id.
test('an absurdly large deadline is refused up front, naming the field', async () => {
  const pair = addPair(h.sim.world);
  const [deadline] = fc.sample(knownBugDeadline, { numRuns: 1, seed });
  let started: Awaited<ReturnType<typeof startRestore>> | undefined;
  try {
    started = await startRestore(h.env.client, { ...pair.input, deadline }, { taskQueue: h.taskQueue });
    // Accepted: show what happens to it (a RUNNING workflow whose tasks fail) before failing the test.
    const r = await Promise.race([
      started.handle.result().catch((e: unknown) => resultFromFailure(e)),
      new Promise((res) => setTimeout(() => res('still running after 3s'), 3_000)),
    ]);
    throw new Error(`accepted deadline ${deadline}: ${JSON.stringify(r).slice(0, 200)}`);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as Error).message).toMatch(/deadline:/);
  } finally {
    await started?.handle.terminate('test cleanup').catch(() => undefined);
  }
});

// 12.4: a running or continued restore must accept the input it was started with after the schema gains fields.
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;

test("an input recorded from today's schema, and one with fields of a future schema: the workflow accepts both; the start refuses the unknown", () => {
  const today = fixture('restore-input-2026-12.json');
  expect(RestoreInputSchema.safeParse(today).success).toBe(true);
  expect(TolerantRestoreInputSchema.parse(today)).toEqual(RestoreInputSchema.parse(today));
  const future = fixture('restore-input-future.json');
  const strict = RestoreInputSchema.safeParse(future);
  expect(strict.success).toBe(false);
  if (!strict.success) expect(describeIssues(strict.error)).toMatch(/notifyChannel/);
  const tolerant = TolerantRestoreInputSchema.parse(future);
  expect(tolerant).not.toHaveProperty('notifyChannel');
  expect(tolerant.polling).not.toHaveProperty('jitter');
});

test('the workflow runs a restore from the future-schema input (started without the client): unknown fields dropped, COMPLETED', async () => {
  for (const name of ['restore-input-2026-12.json', 'restore-input-future.json']) {
    const pair = addPair(h.sim.world, { restoreMs: 1_000 });
    const input = {
      ...fixture(name),
      projectId: pair.projectId,
      clusterName: pair.source.name,
      snapshotId: pair.snapshotId,
      targetClusterName: pair.target.name,
      targetProjectId: undefined,
      // Verification (on by default) needs the simulator's data plane; this test is about the input's schema.
      verify: false,
    };
    const handle = await h.env.client.workflow.start(restoreWorkflow, {
      taskQueue: h.taskQueue,
      workflowId: restoreWorkflowId(pair.input as Parameters<typeof restoreWorkflowId>[0]),
      args: [input as RestoreInput],
    });
    const r = await handle.result();
    expect(r.outcome).toBe('COMPLETED');
    expect(jobsInto(h, pair.projectId, pair.target.name)).toHaveLength(1);
  }
});
