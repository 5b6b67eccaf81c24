// The modules the worker preloads into the workflow sandbox (worker/bundle.ts) are shared by every cached workflow, and
// the SDK deep-freezes what they export. A schema exported as such would break there (zod adds members on first read),
// so this freezes them the same way and validates through them. The bundle itself is replayed in test/replay.
import type * as Input from '../../common/input';
import { BUNDLE_SOURCES } from '../../worker/bundle';
import type * as Carry from '../../workflows/carry-schema';

/** Freezes every object reachable through properties, as the SDK's reusable V8 context does for preloaded modules. */
function deepFreeze(o: unknown, seen = new WeakSet<object>()): void {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
  seen.add(o);
  if (typeof o === 'object')
    for (const k of Reflect.ownKeys(o)) deepFreeze((o as Record<PropertyKey, unknown>)[k], seen);
  Object.freeze(o);
}

const valid = {
  projectId: 'a'.repeat(24),
  clusterName: 'src',
  snapshotId: 'b'.repeat(24),
  targetClusterName: 'dst',
  acknowledgeDataLoss: true,
};

test('the preloaded modules are our schemas, and they validate after the freeze', () => {
  expect(BUNDLE_SOURCES.preloadModules.map((p) => p.replace(/.*\/(common|workflows)\//, '$1/'))).toEqual([
    expect.stringMatching(/^common\/input\.(ts|js)$/),
    expect.stringMatching(/^workflows\/carry-schema\.(ts|js)$/),
  ]);
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- fresh module instances, frozen before first use */
    const input = require('../../common/input') as typeof Input;
    const carry = require('../../workflows/carry-schema') as typeof Carry;
    /* eslint-enable @typescript-eslint/no-require-imports */
    deepFreeze(input);
    deepFreeze(carry);
    const { RestoreInputSchema, TolerantRestoreInputSchema } = input.inputSchemas();
    expect(TolerantRestoreInputSchema.parse({ ...valid, later: 1 })).toMatchObject({ backend: 'auto', dryRun: false });
    const bad = RestoreInputSchema.safeParse({ ...valid, snapshotId: 'x', deadline: '0s', typo: true });
    expect(bad.success).toBe(false);
    expect(input.describeIssues(bad.error!)).toMatch(
      /snapshotId: must be a 24-character.*deadline: must be a duration/,
    );
    const forged = carry.carrySchemas().RestoreCarrySchema.safeParse({ startedAt: 'now', runs: 0 });
    expect(forged.success).toBe(false);
  });
});
