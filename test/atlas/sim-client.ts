// Test helpers: an AtlasClient wired to a simulator over loopback (no HTTP mocks), a hand-driven clock, and a way to
// catch the error a call throws.
import { HttpClient } from 'urllib';
import type { AtlasAuth } from '../../atlas/auth';
import { NoAuth } from '../../atlas/auth';
import { AtlasClient } from '../../atlas/client';
import type { CallRecord } from '../../atlas/http';
import { AtlasHttp } from '../../atlas/http';
import type { AtlasSimulator } from '../../simulator/server';

export interface ClientOptions {
  auth?: AtlasAuth;
  timeoutMs?: number;
  pageSize?: number;
  calls?: CallRecord[];
}

export function clientFor(sim: AtlasSimulator, o: ClientOptions = {}): AtlasClient {
  const http = new AtlasHttp({
    baseUrl: sim.url,
    auth: o.auth ?? new NoAuth(),
    http: new HttpClient(),
    timeoutMs: o.timeoutMs ?? 5_000,
    onCall: o.calls ? (c) => o.calls!.push(c) : undefined,
  });
  return new AtlasClient(http, { pageSize: o.pageSize });
}

/** A clock the test moves by hand: the simulator's job states follow it. */
export function manualClock(startIso = '2026-03-01T12:00:00Z'): { now: () => number; advance: (ms: number) => void } {
  let t = Date.parse(startIso);
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** The error `p` rejects with; fails the test if it resolves. */
export async function failureOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
