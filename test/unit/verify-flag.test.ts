// `--verify` of start and batch: false / true / a JSON object, anything else refused as usage (exit 2); on a batch,
// it fills `verify` only in the restores whose plan does not set it.
import { parsePlan } from '../../client/plan';
import { CliError } from '../../client/output';
import { parseVerifyFlag } from '../../client/verify-flag';

test('--verify: false, true, a JSON object; anything else is a usage error naming the flag', () => {
  expect(parseVerifyFlag(undefined)).toBeUndefined();
  expect(parseVerifyFlag('false')).toBe(false);
  expect(parseVerifyFlag('off')).toBe(false);
  expect(parseVerifyFlag('true')).toEqual({});
  expect(parseVerifyFlag('{"timeout":"5m","allowEmpty":true}')).toEqual({ timeout: '5m', allowEmpty: true });
  for (const bad of ['no', '[]', '1', '{oops', 'null']) {
    const e = (() => {
      try {
        parseVerifyFlag(bad);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    expect((e as CliError).message).toMatch(/^--verify: must be false, true or a JSON object/);
  }
});

test('batch --verify fills the restores that set no verify; the plan (defaults or restore) wins', () => {
  const P = 'a'.repeat(24);
  const S = 'b'.repeat(24);
  const text = JSON.stringify({
    defaults: { projectId: P, snapshotId: S, clusterName: 'src', acknowledgeDataLoss: true },
    restores: [{ targetClusterName: 't1' }, { targetClusterName: 't2', verify: { allowEmpty: true } }],
  });
  const plan = parsePlan(text, 'plan.json', undefined, { verify: false });
  expect(plan.restores.map((r) => r.verify)).toEqual([false, { allowEmpty: true }]);
  expect(parsePlan(text).restores.map((r) => r.verify)).toEqual([undefined, { allowEmpty: true }]);
});
