// How the CLI speaks: results to stdout (one JSON object with -o json), messages to stderr.
import { EXIT } from '../common/exit-codes';
import { sanitizeLines } from '../common/text';

export type OutputFormat = 'text' | 'json';

// Text for a terminal passes the one sanitizer (common/text.ts): what a restore, Atlas or an approver wrote cannot
// steer the terminal. Builders sanitize untrusted values they embed (a line break in them is shown as \x0a).
export const say = (msg: string): void => {
  process.stderr.write(sanitizeLines(msg) + '\n');
};

export function emit(format: OutputFormat, value: unknown, text: () => string): void {
  process.stdout.write(format === 'json' ? JSON.stringify(value, null, 2) + '\n' : sanitizeLines(text()) + '\n');
}

/** A clean, one-line failure with an exit code (no stack trace for expected errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Exit 6: a different request holds the target (or the batch name). With -o json: one TARGET_BUSY object on stdout. */
export function busyExit(format: OutputFormat, e: { workflowId: string; runId?: string; message: string }): number {
  say(`error: ${e.message}`);
  if (format === 'json')
    emit(format, { error: 'TARGET_BUSY', workflowId: e.workflowId, runId: e.runId, message: e.message }, () => '');
  return EXIT.targetBusy;
}
