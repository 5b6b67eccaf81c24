// Connecting to the restored target with the official driver: `ping` until it answers or the verify timeout ends,
// with backoff while the cluster settles. Each failure is classified, so a timeout says why: nothing listening yet, the
// IP access list refusing us (connections closed on connect), or the login refused.
import { Context } from '@temporalio/activity';
import { MongoClient } from 'mongodb';
import type { TempUser } from './verify-user';

export type ConnectProblem = 'unreachable' | 'access-list' | 'auth' | 'other';

export type ConnectOutcome =
  | { ok: true; client: MongoClient; attempts: number; afterMs: number }
  | { ok: false; problem: ConnectProblem; attempts: number; lastError: string };

/** Backoff between attempts: 1 s doubling to 15 s. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
/** One attempt's server selection: short, so the loop (not the driver) owns the timing. */
const ATTEMPT_MS = 5_000;

function classify(e: unknown): ConnectProblem {
  const m = e instanceof Error ? `${e.name} ${e.message} ${String((e.cause as Error | undefined)?.message ?? '')}` : '';
  if (/Authentication failed|auth.*fail/i.test(m)) return 'auth';
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|timed out/i.test(m)) return 'unreachable';
  // Atlas's proxy closes the connection (during TLS) for an address not on the project's IP access list.
  if (/closed|ECONNRESET|socket hang up|disconnected before secure TLS/i.test(m)) return 'access-list';
  return 'other';
}

/** The error text without anything credential-like (the driver does not put the password in it; belt and braces). */
const scrub = (e: unknown, u: TempUser): string =>
  (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split(u.password).join('***').slice(0, 300);

export async function connectWithin(uri: string, user: TempUser, deadlineMs: number): Promise<ConnectOutcome> {
  const started = Date.now();
  let attempts = 0;
  let problem: ConnectProblem;
  let lastError: string;
  for (;;) {
    attempts++;
    const left = deadlineMs - Date.now();
    // Credentials as options, never in the URI: a connection string can end up in an error message.
    const client = new MongoClient(uri, {
      auth: { username: user.username, password: user.password },
      authSource: 'admin',
      serverSelectionTimeoutMS: Math.max(500, Math.min(ATTEMPT_MS, left)),
      connectTimeoutMS: Math.max(500, Math.min(ATTEMPT_MS, left)),
      appName: 'atlas-restore-verify',
    });
    try {
      await client.db('admin').command({ ping: 1 });
      return { ok: true, client, attempts, afterMs: Date.now() - started };
    } catch (e) {
      await client.close().catch(() => undefined);
      problem = classify(e);
      lastError = scrub(e, user);
    }
    heartbeat({ attempts, problem });
    const wait = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
    if (Date.now() + wait >= deadlineMs) return { ok: false, problem, attempts, lastError };
    await sleep(wait);
  }
}

export function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not in an activity (a direct call from a test or the benchmark).
  }
}

function sleep(ms: number): Promise<void> {
  try {
    return Context.current().sleep(ms);
  } catch {
    return new Promise((r) => setTimeout(r, ms));
  }
}
