// Temporal connections the ecosystem's way: @temporalio/envconfig reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE and the shared temporal.toml, exactly as the Temporal CLI does.
import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';

export interface TemporalTarget {
  connectionOptions: ReturnType<typeof loadClientConnectConfig>['connectionOptions'];
  namespace: string;
}

export function temporalTargetFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const cfg = loadClientConnectConfig({ profile: env.TEMPORAL_PROFILE, overrideEnvVars: env as Record<string, string> });
  return { connectionOptions: { address: 'localhost:7233', ...cfg.connectionOptions }, namespace: cfg.namespace ?? 'default' };
}

export async function connectClient(t: TemporalTarget = temporalTargetFromEnv()): Promise<Client> {
  const connection = await Connection.connect(t.connectionOptions);
  return new Client({ connection, namespace: t.namespace });
}

export async function connectWorker(t: TemporalTarget = temporalTargetFromEnv()): Promise<NativeConnection> {
  return NativeConnection.connect(t.connectionOptions);
}
