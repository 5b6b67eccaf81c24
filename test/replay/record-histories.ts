// `npm run record:histories`: runs every path of test/replay/history-paths.ts on a real Temporal server (time-skipping,
// so hour-long waits pass at once) with the Atlas simulator and a real worker on the current workflow code, and
// writes each run's history to test/histories/<path>.json (several runs: <path>.run<N>.json), plus index.json;
// with HISTORIES_ARCHIVE=<name> the set it replaces moves to test/histories/archive/<name>/ (kept replaying).
// A drill path also writes its child restore's chain (<path>.restore.json). To try paths without touching the set:
// HISTORY_PATHS=<name or prefix>[,...] selects paths, HISTORIES_OUT=<dir> writes there instead (its .json files are
// replaced); a selection must give one.
// Format: the History proto as @temporalio/proto's toObject writes it (test/replay/histories.ts reads it back
// with fromObject). Run through jest (SWC runs the TypeScript; no extra runner): see package.json.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startStack } from '../helpers/stack';
import type { IndexEntry, JsonHistory } from './histories';
import { ARCHIVE_DIR, historyToObject } from './histories';
import type { HistoryPath, RecordedRun } from './history-paths';
import { HISTORY_PATHS } from './history-paths';
import type { Stack } from '../helpers/stack';
import { RestorePolicy } from '../../policy/policy';

const SET_DIR = join(__dirname, '..', 'histories');
const OUT = process.env.HISTORIES_OUT ? resolve(process.env.HISTORIES_OUT) : SET_DIR;

/** The paths HISTORY_PATHS names (each entry a path's name or a prefix of names); unset: all of them. */
function selectedPaths(): HistoryPath[] {
  const want = (process.env.HISTORY_PATHS ?? '').split(',').filter(Boolean);
  if (!want.length) return HISTORY_PATHS;
  // A part of the set in test/histories/ would replace the whole (the rest is deleted): refused.
  if (OUT === SET_DIR) throw new Error('HISTORY_PATHS selects paths: give HISTORIES_OUT=<another directory> too');
  const paths = HISTORY_PATHS.filter((p) => want.some((w) => p.name.startsWith(w)));
  if (!paths.length) throw new Error(`HISTORY_PATHS=${want.join(',')}: no such path`);
  return paths;
}

async function recordAll(paths: HistoryPath[]): Promise<IndexEntry[]> {
  // The shared stack is started when a path first needs it (a selection of data paths may need none).
  let h: Stack | undefined;
  const sharedStack = async () => (h ??= await startStack({ server: 'time-skipping', sim: { era: 'legacy' } }));
  const index: IndexEntry[] = [];
  try {
    mkdirSync(OUT, { recursive: true });
    // HISTORIES_ARCHIVE=<name> keeps the set being replaced (restores of the build it came from may still run).
    const archives = OUT === SET_DIR ? ARCHIVE_DIR : join(OUT, 'archive');
    const archive = process.env.HISTORIES_ARCHIVE ? join(archives, process.env.HISTORIES_ARCHIVE) : undefined;
    if (archive) mkdirSync(archive, { recursive: true });
    for (const f of readdirSync(OUT).filter((n) => n.endsWith('.json'))) {
      if (archive) renameSync(join(OUT, f), join(archive, f));
      else rmSync(join(OUT, f));
    }
    for (const p of paths) {
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
          : await sharedStack();
      try {
        await recordPath(p, ph, t0, index);
      } finally {
        if (ph !== h) await ph.close();
      }
    }
  } finally {
    await h?.close();
  }
  const indexed = Object.fromEntries(index.map((e) => [e.file.replace(/\.json$/, ''), e]));
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(indexed, null, 2) + '\n');
  return index;
}

/** Runs one path and writes the history of each run of its chain (and of its child restore's, for a drill). */
async function recordPath(p: HistoryPath, h: Stack, t0: number, index: IndexEntry[]): Promise<void> {
  const r = await p.run(h);
  // A run that did not end as its path says is not a history of that path: refuse to record it.
  if (!isDeepStrictEqual(r.outcome, p.expect))
    throw new Error(`${p.name}: ended as ${JSON.stringify(r.outcome)}, expected ${JSON.stringify(p.expect)}`);
  if (r.restore?.outcome !== p.expectRestore)
    throw new Error(`${p.name}: its restore ended as ${r.restore?.outcome ?? '(none)'}, expected ${p.expectRestore}`);
  await recordChain(h, { path: p.name, file: p.name, workflowType: p.workflowType }, r, t0, index);
  if (r.restore)
    await recordChain(
      h,
      { path: p.name, file: `${p.name}.restore`, workflowType: 'restoreWorkflow', parent: r.workflowId },
      r.restore,
      t0,
      index,
    );
}

/** Writes the history of each run of one workflow's chain (continue-as-new) as <file>.json or <file>.run<N>.json. */
async function recordChain(
  h: Stack,
  o: { path: string; file: string; workflowType: string; parent?: string },
  r: RecordedRun,
  t0: number,
  index: IndexEntry[],
): Promise<void> {
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
    const file = runs.length > 1 ? `${o.file}.run${i + 1}.json` : `${o.file}.json`;
    const text = JSON.stringify(history);
    writeFileSync(join(OUT, file), text + '\n');
    // EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW → CONTINUED_AS_NEW
    const closeStatus = (history.events.at(-1)?.eventType ?? '').replace(/^EVENT_TYPE_WORKFLOW_EXECUTION_/, '');
    index.push({
      path: o.path,
      file,
      workflowType: o.workflowType,
      workflowId: r.workflowId,
      runId,
      run: i + 1,
      closeStatus,
      outcome: r.outcome,
      events: history.events.length,
      bytes: text.length + 1,
      ...(o.parent ? { parent: o.parent } : {}),
    });
    console.log(
      `${file}: ${history.events.length} events, ${((text.length + 1) / 1024).toFixed(1)} KB, ${closeStatus} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  });
}

test('record the histories of every path', async () => {
  const paths = selectedPaths();
  const index = await recordAll(paths);
  expect(index.map((e) => e.path)).toEqual(expect.arrayContaining(paths.map((p) => p.name)));
  // A chain of continue-as-new was recorded, and its first run ends in continue-as-new.
  if (paths.some((p) => p.name === 'continued-as-new'))
    expect(index.some((e) => e.closeStatus === 'CONTINUED_AS_NEW')).toBe(true);
  const total = index.reduce((n, e) => n + e.bytes, 0);
  console.log(`${index.length} histories, ${(total / 1024 / 1024).toFixed(2)} MB`);
}, 900_000);
