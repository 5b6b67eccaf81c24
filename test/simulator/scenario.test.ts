// Scenario files (YAML and JSON): what they build, and errors that name the field and its line. Then runSimulator
// with a scenario, and with the demo world.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { BearerAuth, DigestAuth } from '../../atlas/auth';
import { resolveBackend } from '../../atlas/routing';
import { buildDemoWorld, DEMO_PROJECTS } from '../../simulator/demo-world';
import { runSimulator } from '../../simulator/main';
import { loadScenario, ScenarioError } from '../../simulator/scenario';
import { World } from '../../simulator/world';
import { clientFor, failureOf } from '../atlas/sim-client';

const dir = mkdtempSync(path.join(tmpdir(), 'atlas-sim-scenario-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const P = '5f0000000000000000000001';
const YAML = `# a tenant source, a Flex target, an API key and a fault
era: legacy
seed: 42
defaultRestoreMs: 5000
credentials:
  apiKeys:
    - publicKey: demo-public
      privateKey: demo-private
  tokenTtlS: 60
rateLimit: { capacity: 50, refillRate: 10, refillSeconds: 60 }
projects:
  - id: ${P}
    name: shop
    clusters:
      - name: src-m2
        kind: tenant
        instanceSize: M2
        snapshots:
          - { status: COMPLETED, ageHours: 2 }
          - { id: 5f00000000000000000000aa, status: RUNNING }
      - name: dst-flex
        kind: flex
faults:
  - operation: getCluster
    times: 1
    action: { kind: status, status: 503, errorCode: SERVICE_UNAVAILABLE, retryAfterS: 1 }
`;

test('a YAML scenario loads with defaults filled in', () => {
  const s = loadScenario(file('ok.yaml', YAML));
  expect(s).toMatchObject({
    era: 'legacy',
    seed: 42,
    defaultRestoreMs: 5000,
    demo: false,
    rateLimit: { capacity: 50 },
  });
  expect(s.projects[0].clusters.map((c) => [c.name, c.kind, c.mongoDBVersion, c.paused])).toEqual([
    ['src-m2', 'tenant', '8.0.4', false],
    ['dst-flex', 'flex', '8.0.4', false],
  ]);
  expect(s.faults).toHaveLength(1);
});

test('the example scenario shipped with the simulator loads', () => {
  const s = loadScenario(path.resolve(__dirname, '../../simulator/scenario.example.yaml'));
  expect(s.projects[0].clusters.map((c) => c.name)).toEqual(['shop-m2', 'staging-m5', 'catalog-flex', 'secure-m10']);
  expect(s.faults.map((f) => f.action.kind)).toEqual(['after-commit', 'status']);
});

test('a JSON scenario is accepted too', () => {
  const s = loadScenario(
    file(
      'ok.json',
      JSON.stringify({ era: 'current', projects: [{ id: P, clusters: [{ name: 'a', kind: 'flex' }] }] }, null, 2),
    ),
  );
  expect(s.era).toBe('current');
});

test.each([
  [
    'kind',
    YAML.replace('kind: tenant', 'kind: shared'),
    /projects\[0\]\.clusters\[0\]\.kind \(line 16\): Invalid option/,
  ],
  [
    'instance size',
    YAML.replace('instanceSize: M2', 'instanceSize: M10'),
    /projects\[0\]\.clusters\[0\]\.instanceSize \(line 17\): does not fit kind tenant/,
  ],
  ['unknown key', YAML.replace('seed: 42', 'seeed: 42'), /\n {2}seeed \(line 3\): Unrecognized key: "seeed"/],
  [
    'project id',
    YAML.replace(`id: ${P}`, 'id: shop-project'),
    /projects\[0\]\.id \(line 12\): must be a 24-hex-digit id/,
  ],
  [
    'fault operation',
    YAML.replace('operation: getCluster', 'operation: getClusters'),
    /faults\[0\]\.operation \(line 24\): must be one of getCluster, /,
  ],
  ['missing field', YAML.replace('      - name: dst-flex\n', '      - \n'), /projects\[0\]\.clusters\[1\]/],
  ['YAML syntax', 'era: [legacy\nseed: 1\n', /\(line \d\)/],
])('a bad %s is named, with its line', (_what, text, message) => {
  const e = (() => {
    try {
      loadScenario(file('bad.yaml', text));
    } catch (err) {
      return err as ScenarioError;
    }
    throw new Error('expected a ScenarioError');
  })();
  expect(e).toBeInstanceOf(ScenarioError);
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('demo-private');
});

test('a missing file names the file', () => {
  expect(() => loadScenario(path.join(dir, 'nope.yaml'))).toThrow(
    /scenario .*nope\.yaml is invalid:\n {2}\(top level\): cannot be read \(ENOENT\)/,
  );
});

function capture(): { out: Writable; text: () => string } {
  let text = '';
  return {
    out: new Writable({
      write(chunk, _enc, cb) {
        text += String(chunk);
        cb();
      },
    }),
    text: () => text,
  };
}

test('runSimulator with a scenario: credentials, faults, world and the printed URL', async () => {
  const printed = capture();
  const sim = await runSimulator({ scenario: file('run.yaml', YAML), out: printed.out });
  try {
    expect(printed.text()).toMatch(
      new RegExp(`^Atlas simulator listening on ${sim.url.replace(/[.]/g, '\\.')} \\(era legacy; auth required\\)\n`),
    );
    expect(printed.text()).toContain(`project ${P}`);
    expect(printed.text()).toMatch(/src-m2 +tenant +M2 +MongoDB 8\.0\.4/);
    expect(printed.text()).toContain('snapshot 5f00000000000000000000aa RUNNING');
    const atlas = clientFor(sim, { auth: new DigestAuth('demo-public', 'demo-private') });
    // The scenario's fault: the first getCluster answers 503.
    expect(await failureOf(atlas.getCluster(P, 'src-m2'))).toMatchObject({ status: 503, retryAfterS: 1 });
    expect((await atlas.getCluster(P, 'src-m2')).name).toBe('src-m2');
    expect(sim.world.defaultRestoreMs).toBe(5000);
    expect(sim.limiter?.o.capacity).toBe(50);
    // A wrong token is refused: the scenario's credentials are in force.
    expect(await failureOf(clientFor(sim, { auth: new BearerAuth('x') }).getCluster(P, 'src-m2'))).toMatchObject({
      status: 401,
    });
  } finally {
    await sim.stop();
  }
});

test('the same seed gives the same snapshot ids', () => {
  const s = loadScenario(file('seeded.yaml', YAML));
  const ids = () => {
    const w = new World('legacy', s.seed);
    w.addCluster({ groupId: P, name: 'x' });
    return w.addSnapshot({ groupId: P, clusterName: 'x' }).id;
  };
  expect(ids()).toBe(ids());
  expect(ids()).toMatch(/^[a-f0-9]{24}$/);
});

test('runSimulator without a scenario serves the demo world, open, in the era asked for', async () => {
  const printed = capture();
  const sim = await runSimulator({ era: 'current', admin: true, out: printed.out });
  try {
    expect(printed.text()).toMatch(
      /^Atlas simulator listening on http:\/\/127\.0\.0\.1:\d+ \(era current; no auth, admin API on \/__sim\/\)\n/,
    );
    expect(printed.text()).toContain('migrated to flex');
    const atlas = clientFor(sim);
    // In the current era the demo's M2 answers as Flex.
    expect(await resolveBackend(atlas, DEMO_PROJECTS.shop, 'shop-m2')).toMatchObject({ backend: 'flex' });
  } finally {
    await sim.stop();
  }
});

test('buildDemoWorld: two projects, every kind of source and target, ids to print', () => {
  const world = new World('legacy');
  const demo = buildDemoWorld(world, { nowMs: Date.parse('2026-03-01T00:00:00Z') });
  expect(world.projects.size).toBe(2);
  const c = (groupId: string, name: string) => world.cluster(groupId, name)!;
  expect(c(DEMO_PROJECTS.shop, demo.sources.tenantM2)).toMatchObject({ kind: 'tenant', instanceSize: 'M2' });
  expect(c(DEMO_PROJECTS.shop, demo.sources.tenantM5)).toMatchObject({ kind: 'tenant', instanceSize: 'M5' });
  expect(c(DEMO_PROJECTS.shop, demo.sources.flex).kind).toBe('flex');
  expect(c(DEMO_PROJECTS.shop, demo.sources.dedicated).kind).toBe('dedicated');
  expect(c(DEMO_PROJECTS.analytics, demo.targets.encrypted).encryptionAtRestProvider).toBe('AWS');
  expect(c(DEMO_PROJECTS.analytics, demo.targets.paused).paused).toBe(true);
  expect(c(DEMO_PROJECTS.analytics, demo.targets.olderVersion).mongoDBVersion).toMatch(/^7\./);
  for (const id of Object.values(demo.snapshots)) expect(world.snapshots.get(id)).toBeDefined();
  expect(world.snapshots.get(demo.snapshots.incomplete)!.status).not.toBe('COMPLETED');
  for (const key of ['tenantM2', 'tenantM5', 'flex', 'dedicated'] as const)
    expect(world.snapshots.get(demo.snapshots[key])!.status).toBe('COMPLETED');
});
