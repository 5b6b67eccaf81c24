// Entry point behind `atlas-restore simulator`: builds the world (the demo world, or a scenario file), starts the
// simulator and prints where it listens and what it holds. Output goes to stderr so stdout stays free for a caller.
import { buildDemoWorld } from './demo-world';
import { addToWorld, loadScenario, scenarioOptions } from './scenario';
import type { SimulatorOptions } from './server';
import { AtlasSimulator } from './server';
import type { Era } from './world';
import { World } from './world';

export interface RunSimulatorOptions {
  port?: number;
  host?: string;
  /** Overrides the scenario's era. */
  era?: Era;
  /** Path of a scenario file (JSON or YAML); without one the demo world is served, with no auth. */
  scenario?: string;
  /** Serve the /__sim/ control API. */
  admin?: boolean;
  /** Where to print (default: stderr). */
  out?: NodeJS.WritableStream;
}

export async function runSimulator(opts: RunSimulatorOptions = {}): Promise<AtlasSimulator> {
  const scenario = opts.scenario ? loadScenario(opts.scenario) : undefined;
  const era: Era = opts.era ?? scenario?.era ?? 'legacy';
  const world = new World(era, scenario?.seed);
  let options: SimulatorOptions = { world };
  if (scenario) {
    options = scenarioOptions(scenario, world);
    if (scenario.demo) buildDemoWorld(world);
    addToWorld(world, scenario);
  } else buildDemoWorld(world);
  const sim = await AtlasSimulator.start({
    ...options,
    era,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    admin: opts.admin ?? false,
  });
  if (scenario) sim.faults.add(...scenario.faults);

  const out = opts.out ?? process.stderr;
  const extras = [sim.auth.open ? 'no auth' : 'auth required', opts.admin ? 'admin API on /__sim/' : '']
    .filter(Boolean)
    .join(', ');
  out.write(`Atlas simulator listening on ${sim.url} (era ${era}; ${extras})\n`);
  out.write(describeWorld(world));
  return sim;
}

/** The world as a short listing: projects, their clusters with what matters for a restore, and snapshot ids. */
export function describeWorld(world: World): string {
  const lines: string[] = [];
  for (const groupId of world.projects) {
    lines.push(`project ${groupId}`);
    for (const c of world.clusters.values()) {
      if (c.groupId !== groupId) continue;
      const kind = world.effectiveKind(c);
      const flags = [
        c.paused && 'paused',
        c.encryptionAtRestProvider !== 'NONE' && `encryption at rest (${c.encryptionAtRestProvider})`,
        c.clusterType !== 'REPLICASET' && c.clusterType.toLowerCase(),
        c.stateName !== 'IDLE' && c.stateName,
        kind !== c.kind && `migrated to ${kind}`,
      ].filter(Boolean);
      lines.push(
        `  ${c.name.padEnd(16)} ${kind.padEnd(9)} ${(kind === 'flex' ? 'FLEX' : c.instanceSize).padEnd(5)} MongoDB ${c.mongoDBVersion}${flags.length ? `  [${flags.join(', ')}]` : ''}`,
      );
      for (const s of world.snapshotsOf(groupId, c.name))
        lines.push(`    snapshot ${s.id} ${s.status}${s.status === 'COMPLETED' ? ` ${s.finishTime}` : ''}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}
