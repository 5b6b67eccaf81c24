// How the CLI speaks: results to stdout (one JSON object with -o json), messages to stderr.
export type OutputFormat = 'text' | 'json';

export const say = (msg: string): void => {
  process.stderr.write(msg + '\n');
};

export function emit(format: OutputFormat, value: unknown, text: () => string): void {
  process.stdout.write(format === 'json' ? JSON.stringify(value, null, 2) + '\n' : text() + '\n');
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
