// The real Temporal dev server (`temporal server start-dev`, in memory, with our search attributes), spawned here
// rather than through devserver/startDevServer: that one lets the CLI print its banner on our stdout, which would
// corrupt `--json`. Its error log lines are counted: under overload it reports persistence timeouts, which show up
// as detection lag, and the report should say so.
import { spawn } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ALL_SEARCH_ATTRIBUTES } from '../common/constants';
import { temporalCliPath } from '../devserver/binaries';

export interface DevServer {
  address: string;
  namespace: string;
  pid: number;
  client: Client;
  nativeConnection: NativeConnection;
  /** Error lines the server logged so far (persistence timeouts and the like). */
  errors(): number;
  lastErrors(): string[];
  stop(): Promise<void>;
}

const SA_TYPE: Record<string, string> = { KEYWORD: 'Keyword', DOUBLE: 'Double', INT: 'Int', BOOL: 'Bool', DATETIME: 'Datetime', TEXT: 'Text' };

export async function startBenchDevServer(port: number, namespace = 'default'): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--headless', '--log-format', 'json', '--log-level', 'error'];
  for (const k of ALL_SEARCH_ATTRIBUTES) args.push('--search-attribute', `${k.name}=${SA_TYPE[k.type]}`);
  const proc = spawn(temporalCliPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = 0;
  const last: string[] = [];
  let partial = '';
  proc.stderr!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      if (!/"level":"error"|level=ERROR/i.test(l)) continue;
      errors++;
      last.push(l.slice(0, 400));
      if (last.length > 20) last.shift();
    }
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    let connection: Connection | undefined;
    for (let i = 0; !connection; i++) {
      if (proc.exitCode !== null) throw new Error(`temporal server start-dev exited with ${proc.exitCode}: ${last.join('\n')}`);
      try {
        connection = await Connection.connect({ address, connectTimeout: 1000 });
        await connection.workflowService.getSystemInfo({});
      } catch (e) {
        connection = undefined;
        if (i > 300) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const nativeConnection = await NativeConnection.connect({ address });
    const client = new Client({ connection, namespace });
    return {
      address,
      namespace,
      pid: proc.pid!,
      client,
      nativeConnection,
      errors: () => errors,
      lastErrors: () => [...last],
      async stop() {
        await nativeConnection.close().catch(() => undefined);
        await connection.close().catch(() => undefined);
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
