// The simulator's call log keeps the newest maxCallLog calls. A span of it (one benchmark round) is read through
// callMark()/callsSince(), which stay right when the log is trimmed; an index into `calls` did not (a 1,000-target
// round trimmed the log and the benchmark attributed no calls at all to its second round).
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { raw } from './raw';

const g = '5d0000000000000000000001';
let sim: AtlasSimulator;

beforeAll(async () => {
  const world = new World('current');
  world.addCluster({ groupId: g, name: 'dst', kind: 'flex' });
  sim = await AtlasSimulator.start({ world, maxCallLog: 20 });
});
afterAll(() => sim.stop());

const read = (n: number) =>
  Promise.all(Array.from({ length: n }, () => raw(sim, 'getFlexCluster', { groupId: g, name: 'dst' })));

test('callsSince(mark) returns exactly the calls after the mark, across trims of the log', async () => {
  await read(15);
  const mark = sim.callMark();
  await read(10); // 25 > 20: the log is trimmed to 18, dropping calls from before the mark only
  expect(sim.calls.length).toBeLessThan(25);
  expect(sim.callsSince(mark)).toHaveLength(10);
  expect(sim.callsSince(sim.callMark())).toEqual([]);
});

test('a span the log no longer holds is an error, not a short answer', async () => {
  const mark = sim.callMark();
  await read(30);
  expect(() => sim.callsSince(mark)).toThrow(/dropped \d+ calls since the mark: raise maxCallLog/);
});
