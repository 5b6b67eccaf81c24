// `npm run bench [-- options]`: the restore-storm benchmark. Progress goes to stderr; stdout gets the human table,
// or with --json one JSON document. The plot (SVG) and the JSON are also written to harness/bench/results/.
import { Command, Option } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from './options';
import { DEFAULTS, timerFloorWarning, validate } from './options';
import { PROJECT_ROOT } from '../kit/paths';
import { renderPlot } from './plot';
import { formatTable } from './report';
import { runBench } from './run';
import { modelReport } from './model';
import { verifyMain } from './verify';

const DEFAULT_RESULTS_DIR = join(PROJECT_ROOT, 'harness', 'bench', 'results');

export function parseOptions(argv: string[]): BenchOptions {
  const d = DEFAULTS;
  const p = new Command('bench')
    .description(
      'Restore storm against a real Temporal dev server and the Atlas simulator; ours vs peers on the same durations.',
    )
    .option('-n, --restores <n>', 'target clusters = restores per round', String(d.restores))
    .option('--rounds <n>', 'rounds over the same clusters (nightly refreshes)', String(d.rounds))
    .option('--concurrency <n>', 'restores in flight at most (default: a whole round at once)')
    .addOption(new Option('--era <era>', 'simulated Atlas era').choices(['legacy', 'current']).default(d.era))
    .option('--scale <x>', 'time scale: every duration, interval, deadline and rate is divided by it', String(d.scale))
    .option('--seed <n>', 'seed of the duration plan', String(d.seed))
    .option('--noise <sigma>', 'log-sd of a restore around its cluster’s typical duration', String(d.noise))
    .option('--rateLimit', 'simulator per-project token bucket on, our rate budget set to it')
    .option('--oneProject', 'every restore in one project (one bucket) instead of 5 pairs per project')
    .option('--no-fixedTimer', 'skip running the fixed-timer peer workflow')
    .option('--no-watchLoop', 'skip running the watch-loop peer process')
    .option('--maxTypicalS <s>', 'cap the clusters’ typical restore durations (un-scaled s), for a scale-1 run')
    .option('--cliSamples <n>', 'timed samples of each CLI start', String(d.cliSamples))
    .option('--startParallelism <n>', 'start RPCs in flight', String(d.startParallelism))
    .option(
      '--workerHeapMb <mb>',
      'worker heap limit (NODE_OPTIONS=--max-old-space-size); 0 = Node’s own',
      String(d.workerHeapMb),
    )
    .option('--out <dir>', 'where the plot and JSON are written', DEFAULT_RESULTS_DIR)
    .option('--json', 'print the report as JSON')
    .option('--verify', "only the verify step's case: a target of --verifyCollections verified, no storm")
    .option('--verifyCollections <n>', 'collections of the verified target', '200')
    .option('--verifyDocuments <n>', 'documents per collection of the verified target', '50')
    .option('--verifyRestores <n>', 'verified restores, one after another', '3')
    .option(
      '--model',
      'no servers: replay our schedule (workflows/polling.ts) offline over the same durations, in a second',
    )
    .exitOverride()
    .parse(argv);
  const f = p.opts<Record<string, string | boolean | undefined>>();
  return {
    restores: Number(f.restores),
    rounds: Number(f.rounds),
    concurrency: f.concurrency === undefined ? Infinity : Number(f.concurrency),
    era: f.era as BenchOptions['era'],
    scale: Number(f.scale),
    seed: Number(f.seed),
    noise: Number(f.noise),
    rateLimit: !!f.rateLimit,
    oneProject: !!f.oneProject,
    fixedTimer: f.fixedTimer !== false,
    watchLoop: f.watchLoop !== false,
    maxTypicalS: f.maxTypicalS === undefined ? undefined : Number(f.maxTypicalS),
    cliSamples: Number(f.cliSamples),
    startParallelism: Number(f.startParallelism),
    workerHeapMb: Number(f.workerHeapMb) || undefined,
    json: !!f.json,
    ...(f.verify
      ? {
          verify: {
            collections: Number(f.verifyCollections),
            documentsPerCollection: Number(f.verifyDocuments),
            restores: Number(f.verifyRestores),
          },
        }
      : {}),
    model: !!f.model,
    outDir: String(f.out),
  };
}

export async function main(argv: string[]): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseOptions(argv);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'commander.helpDisplayed' || code === 'commander.help' ? 0 : 2;
  }
  if (o.verify) {
    const v = o.verify;
    if (![v.collections, v.documentsPerCollection, v.restores].every((n) => Number.isInteger(n) && n >= 1)) {
      process.stderr.write('bench: --verifyCollections, --verifyDocuments and --verifyRestores must be integers ≥ 1\n');
      return 2;
    }
    const log = (line: string) =>
      process.stderr.write(`[bench verify ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
    return verifyMain({ ...v, json: o.json, outDir: o.outDir }, log);
  }
  const problems = validate(o);
  if (problems.length) {
    process.stderr.write(`bench: ${problems.join('; ')}\n`);
    return 2;
  }
  if (o.model) {
    process.stdout.write(JSON.stringify(modelReport(o), null, 2) + '\n');
    return 0;
  }
  const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const warning = timerFloorWarning(o.scale);
  if (warning) log(`warning: ${warning}`);
  const report = await runBench(o, log);
  mkdirSync(o.outDir, { recursive: true });
  const name = resultName(o);
  writeFileSync(join(o.outDir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(o.outDir, `${name}.svg`), renderPlot(report) + '\n');
  log(`wrote ${join(o.outDir, `${name}.svg`)} and ${name}.json`);
  process.stdout.write(o.json ? JSON.stringify(report, null, 2) + '\n' : formatTable(report) + '\n');
  return 0;
}

/** The results' file name: the size, and every setting that changes the figures when it is not the default. */
function resultName(o: BenchOptions): string {
  const differs = (k: 'noise' | 'scale') => (o[k] !== DEFAULTS[k] ? `-${k}${o[k]}` : '');
  return `bench-${o.restores}x${o.rounds}${differs('noise')}${differs('scale')}${o.oneProject ? '-oneproject' : ''}${o.rateLimit ? '-ratelimit' : ''}`;
}

if (require.main === module)
  main(process.argv).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
