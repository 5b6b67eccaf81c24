// Starts real Temporal servers from the binaries scripts/setup-temporal.mjs provides: the CLI's dev server (with our
// search attributes registered, optionally the UI and a database file) and the time-skipping test server.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ALL_SEARCH_ATTRIBUTES } from '../common/constants';
import { temporalCliPath, temporalTestServerPath } from './binaries';
import { registerSearchAttributes } from './search-attributes';

export interface DevServerOptions {
  /** Serve the Temporal UI; its URL is `http://127.0.0.1:<uiPort>`. */
  ui?: boolean;
  uiPort?: number;
  /** gRPC port (default: a free one). */
  port?: number;
  /** Persist to this SQLite file (survives a restart of the server). */
  dbFilename?: string;
  namespace?: string;
}

export async function startDevServer(o: DevServerOptions = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      ip: '127.0.0.1',
      port: o.port,
      ui: o.ui ?? false,
      uiPort: o.uiPort,
      namespace: o.namespace,
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      dbFilename: o.dbFilename,
      log: { format: 'pretty', level: 'error' },
    },
  });
}

export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
