// The recorded histories (test/histories/, written by `npm run record:histories`) and the workflow bundles they are
// replayed against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryAndWorkflowId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const HISTORIES_DIR = join(__dirname, '..', 'histories');
/** What `npm run build` writes (issue 12.1); replaying against it tests what ships. */

/** One recorded history (one run of a workflow), as index.json lists it. */
export interface IndexEntry {
  /** The path it belongs to (test/replay/history-paths.ts). */
  path: string;
  /** Its file in test/histories/. */
  file: string;
  workflowType: string;
  workflowId: string;
  runId: string;
  /** 1 for the first run; a chain of continue-as-new has 2, 3, ... */
  run: number;
  /** How this run closed, as its last event says: COMPLETED, FAILED, CONTINUED_AS_NEW, ... */
  closeStatus: string;
  /** What the path ended as (the restore's outcome, or a batch's outcome counts). */
  outcome: unknown;
  events: number;
  bytes: number;
}

export interface JsonHistory {
  events: { eventType: string; [attributes: string]: unknown }[];
}

export interface Recorded extends IndexEntry {
  history: JsonHistory;
}

/** The set recorded from the current code (test/histories/index.json). */
export function loadHistories(dir = HISTORIES_DIR): Recorded[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, IndexEntry>;
  return Object.values(index).map((e) => ({
    ...e,
    history: JSON.parse(readFileSync(join(dir, e.file), 'utf8')) as JsonHistory,
  }));
}

/**
 * Sets recorded from earlier builds, kept while restores of those builds may still run (docs/upgrading.md):
 * test/histories/archive/<name>/, moved there by `HISTORIES_ARCHIVE=<name> npm run record:histories`.
 */
export const ARCHIVE_DIR = join(HISTORIES_DIR, 'archive');
export function loadArchivedHistories(): { set: string; recorded: Recorded[] }[] {
  if (!existsSync(ARCHIVE_DIR)) return [];
  return readdirSync(ARCHIVE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ set: d.name, recorded: loadHistories(join(ARCHIVE_DIR, d.name)) }));
}

const { History } = temporal.api.history.v1;

/**
 * A history as a plain JSON-able object (64-bit ints, enums and bytes as strings). Not the CLI's/UI's proto-JSON: the
 * SDK reads that with historyFromJSON, which fails in this install ("type must be a Type": @temporalio/common and
 * @temporalio/proto each carry their own protobufjs 8 beside the project's protobufjs 7). toObject/fromObject are
 * the generated code's own converters, exact both ways.
 */
export const historyToObject = (h: temporal.api.history.v1.IHistory): JsonHistory =>
  History.toObject(History.fromObject(h), { longs: String, enums: String, bytes: String }) as JsonHistory;

/** For Worker.runReplayHistories. Histories hold no workflow id: the index does. */
export const forReplay = (rs: Recorded[]): HistoryAndWorkflowId[] =>
  rs.map((r) => ({ workflowId: r.workflowId, history: History.fromObject(r.history) }));
