// `npm run chaos`: the chaos run from the command line. Progress goes to stderr; the report to stdout (with --json,
// nothing else). Exit code 0 when every promise held (README.md), 1 when one broke, 2 for a bad option.
import { HELP, parseOptions } from './options';
import { summary } from './report';
import { runChaos } from './storm';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const report = await runChaos({ ...parsed.options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : `${summary(report)}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`chaos run failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
