// The drill's input, its scratch cluster's name and its run ids (common/drill-input.ts): pure functions.
import { drillScheduleId } from '../../common/drill';
import { isDrillWorkflowId, parseDrillInput, scratchClusterName } from '../../common/drill-input';
import { RestorePolicy } from '../../policy/policy';

const P = 'abababababababababababab';
const base = { name: 'orders-nightly', projectId: P, clusterName: 'orders' };

test('scratch names: drill-<source>-<yyyymmddhhmm> (UTC), the source cut to fit 64 characters and the API pattern', () => {
  const at = Date.parse('2026-12-06T03:07:59Z');
  expect(scratchClusterName('orders', at)).toBe('drill-orders-202612060307');
  const long = scratchClusterName(`${'a'.repeat(44)}-${'b'.repeat(19)}`, at);
  expect(long).toBe(`drill-${'a'.repeat(44)}-202612060307`);
  expect(long.length).toBeLessThanOrEqual(64);
  expect(scratchClusterName('x'.repeat(64), at)).toHaveLength(64);
  for (const n of [long, scratchClusterName('x'.repeat(64), at)]) expect(n).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/);
});

test('input: defaults, and what is refused with the field named', () => {
  const ok = parseDrillInput(base);
  expect(ok).toEqual({
    ok: true,
    drill: { ...base, scratchProjectId: P, verify: {}, deadlineS: 6 * 3600 },
  });
  const problems = (raw: unknown) => {
    const r = parseDrillInput(raw);
    return r.ok ? 'ok' : r.problems;
  };
  expect(problems({ ...base, verify: false })).toMatch(/^verify: a drill always verifies its restore/);
  expect(problems({ ...base, name: 'Orders' })).toMatch(/^name: /);
  expect(problems({ ...base, deadline: '30s' })).toMatch(/^deadline: must be a duration of at least 60s/);
  expect(problems({ ...base, snapshotId: P, minAge: '1h' })).toMatch(/^minAge: give snapshotId or minAge, not both/);
  expect(problems({ ...base, region: 'us-east-1' })).toMatch(/^region: /);
  expect(problems({ ...base, extra: 1 })).toMatch(/unknown field\(s\) 'extra'/);
  expect(parseDrillInput({ ...base, minAge: '1h30m', deadline: '2h' })).toMatchObject({
    ok: true,
    drill: { minAgeS: 5400, deadlineS: 7200 },
  });
});

test('run ids: the schedule id, or it with the fire time Temporal appends; nothing else', () => {
  const id = drillScheduleId('nightly');
  expect(isDrillWorkflowId(id, 'nightly')).toBe(true);
  expect(isDrillWorkflowId(`${id}-2026-12-06T03:00:00Z`, 'nightly')).toBe(true);
  expect(isDrillWorkflowId(`${id}-workflow-2026-12-06T03:00:00Z`, 'nightly')).toBe(true);
  expect(isDrillWorkflowId(`${id}-other-2026-12-06T03:00:00Z`, 'nightly')).toBe(false);
  expect(isDrillWorkflowId(`${id}-x`, 'nightly')).toBe(false);
  expect(isDrillWorkflowId(drillScheduleId('nightly-x'), 'nightly')).toBe(false);
});

test('policy drill rules: projects, scratch glob, drill names; a bad rule names its line', () => {
  const p = RestorePolicy.parse(
    `version: 1
rules:
  - { name: prod, target: "*/prod-*" }
drills:
  - { name: a, projects: ["${P}"], scratch: "drill-*", drills: [nightly] }
`,
    'p.yaml',
  );
  expect(p.drillVerdict('nightly', P, 'drill-orders-202612060307').allowed).toBe(true);
  expect(p.drillVerdict('weekly', P, 'drill-orders-202612060307').allowed).toBe(false);
  expect(p.drillVerdict('nightly', 'cdcdcdcdcdcdcdcdcdcdcdcd', 'drill-x').allowed).toBe(false);
  expect(p.drillVerdict('nightly', P, 'prod-1')).toEqual({
    allowed: false,
    evidence: expect.stringMatching(/no drill rule .* lets drill nightly touch/),
  });
  expect(p.verdict(P, 'drill-x').allowed).toBe(false);
  expect(() =>
    RestorePolicy.parse(
      `version: 1
rules:
  - { name: prod, target: "*/prod-*" }
drills:
  - { name: a, projects: [nope], scratch: "drill-*" }
`,
      'p.yaml',
    ),
  ).toThrow(/p\.yaml:5: drills\.0\.projects\.0: must be a 24-hex project id or \*/);
});
