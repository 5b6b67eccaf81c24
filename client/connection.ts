// A connected Temporal client for the CLI and the worker's own queries (settings from config/temporal.ts).
import { Client, Connection } from '@temporalio/client';
import type { TemporalTarget } from '../config/temporal';
import { temporalTargetFromEnv } from '../config/temporal';

export async function connectClient(t: TemporalTarget = temporalTargetFromEnv()): Promise<Client> {
  const connection = await Connection.connect(t.connectionOptions);
  return new Client({ connection, namespace: t.namespace });
}
