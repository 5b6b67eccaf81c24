// The simulator's Flex cluster faults a drill meets (issue 22 item 5), through the Atlas client: a create that is slow,
// a create that does the work and answers 500, a delete that fails for a while, the project's cluster limit (set by a
// scenario file's flexClusters), each as the drill's activities see it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from 'urllib';
import { NoAuth } from '../../atlas/auth';
import { AtlasClient } from '../../atlas/client';
import { AtlasApiError } from '../../atlas/errors';
import { AtlasHttp } from '../../atlas/http';
import { addToWorld, loadScenario, scenarioOptions } from '../../simulator/scenario';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';

const G = 'abababababababababababab';
let sim: AtlasSimulator;
let atlas: AtlasClient;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sim-flex-')), 'scenario.yaml');
  writeFileSync(
    file,
    `era: current
flexClusters: { createMs: 300, deleteMs: 300, maxPerProject: 2 }
projects:
  - id: ${G}
    clusters: [{ name: source, kind: flex }]
`,
  );
  const scenario = loadScenario(file);
  const world = new World(scenario.era);
  addToWorld(world, scenario);
  sim = await AtlasSimulator.start(scenarioOptions(scenario, world));
  atlas = new AtlasClient(
    new AtlasHttp({ baseUrl: sim.url, auth: new NoAuth(), http: new HttpClient(), timeoutMs: 1_000 }),
  );
});
afterAll(() => sim?.stop());
afterEach(() => sim.faults.clear());

const flex = (name: string) => ({
  name,
  providerSettings: { backingProviderName: 'AWS' as const, regionName: 'US_EAST_1' },
  terminationProtectionEnabled: false,
  tags: [{ key: 'atlas-restore-drill', value: 'nightly' }],
});
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AtlasApiError ? `${e.status} ${e.errorCode}` : String(e)),
  );

test('a slow create, the cluster limit, and a 500 after the work: the cluster exists all the same', async () => {
  sim.faults.add({ operation: 'createFlexCluster', times: 1, action: { kind: 'delay', ms: 600 } });
  const t0 = Date.now();
  expect(await codeOf(atlas.createFlexCluster(G, flex('drill-slow-1')))).toBe('ok');
  expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
  expect((await atlas.getFlexCluster(G, 'drill-slow-1')).stateName).toMatch(/^(CREATING|IDLE)$/);
  expect([sim.world.flexCreateMs, sim.world.flexDeleteMs, sim.world.maxClustersPerProject]).toEqual([300, 300, 2]);
  // The cluster limit is 2 (the scenario's flexClusters.maxPerProject): the source and one more.
  expect(await codeOf(atlas.createFlexCluster(G, flex('drill-ac-1')))).toBe('400 TOO_MANY_CLUSTERS');
  await atlas.deleteFlexCluster(G, 'drill-slow-1');
  await new Promise((r) => setTimeout(r, 400));
  sim.faults.add({ operation: 'createFlexCluster', times: 1, action: { kind: 'after-commit' } });
  expect(await codeOf(atlas.createFlexCluster(G, flex('drill-ac-1')))).toBe('500 UNEXPECTED_ERROR');
  expect((await atlas.getFlexCluster(G, 'drill-ac-1')).tags).toEqual(flex('x').tags);
});

test('a delete that fails for a while (a status rule with times), then DELETING, then 404', async () => {
  sim.faults.add({
    operation: 'deleteFlexCluster',
    times: 2,
    action: { kind: 'status', status: 503, errorCode: 'SERVICE_UNAVAILABLE' },
  });
  expect(await codeOf(atlas.deleteFlexCluster(G, 'drill-ac-1'))).toBe('503 SERVICE_UNAVAILABLE');
  expect(await codeOf(atlas.deleteFlexCluster(G, 'drill-ac-1'))).toBe('503 SERVICE_UNAVAILABLE');
  expect(await codeOf(atlas.deleteFlexCluster(G, 'drill-ac-1'))).toBe('ok');
  expect((await atlas.getFlexCluster(G, 'drill-ac-1')).stateName).toBe('DELETING');
  await new Promise((r) => setTimeout(r, 400));
  expect(await codeOf(atlas.getFlexCluster(G, 'drill-ac-1'))).toMatch(/^404 /);
});
