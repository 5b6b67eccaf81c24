// The benchmark's one-project case (issue 14): `--oneProject` puts every restore of ours in one project, so they all
// draw on one rate-limit bucket; the fixed-timer peer's mirrors get one project of their own.
import { planDurations } from '../../harness/bench/durations';
import { parseOptions } from '../../harness/bench/main';
import { buildBenchWorld, PAIRS_PER_PROJECT } from '../../harness/bench/world';

const projects = (pairs: { projectId: string }[]) => new Set(pairs.map((p) => p.projectId));

test('--oneProject is an option, off by default', () => {
  expect(parseOptions(['node', 'bench']).oneProject).toBe(false);
  expect(parseOptions(['node', 'bench', '--oneProject', '-n', '50']).oneProject).toBe(true);
});

test('every restore of ours in one project, the peer in another; by default 5 pairs per project', () => {
  const plan = planDurations(50, 1, 1, 0.1);
  const base = { pairs: 50, probes: 4, era: 'current' as const, seed: 1, plan, scale: 3 };
  const one = buildBenchWorld({ ...base, pairsPerProject: 50 });
  expect(projects(one.ours).size).toBe(1);
  expect(projects(one.fixedTimer).size).toBe(1);
  expect(projects(one.fixedTimer)).not.toEqual(projects(one.ours));
  // The CLI-timing probes keep their own projects: they must not spend the bucket under test.
  for (const p of projects(one.probes)) expect(projects(one.ours).has(p)).toBe(false);
  const many = buildBenchWorld(base);
  expect(projects(many.ours).size).toBe(50 / PAIRS_PER_PROJECT);
});
