// The demo's restore drill (docs/drills.md), after its restore: a drill of the Flex source made as `drill create`
// makes it (a Temporal Schedule, weekly), run once now as `drill run --wait` runs it (a trigger, under the schedule's
// overlap policy), its summary printed, and the command that shows its report. The same code paths as the CLI.
import type { Client } from '@temporalio/client';
import { drillCreateCommand, drillRunCommand } from '../client/commands/drill';
import { drillInput, drillWhen } from '../client/drill-input';
import { say } from '../client/output';
import type { World } from '../simulator/world';

const NAME = 'demo-weekly';

export async function demoDrill(
  client: Client,
  world: World,
  source: { projectId: string; clusterName: string },
  taskQueue: string,
): Promise<{ code: number; reportCommand: string }> {
  // Scratch clusters come up and go away in a few seconds here (Atlas takes minutes).
  world.flexCreateMs = 2_000;
  world.flexDeleteMs = 1_000;
  say(
    `\nDemo restore drill '${NAME}': ${source.clusterName}'s newest snapshot into a scratch Flex cluster, verified, deleted`,
  );
  const input = drillInput(NAME, { ...source, requester: process.env.USER ?? 'demo' });
  await drillCreateCommand(client, input, drillWhen({}), { output: 'text', taskQueue });
  const code = await drillRunCommand(client, NAME, { wait: true, output: 'text' });
  return { code, reportCommand: `./bin/atlas-restore drill report ${NAME} -o md` };
}
