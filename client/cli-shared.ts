// What every command group of the CLI (client/cli.ts, client/drill-cli.ts) shares: the output option and the
// connection, loaded lazily so that `--help` and usage errors never load the Temporal client.
import { Option } from 'commander';
import { loadConfig } from '../config';

export const output = () =>
  new Option('-o, --output <format>', 'output format: text or json').choices(['text', 'json']).default('text');

/** Config and a connected client, for the commands that talk to Temporal. */
export async function connect() {
  const cfg = loadConfig();
  const { connectClient } = await import('./connection.js');
  return { cfg, client: await connectClient(cfg.temporal) };
}
