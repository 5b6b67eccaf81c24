// `npm run record:histories`: runs every path of test/replay/history-paths.ts on a real Temporal server (time-skipping,
// so hour-long waits pass at once) with the Atlas simulator and a real worker on the current workflow code, and
// writes each run's history to test/histories/<path>.json (several runs: <path>.run<N>.json), plus index.json;
// with HISTORIES_ARCHIVE=<name> the set it replaces moves to test/histories/archive/<name>/ (kept replaying).
// Format: the History proto as @temporalio/proto's toObject writes it (test/replay/histories.ts reads it back
// with fromObject). Run through jest (SWC runs the TypeScript; no extra runner): see package.json.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startStack } from '../helpers/stack';
import type { IndexEntry, JsonHistory } from './histories';
import { ARCHIVE_DIR, historyToObject } from './histories';
import type { HistoryPath } from './history-paths';
import { HISTORY_PATHS } from './history-paths';
import type { Stack } from '../helpers/stack';
import { RestorePolicy } from '../../policy/policy';

const OUT = join(__dirname, '..', 'histories');

async function recordAll(): Promise<IndexEntry[]> {
  const h = await startStack({ server: 'time-skipping', sim: { era: 'legacy' } });
  const index: IndexEntry[] = [];
  try {
    mkdirSync(OUT, { recursive: true });
    // HISTORIES_ARCHIVE=<name> keeps the set being replaced (restores of the build it came from may still run).
    const archive = process.env.HISTORIES_ARCHIVE ? join(ARCHIVE_DIR, process.env.HISTORIES_ARCHIVE) : undefined;
    if (archive) mkdirSync(archive, { recursive: true });
    for (const f of readdirSync(OUT).filter((n) => n.endsWith('.json'))) {
      if (archive) renameSync(join(OUT, f), join(archive, f));
      else rmSync(join(OUT, f));
    }
    for (const p of HISTORY_PATHS) {
      const t0 = Date.now();
      // A path under a restore policy gets a worker of its own that enforces it; the others run in open mode. A path
      // that needs data gets a simulator with a data plane (and a fresh clock: see HistoryPath.data).
      const ph =
        p.policy || p.data
          ? await startStack({
              server: 'time-skipping',
              sim: { era: 'legacy', ...(p.data ? { data: true } : {}) },
              ...(p.policy ? { policy: RestorePolicy.load(p.policy()) } : {}),
            })
          : h;
      try {
        await recordPath(p, ph, t0, index);
      } finally {
        if (ph !== h) await ph.close();
      }
    }
  } finally {
    await h.close();
  }
  const indexed = Object.fromEntries(index.map((e) => [e.file.replace(/\.json$/, ''), e]));
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(indexed, null, 2) + '\n');
  return index;
}

/** Runs one path and writes the history of each run of its chain. */
async function recordPath(p: HistoryPath, h: Stack, t0: number, index: IndexEntry[]): Promise<void> {
  const r = await p.run(h);
  // A run that did not end as its path says is not a history of that path: refuse to record it.
  if (!isDeepStrictEqual(r.outcome, p.expect))
    throw new Error(`${p.name}: ended as ${JSON.stringify(r.outcome)}, expected ${JSON.stringify(p.expect)}`);
  const runs: { runId: string; history: JsonHistory }[] = [];
  for (let runId: string | undefined = r.firstRunId; runId;) {
    const history = historyToObject(await h.env.client.workflow.getHandle(r.workflowId, runId).fetchHistory());
    runs.push({ runId, history });
    runId = (
      history.events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes as
        { newExecutionRunId?: string } | undefined
    )?.newExecutionRunId;
  }
  runs.forEach(({ runId, history }, i) => {
    const file = runs.length > 1 ? `${p.name}.run${i + 1}.json` : `${p.name}.json`;
    const text = JSON.stringify(history);
    writeFileSync(join(OUT, file), text + '\n');
    // EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW → CONTINUED_AS_NEW
    const closeStatus = (history.events.at(-1)?.eventType ?? '').replace(/^EVENT_TYPE_WORKFLOW_EXECUTION_/, '');
    index.push({
      path: p.name,
      file,
      workflowType: p.workflowType,
      workflowId: r.workflowId,
      runId,
      run: i + 1,
      closeStatus,
      outcome: r.outcome,
      events: history.events.length,
      bytes: text.length + 1,
    });
    console.log(
      `${file}: ${history.events.length} events, ${((text.length + 1) / 1024).toFixed(1)} KB, ${closeStatus} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  });
}

test('record the histories of every path', async () => {
  const index = await recordAll();
  expect(index.map((e) => e.path)).toEqual(expect.arrayContaining(HISTORY_PATHS.map((p) => p.name)));
  // A chain of continue-as-new was recorded, and its first run ends in continue-as-new.
  expect(index.some((e) => e.closeStatus === 'CONTINUED_AS_NEW')).toBe(true);
  const total = index.reduce((n, e) => n + e.bytes, 0);
  console.log(`${index.length} histories, ${(total / 1024 / 1024).toFixed(2)} MB`);
}, 900_000);
