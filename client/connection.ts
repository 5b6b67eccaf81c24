// A connected Temporal client for the CLI and the worker's own queries (settings from config/temporal.ts).
// Connecting retries with backoff for up to the connect timeout (the CLI's --connectTimeout, default 60 s), so a
// command run during a short server outage or restart waits for it, saying so, instead of failing at once.
import { Client, Connection } from '@temporalio/client';
import type { TemporalTarget } from '../config/temporal';
import { temporalTargetFromEnv } from '../config/temporal';
import { EXIT } from '../common/exit-codes';
import { CliError, say } from './output';

const DEFAULT_CONNECT_TIMEOUT_S = 60;
let connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_S * 1000;

/** Set once by the CLI from --connectTimeout before any command connects. */
export function setConnectTimeout(seconds: number): void {
  connectTimeoutMs = seconds * 1000;
}

export async function connectClient(t: TemporalTarget = temporalTargetFromEnv()): Promise<Client> {
  const connection = await connectWithRetry(t);
  return new Client({ connection, namespace: t.namespace });
}

async function connectWithRetry(t: TemporalTarget): Promise<Connection> {
  const deadline = Date.now() + connectTimeoutMs;
  const address = t.connectionOptions.address ?? 'localhost:7233';
  let delayMs = 500;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    try {
      // Short attempts (the SDK would wait 10 s silently), never longer than what is left: the operator sees why.
      return await Connection.connect({ ...t.connectionOptions, connectTimeout: Math.max(1, Math.min(left, 3_000)) });
    } catch (e) {
      const reason = (e as Error).message;
      if (Date.now() + delayMs >= deadline)
        throw new CliError(
          `cannot connect to Temporal at ${address} within ${Math.round(connectTimeoutMs / 1000)}s (--connectTimeout): ${reason}`,
          EXIT.unexpected,
        );
      say(
        `Temporal at ${address} is not reachable (${reason}); retrying (attempt ${attempt + 1}) for up to ${Math.ceil((deadline - Date.now()) / 1000)}s more`,
      );
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(delayMs * 2, 5_000);
    }
  }
}
