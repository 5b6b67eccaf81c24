// Adaptive polling reads back what earlier restores took, on a real dev server's visibility store: each completed
// restore writes its Atlas-side duration (RestoreDurationS), the next restore of the same target reads it, and the
// spread is pooled over every target restored more than once.
import { Client } from '@temporalio/client';
import { restoreDurationHistory } from '../../activities/history';
import { SA } from '../../common/constants';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { start } from '../helpers/run';
import { addPair } from '../helpers/world';
import { pollUntil } from '../helpers/poll';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { era: 'current' } });
});
afterAll(() => h?.close());

/** Visibility is eventually consistent: ask until `pred` holds. */
const eventually = <T>(read: () => Promise<T>, pred: (x: T) => boolean, timeoutMs = 15_000): Promise<T> =>
  pollUntil(read, pred, { timeoutMs, everyMs: 250, what: 'visibility' });

test('two restores of one target: both durations come back, with a pooled spread; an unknown target gets nothing', async () => {
  const pair = addPair(h.sim.world, { kind: 'flex', restoreMs: 3_000 });
  for (let i = 0; i < 2; i++) {
    const handle = await start(h, { ...pair.input, polling: { initialS: 1, maxS: 1, nearS: 1 } });
    const r = await handle.result();
    expect(r.outcome).toBe('COMPLETED');
    const d = (await handle.describe()).typedSearchAttributes.get(SA.durationS);
    // Atlas dates are whole seconds: a 3 s restore reads as 2 to 4 s.
    expect(d).toBeGreaterThanOrEqual(2);
    expect(d).toBeLessThanOrEqual(4);
  }
  // A client of its own: the worker's keeps the pooled spread for a minute (activities/history.ts POOL_TTL_MS).
  const client = new Client({ connection: h.env.connection });
  const hist = await eventually(
    () => restoreDurationHistory(client, pair.projectId, pair.target.name),
    (x) => x.samplesS.length === 2 && x.pooled !== undefined,
  );
  expect(hist.samplesS).toHaveLength(2);
  for (const s of hist.samplesS) expect(s).toBeGreaterThanOrEqual(2);
  expect(hist.pooled?.df).toBeGreaterThanOrEqual(1);

  const other = addPair(h.sim.world, { kind: 'flex' });
  expect(await restoreDurationHistory(client, other.projectId, other.target.name)).toEqual({ samplesS: [] });

  // A pool too thin to bound the spread (1 degree of freedom) is kept seconds, not the minute: a third restore
  // shows in the same client's pool at once (a storm's re-reads at the window see the spread being measured).
  const third = await start(h, { ...pair.input, polling: { initialS: 1, maxS: 1, nearS: 1 } });
  expect((await third.result()).outcome).toBe('COMPLETED');
  const after = await eventually(
    () => restoreDurationHistory(client, pair.projectId, pair.target.name),
    (x) => (x.pooled?.df ?? 0) > hist.pooled!.df,
    20_000,
  );
  expect(after.pooled!.df).toBeGreaterThan(hist.pooled!.df);
});
