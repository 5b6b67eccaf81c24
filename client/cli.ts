// The runbook CLI: `atlas-restore <command>`. Parsing by commander; each command lives in client/commands/.
// Results go to stdout (one JSON document with -o json), messages to stderr; exit codes in common/exit-codes.ts.
import { Command, Option } from 'commander';
import { TOOL_VERSION } from '../common/constants';
import { EXIT } from '../common/exit-codes';
import { parseDurationS } from '../common/input';
import { ConfigError, loadConfig } from '../config';
import type { ListStatus } from './commands/list';
import { LIST_STATUSES } from './commands/list';
import { addDrillCommands } from './drill-cli';
import type { StartFlags } from './commands/start';
import { connect, output } from './cli-shared';
import type { OutputFormat } from './output';
import { CliError, emit, say } from './output';
import type { DemoModule, SimulatorModule } from './source-checkout';
import { sourceCheckoutPart } from './source-checkout';

/** The terminal's confirmation prompt, or undefined without a terminal. */
const terminalConfirm = async () =>
  process.stdin.isTTY ? (await import('./commands/start.js')).ttyConfirm : undefined;

/** Runs a command and sets the process exit code it returns. */
const run =
  <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
  async (...args: A): Promise<void> => {
    process.exitCode = await fn(...args);
  };

export function buildProgram(): Command {
  const program = new Command('atlas-restore')
    .description('Durable, audited restores of MongoDB Atlas M2/M5 (tenant) and Flex cluster snapshots, on Temporal.')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 completed (or dry run passed), 1 unexpected, 2 usage/invalid input, 3 preflight failed, 4 restore failed or compensated, 5 rejected/cancelled/deadline, 6 target busy (a different restore into this target is running; nothing started), 7 restored but the target failed verification; drills: 8 FAILED, 9 LEFT_BEHIND (drill report --help).',
    );

  // Global: how long a command keeps retrying to connect to Temporal (a short server outage or restart) before exit 1.
  program
    .option(
      '--connectTimeout <duration>',
      'how long to keep retrying to reach Temporal, e.g. 60s or 2m',
      '60s', // connection.ts DEFAULT_CONNECT_TIMEOUT_S (not imported: it loads the SDK)
    )
    .hook('preAction', async (cmd) => {
      const v = String(cmd.opts<{ connectTimeout: string }>().connectTimeout);
      const s = /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : parseDurationS(v);
      if (s === undefined || s <= 0 || s > 3600)
        throw new CliError('--connectTimeout: must be a duration up to 1h, such as 30s or 2m', EXIT.usage);
      (await import('./connection.js')).setConnectTimeout(s);
    });

  program
    .command('start')
    .description('Restore a snapshot of one cluster into a target cluster (DELETES ALL DATA on the target).')
    .requiredOption('--projectId <id>', 'project of the source cluster')
    .requiredOption('--clusterName <name>', 'source cluster (M2/M5 or Flex)')
    .requiredOption('--snapshotId <id>', 'snapshot to restore')
    .requiredOption('--targetClusterName <name>', 'cluster whose data is replaced')
    .option('--targetProjectId <id>', 'project of the target cluster (default: --projectId)')
    .addOption(new Option('--backend <backend>', 'restore API').choices(['auto', 'tenant', 'flex']).default('auto'))
    .option('--requireApproval', 'wait for `./bin/atlas-restore approve` before submitting')
    .option('--dryRun', 'run the preflight checks and show the plan; change nothing')
    .option('--rollbackOnFailure', 'if the restore fails, restore the target from its own latest snapshot')
    .option('--deadline <duration>', 'overall deadline, e.g. 2h or 90m (default 6h)')
    .option('--approvalTimeout <duration>', 'with --requireApproval: how long to wait for a decision (default 1h)')
    .option('--reason <text>', 'why: a ticket or a sentence (kept in the audit trail)')
    .option(
      '--requester <name>',
      'who asks (default: $USER, else the account you run as); an approver cannot be the requester',
    )
    .option(
      '--verify <false|true|json>',
      'verify the target after the job (on by default): false turns it off; a JSON object sets it (docs/verification.md)',
    )
    .option('--force', 'do not ask for confirmation (required without a terminal)')
    .option('--wait', 'wait for the result, showing progress')
    .option('--signingKey <path>', 'SSH key that signs the start (default: $ATLAS_RESTORE_SIGNING_KEY)')
    .addOption(output())
    .action(
      run(async (f: Omit<StartFlags, 'taskQueue' | 'polling'>) => {
        const cfg = loadConfig();
        const { startCommand } = await import('./commands/start.js');
        const client = async () => (await import('./connection.js')).connectClient(cfg.temporal);
        return startCommand(client, { ...f, taskQueue: cfg.taskQueue, polling: cfg.polling });
      }),
    );

  program
    .command('status <workflowId>')
    .description(
      'Show where a restore (or a batch, atlas-restore-batch-<name>) is: phase, job status, polls; or its result when finished.',
    )
    .option('--runId <runId>', 'one run of this workflow id (`list` shows them; default: the latest)')
    .addOption(output())
    .addHelpText(
      'after',
      "\nExit codes: 0 while it runs; once it has ended, its outcome's code: 0 completed or dry run, 3 preflight failed, 4 failed or compensated, 5 rejected, cancelled or deadline exceeded (a batch: its worst item's code); 2 no such workflow.",
    )
    .action(
      run(async (id: string, f: { runId?: string; output: OutputFormat }) =>
        (await import('./commands/ops.js')).statusCommand((await connect()).client, id, f.output, f.runId),
      ),
    );

  program
    .command('watch <workflowId>')
    .description('Follow a restore with live progress until it ends; exits with its outcome code.')
    .addOption(output())
    .action(
      run(async (id: string, f: { output: OutputFormat }) =>
        (await import('./commands/ops.js')).watchCommand((await connect()).client, id, f.output),
      ),
    );

  program
    .command('approve <workflowId>')
    .description('Approve a restore that waits for approval (not by its requester).')
    .requiredOption('--by <name>', 'who approves')
    .option('--runId <runId>', 'the run you reviewed (`status` shows it); without it, a terminal asks to confirm')
    .option('--comment <text>', 'a note for the audit trail')
    .option('--signingKey <path>', 'SSH key that signs the approval (default: $ATLAS_RESTORE_SIGNING_KEY)')
    .addOption(output())
    .action(
      run(
        async (
          id: string,
          f: { by: string; runId?: string; comment?: string; signingKey?: string; output: OutputFormat },
        ) => {
          const ops = await import('./commands/ops.js');
          return ops.decideCommand((await connect()).client, id, 'approve', f.by, f.comment, f.output, {
            runId: f.runId,
            signingKey: f.signingKey,
            confirm: await terminalConfirm(),
          });
        },
      ),
    );

  program
    .command('reject <workflowId>')
    .description('Reject a restore that waits for approval.')
    .requiredOption('--by <name>', 'who rejects')
    .option('--runId <runId>', 'the run you reviewed (`status` shows it); without it, a terminal asks to confirm')
    .option('--reason <text>', 'why (kept in the audit trail)')
    .option('--signingKey <path>', 'SSH key that signs the rejection (default: $ATLAS_RESTORE_SIGNING_KEY)')
    .addOption(output())
    .action(
      run(
        async (
          id: string,
          f: { by: string; runId?: string; reason?: string; signingKey?: string; output: OutputFormat },
        ) => {
          const ops = await import('./commands/ops.js');
          return ops.decideCommand((await connect()).client, id, 'reject', f.by, f.reason, f.output, {
            runId: f.runId,
            signingKey: f.signingKey,
            confirm: await terminalConfirm(),
          });
        },
      ),
    );

  program
    .command('cancel <workflowId>')
    .description(
      'Cancel a restore; a job Atlas already runs keeps running (rolled back only if it FAILED and rollbackOnFailure was asked).',
    )
    .option('--runId <runId>', 'only this run of the workflow id (refused if it is not the running one)')
    .addOption(output())
    .action(
      run(async (id: string, f: { runId?: string; output: OutputFormat }) =>
        (await import('./commands/ops.js')).cancelCommand((await connect()).client, id, f.output, f.runId),
      ),
    );

  program
    .command('history <workflowId>')
    .description('The audit trail as a timeline (-o json: with the raw Temporal events).')
    .option('--runId <runId>', 'the trail of this run (and the runs it continued); default: the latest')
    .addOption(output())
    .action(
      run(async (id: string, f: { runId?: string; output: OutputFormat }) =>
        (await import('./commands/history.js')).historyCommand((await connect()).client, id, f.output, f.runId),
      ),
    );

  program
    .command('list')
    .description('List restores, newest first, one row per run (a visibility query over our search attributes).')
    .addOption(new Option('--status <status>', 'filter by state').choices([...LIST_STATUSES]))
    .option('--targetClusterName <name>', 'only restores into this cluster')
    .option('--projectId <id>', 'only restores from or into this project')
    .option('--limit <n>', 'at most this many', '50')
    .addOption(output())
    .action(
      run(
        async (f: {
          status?: ListStatus;
          targetClusterName?: string;
          projectId?: string;
          limit: string;
          output: OutputFormat;
        }) =>
          (await import('./commands/list.js')).listCommand((await connect()).client, {
            ...f,
            limit: Number(f.limit) || 50,
          }),
      ),
    );

  program
    .command('batch <plan>')
    .description(
      'Start a batch of restores (a DR drill) from a YAML or JSON plan; the same plan again returns the running batch.',
    )
    .option('--force', 'do not ask for confirmation (required without a terminal)')
    .option('--wait', "wait for the summary; exit with the worst restore's code")
    .option('--verify <false|true|json>', 'verify setting for every restore of the plan that gives none (default: on)')
    .addOption(output())
    .action(
      run(async (file: string, f: { wait?: boolean; force?: boolean; verify?: string; output: OutputFormat }) => {
        const cfg = loadConfig();
        const client = async () => (await import('./connection.js')).connectClient(cfg.temporal);
        return (await import('./commands/batch.js')).batchCommand(client, file, {
          wait: !!f.wait,
          force: !!f.force,
          ...(f.verify !== undefined ? { verify: f.verify } : {}),
          output: f.output,
          taskQueue: cfg.taskQueue,
        });
      }),
    );

  addDrillCommands(program);

  program
    .command('worker')
    .description('Run a worker (reads Temporal and Atlas settings from the environment).')
    .option('--taskQueue <name>', 'task queue (default: $ATLAS_RESTORE_TASK_QUEUE or atlas-restore)')
    .action(
      run(async (f: { taskQueue?: string }) => {
        await (await import('../worker/main.js')).runWorkerFromEnv({ taskQueue: f.taskQueue });
        return EXIT.ok;
      }),
    );

  program
    .command('setup')
    .description('Register our search attributes on the namespace (idempotent).')
    .addOption(output())
    .action(
      run(async (f: { output: OutputFormat }) => {
        const { cfg, client } = await connect();
        const { registerSearchAttributes } = await import('./search-attributes.js');
        const added = await registerSearchAttributes(client.connection, cfg.temporal.namespace);
        emit(f.output, { namespace: cfg.temporal.namespace, added }, () =>
          added.length ? `registered: ${added.join(', ')}` : 'all search attributes already registered',
        );
        return EXIT.ok;
      }),
    );

  program
    .command('simulator')
    .description('Run the Atlas simulator (prints the URL it listens on).')
    .option('--port <n>', 'port (0 = any free one)', '0')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(
      new Option('--era <era>', 'legacy: tenant endpoints live; current: sunset, M2/M5 are Flex').choices([
        'legacy',
        'current',
      ]),
    )
    .option('--scenario <file>', 'world, credentials, faults and rate limit (YAML or JSON)')
    .option('--admin', 'serve the /__sim/ control API (for harnesses)')
    .action(
      run(async (f: { port: string; host: string; era?: 'legacy' | 'current'; scenario?: string; admin?: boolean }) => {
        const { runSimulator } = sourceCheckoutPart<SimulatorModule>('simulator', 'main.js');
        const sim = await runSimulator({
          port: Number(f.port),
          host: f.host,
          era: f.era,
          scenario: f.scenario,
          admin: !!f.admin,
        });
        process.stdout.write(`${sim.url}\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await sim.stop();
        return EXIT.ok;
      }),
    );

  program
    .command('dev')
    .description(
      'The demo: embedded Temporal dev server with UI, Atlas simulator, worker, one restore; stays up until Ctrl-C.',
    )
    .option('--once', 'exit after the demo restore (used by CI)')
    .option('--port <n>', 'Temporal gRPC port', '7233')
    .option('--uiPort <n>', 'Temporal UI port', '8233')
    .option('--simulatorPort <n>', 'Atlas simulator port', '0')
    .option('--metricsPort <n>', 'worker metrics port on 127.0.0.1 (0 = any free one)', '0')
    .addOption(new Option('--era <era>', 'simulated Atlas era').choices(['legacy', 'current']).default('current'))
    .action(
      run(
        async (f: {
          once?: boolean;
          port: string;
          uiPort: string;
          simulatorPort: string;
          metricsPort: string;
          era: 'legacy' | 'current';
        }) =>
          sourceCheckoutPart<DemoModule>('demo', 'dev.js').runDev({
            once: !!f.once,
            port: Number(f.port),
            uiPort: Number(f.uiPort),
            simulatorPort: Number(f.simulatorPort),
            metricsPort: Number(f.metricsPort),
            era: f.era,
          }),
      ),
    );

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      process.exitCode = EXIT.ok;
    else if (err.code?.startsWith('commander.')) process.exitCode = EXIT.usage;
    else if (e instanceof CliError || e instanceof ConfigError) {
      say(`error: ${(e as Error).message}`);
      process.exitCode = e instanceof CliError ? e.exitCode : EXIT.usage;
    } else {
      say(`error: ${err.message ?? String(e)}`);
      process.exitCode = EXIT.unexpected;
    }
  }
}

if (require.main === module) void main(process.argv);
