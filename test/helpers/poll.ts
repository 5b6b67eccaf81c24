// The one polling loop of the tests: ask until the answer satisfies the predicate, in real time (the thing asked about
// runs on a real Temporal server or in a subprocess). A failed ask (not started yet, between runs) counts as "not yet".
export interface PollOptions {
  timeoutMs?: number;
  everyMs?: number;
  /** Said in the error when the time runs out. */
  what?: string;
}

export async function pollUntil<T>(
  ask: () => Promise<T>,
  ok: (v: T) => boolean,
  { timeoutMs = 60_000, everyMs = 200, what = 'condition' }: PollOptions = {},
): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await ask();
      if (ok(v)) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`${what} not reached in ${timeoutMs} ms; last answer: ${String(JSON.stringify(last) ?? last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
