// The runbook CLI: `atlas-restore <command>`. Parsing by commander; each command lives in client/commands/.
import { Command, Option } from 'commander';
import { EXIT } from '../common/exit-codes';
import { TOOL_VERSION } from '../common/constants';
import { runWorkerFromEnv } from '../worker/main';
import { startCommand } from './commands/start';
import { runDev } from './commands/dev';
import { connectClient } from './connection';
import { CliError, OutputFormat } from './output';

const output = () => new Option('-o, --output <format>', 'output format: text or json').choices(['text', 'json']).default('text');

export function buildProgram(): Command {
  const program = new Command('atlas-restore')
    .description('Durable, audited restores of MongoDB Atlas M2/M5 (tenant) and Flex cluster snapshots, on Temporal.')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  program
    .command('start')
    .description('Restore a snapshot of one cluster into a target cluster (DELETES ALL DATA on the target).')
    .requiredOption('--projectId <id>', 'project of the source cluster')
    .requiredOption('--clusterName <name>', 'source cluster (M2/M5 or Flex)')
    .requiredOption('--snapshotId <id>', 'snapshot to restore')
    .requiredOption('--targetClusterName <name>', 'cluster whose data is replaced')
    .option('--targetProjectId <id>', 'project of the target cluster (default: --projectId)')
    .addOption(new Option('--backend <backend>', 'restore API').choices(['auto', 'tenant', 'flex']).default('auto'))
    .option('--requireApproval', 'wait for `atlas-restore approve` before submitting')
    .option('--dryRun', 'run the preflight checks and show the plan; change nothing')
    .option('--rollbackOnFailure', 'if the restore fails, restore the target from its own latest snapshot')
    .option('--deadline <duration>', 'overall deadline, e.g. 2h or 90m (default 6h)')
    .option('--reason <text>', 'why: a ticket or a sentence (kept in the audit trail)')
    .option('--requester <name>', 'who asks (default: $USER); an approver cannot be the requester')
    .option('--force', 'do not ask for confirmation (required without a terminal)')
    .option('--wait', 'wait for the result, showing progress')
    .option('--taskQueue <name>', 'Temporal task queue (default: $ATLAS_RESTORE_TASK_QUEUE or atlas-restore)')
    .addOption(output())
    .action(async (f) => {
      const client = await connectClient();
      process.exitCode = await startCommand(client, { ...f, taskQueue: f.taskQueue ?? process.env.ATLAS_RESTORE_TASK_QUEUE, output: f.output as OutputFormat });
    });

  program
    .command('worker')
    .description('Run a worker (reads Temporal and Atlas settings from the environment).')
    .option('--taskQueue <name>', 'task queue (default: $ATLAS_RESTORE_TASK_QUEUE or atlas-restore)')
    .action(async (f) => {
      await runWorkerFromEnv({ taskQueue: f.taskQueue });
    });

  program
    .command('dev')
    .description('The demo: embedded Temporal dev server with UI, Atlas simulator, worker, one restore; stays up until Ctrl-C.')
    .option('--once', 'exit after the demo restore (used by CI)')
    .option('--port <n>', 'Temporal gRPC port', '7233')
    .option('--uiPort <n>', 'Temporal UI port', '8233')
    .option('--simulatorPort <n>', 'Atlas simulator port', '0')
    .addOption(new Option('--era <era>', 'simulated Atlas era').choices(['legacy', 'current']).default('current'))
    .action(async (f) => {
      process.exitCode = await runDev({ once: !!f.once, port: Number(f.port), uiPort: Number(f.uiPort), simulatorPort: Number(f.simulatorPort), era: f.era });
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exitCode = EXIT.ok;
    else if (err.code?.startsWith('commander.')) process.exitCode = EXIT.usage;
    else if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`error: ${err.message ?? String(e)}\n`);
      process.exitCode = EXIT.unexpected;
    }
  }
}

if (require.main === module) void main(process.argv);
