// Temporal connection settings the ecosystem's way: @temporalio/envconfig reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE and the shared temporal.toml, exactly as the Temporal CLI does.
// Kept apart from the SDK's client and worker so that reading settings loads neither (the CLI's start-up time).
import { loadClientConnectConfig } from '@temporalio/envconfig';

export interface TemporalTarget {
  connectionOptions: ReturnType<typeof loadClientConnectConfig>['connectionOptions'];
  namespace: string;
}

export function temporalTargetFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const cfg = loadClientConnectConfig({
    profile: env.TEMPORAL_PROFILE,
    overrideEnvVars: env as Record<string, string>,
  });
  return {
    connectionOptions: { address: 'localhost:7233', ...cfg.connectionOptions },
    namespace: cfg.namespace ?? 'default',
  };
}
