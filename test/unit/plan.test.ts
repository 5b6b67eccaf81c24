// Batch plans: YAML and JSON, defaults merged, every problem reported with its line, one restore per target.
import { parsePlan, PlanError } from '../../client/plan';

const P = 'a'.repeat(24);
const S = 'b'.repeat(24);

test('a valid YAML plan, defaults merged into each restore', () => {
  const plan = parsePlan(
    [
      'name: drill',
      'concurrency: 2',
      'defaults:',
      `  projectId: ${P}`,
      '  acknowledgeDataLoss: true',
      'restores:',
      `  - { clusterName: src, snapshotId: ${S}, targetClusterName: t1 }`,
      `  - { clusterName: src, snapshotId: ${S}, targetClusterName: t2 }`,
    ].join('\n'),
  );
  expect(plan.name).toBe('drill');
  expect(plan.concurrency).toBe(2);
  expect(plan.restores.map((r) => [r.projectId, r.targetClusterName, r.acknowledgeDataLoss])).toEqual([
    [P, 't1', true],
    [P, 't2', true],
  ]);
});

test('JSON is accepted and errors carry the JSON line', () => {
  const text = JSON.stringify(
    {
      restores: [
        { projectId: P, clusterName: 'src', snapshotId: 'nope', targetClusterName: 't', acknowledgeDataLoss: true },
      ],
    },
    null,
    2,
  );
  try {
    parsePlan(text, 'p.json');
    throw new Error('should have failed');
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    const line = text.split('\n').findIndex((l) => l.includes('"nope"')) + 1;
    expect((e as PlanError).problems).toEqual([
      `p.json:${line}: restores.0.snapshotId: must be a 24-character hexadecimal Atlas id`,
    ]);
  }
});

test('a missing acknowledgement is reported on the restore, a bad default on the defaults line', () => {
  const text = [
    'defaults:',
    '  projectId: short',
    'restores:',
    `  - clusterName: src`,
    `    snapshotId: ${S}`,
    '    targetClusterName: t',
    '',
  ].join('\n');
  const problems = (() => {
    try {
      parsePlan(text, 'x.yaml');
      return [];
    } catch (e) {
      return (e as PlanError).problems;
    }
  })();
  expect(problems).toContain('x.yaml:2: defaults.projectId: must be a 24-character hexadecimal Atlas id');
  expect(problems.some((p) => /^x\.yaml:4: restores\.0\.acknowledgeDataLoss: /.test(p))).toBe(true);
});

test('two restores into one target, unknown fields and YAML syntax errors are refused', () => {
  const item = `{ projectId: ${P}, clusterName: src, snapshotId: ${S}, targetClusterName: t, acknowledgeDataLoss: true }`;
  expect(() => parsePlan(`restores:\n  - ${item}\n  - ${item}\n`, 'd.yaml')).toThrow(
    /d\.yaml:3: restores\.1\.targetClusterName: the same target as restore #1/,
  );
  expect(() => parsePlan(`restores: []\nbogus: 1\n`, 'u.yaml')).toThrow(/unknown field\(s\) 'bogus'/);
  expect(() => parsePlan(`restores: [\n  - a\n`, 's.yaml')).toThrow(/s\.yaml:\d+: /);
});

test("the plan's digest: the same restores (requester, reason aside) give the same digest; any behaviour change another", () => {
  const text = (extra: string) =>
    [
      'name: drill',
      'defaults:',
      `  projectId: ${P}`,
      '  acknowledgeDataLoss: true',
      extra,
      'restores:',
      `  - { clusterName: src, snapshotId: ${S}, targetClusterName: t1 }`,
    ]
      .filter(Boolean)
      .join('\n');
  const base = parsePlan(text(''));
  expect(base.resolved[0]).toMatchObject({ targetProjectId: P, backend: 'auto', requireApproval: false });
  expect(parsePlan(text('  reason: CHG-9\n  requester: bob')).digest).toBe(base.digest);
  expect(parsePlan(text('  backend: auto')).digest).toBe(base.digest); // a default spelled out is the same request
  for (const change of [
    '  requireApproval: true',
    '  rollbackOnFailure: true',
    '  deadline: 2h',
    '  backend: tenant',
    '  polling: { maxS: 7 }',
    '  dryRun: true',
  ])
    expect(parsePlan(text(change), 'plan', 'ops').digest).not.toBe(base.digest);
});
