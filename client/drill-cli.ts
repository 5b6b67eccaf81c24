// `atlas-restore drill <subcommand>`: the flags, wired to client/commands/drill.ts (loaded only when a drill command
// runs, as the other commands are: the SDK is slow to load). docs/drills.md is the reference.
import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT } from '../common/exit-codes';
import type { DrillCreateFlags } from './drill-input';
import { connect, output } from './cli-shared';
import type { OutputFormat } from './output';
import { CliError } from './output';

const commands = () => import('./commands/drill.js');

const run =
  <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
  async (...args: A): Promise<void> => {
    process.exitCode = await fn(...args);
  };

const EXIT_HELP =
  '\nExit codes: 0 PASSED, 8 FAILED (the backup did not prove restorable), 9 LEFT_BEHIND (a scratch cluster could not be deleted); 1 a run that ended without a report; 2 invalid input or no such drill/run; 6 (drill run) a run of this drill is in progress, nothing started.';

export function addDrillCommands(program: Command): void {
  const drill = program
    .command('drill')
    .description(
      'Restore drills: on a Temporal Schedule, restore the newest backup into a scratch Flex cluster, verify, tear down, report RTO/RPO (docs/drills.md).',
    );

  drill
    .command('create <name>')
    .description('Create a drill: a schedule that runs drillWorkflow (overlap: skip; catch-up window: 1 day).')
    .requiredOption('--projectId <id>', 'project of the source cluster')
    .requiredOption('--clusterName <name>', 'source cluster whose backups the drill proves')
    .option('--cron <expr>', "when, as 5-field cron in UTC (default '0 3 * * 1': Mondays 03:00)")
    .option('--every <duration>', 'when, as an interval instead of --cron, e.g. 24h')
    .option('--region <name>', "scratch cluster's region, e.g. US_EAST_1 (default: the source's)")
    .option('--providerName <name>', "scratch cluster's cloud: AWS, AZURE or GCP (default: the source's)")
    .option('--scratchProjectId <id>', 'project the scratch cluster is created in (default: --projectId)')
    .option('--snapshotId <id>', 'restore this snapshot (default: the newest COMPLETED one)')
    .option('--minAge <duration>', 'restore the newest COMPLETED snapshot at least this old, e.g. 24h')
    .option('--verify <json|file>', "the restore's verify settings: inline JSON, or a JSON/YAML file (default {})")
    .option('--deadline <duration>', 'each run, teardown included, ends by this long after its start (default 6h)')
    .option('--requester <name>', 'who sets up the drill (default: $USER)')
    .addOption(output())
    .action(
      run(async (name: string, f: DrillCreateFlags & { output: OutputFormat }) => {
        const { drillInput, drillWhen } = await import('./drill-input.js');
        const { defaultRequester } = await import('./requester.js');
        const input = drillInput(name, { ...f, requester: f.requester ?? defaultRequester() });
        const when = drillWhen(f);
        const { cfg, client } = await connect();
        return (await commands()).drillCreateCommand(client, input, when, {
          output: f.output,
          taskQueue: cfg.taskQueue,
        });
      }),
    );

  drill
    .command('list')
    .description('List drills: schedule, state, source, next run, last run and its outcome.')
    .addOption(output())
    .action(
      run(async (f: { output: OutputFormat }) =>
        (await commands()).drillListCommand((await connect()).client, f.output),
      ),
    );

  drill
    .command('run <name>')
    .description("Run a drill now, through its schedule (skipped if one is running: the schedule's overlap policy).")
    .option('--wait', "wait for the report; exit with the drill's outcome code")
    .addOption(output())
    .addHelpText('after', EXIT_HELP)
    .action(
      run(async (name: string, f: { wait?: boolean; output: OutputFormat }) => {
        const { validDrillName } = await import('./drill-input.js');
        validDrillName(name);
        return (await commands()).drillRunCommand((await connect()).client, name, f);
      }),
    );

  for (const [action, what] of [
    ['pause', 'Pause a drill (no scheduled runs until unpause; a running one finishes).'],
    ['unpause', 'Resume a paused drill.'],
    ['delete', 'Delete a drill (its schedule); a running one finishes and tears down, reports stay findable.'],
  ] as const)
    drill
      .command(`${action} <name>`)
      .description(what)
      .addOption(output())
      .action(
        run(async (name: string, f: { output: OutputFormat }) => {
          const { validDrillName } = await import('./drill-input.js');
          validDrillName(name);
          return (await commands()).drillStateCommand((await connect()).client, name, action, f.output);
        }),
      );

  drill
    .command('report <name>')
    .description("A drill run's report (default: the newest finished run) as Markdown for auditors, or JSON.")
    .option('--run <runId>', 'this run (drill run prints it; default: the newest finished run)')
    .addOption(
      new Option('-o, --output <format>', 'md (Markdown; text is the same) or json')
        .choices(['md', 'text', 'json'])
        .default('md'),
    )
    .addHelpText('after', EXIT_HELP)
    .action(
      run(async (name: string, f: { run?: string; output: OutputFormat | 'md' }) => {
        const { validDrillName } = await import('./drill-input.js');
        const { RUN_ID_PATTERN } = await import('./drill-runs.js');
        validDrillName(name);
        if (f.run !== undefined && !RUN_ID_PATTERN.test(f.run))
          throw new CliError(`--run '${f.run}': not a run id (drill run and drill list print them)`, EXIT.usage);
        return (await commands()).drillReportCommand((await connect()).client, name, f);
      }),
    );
}
