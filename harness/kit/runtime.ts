// The SDK's Rust core logs through one Runtime per process: install a quiet one once, before the first worker, so
// a test file or a benchmark does not print the core's INFO lines. The core's lines are forwarded to the logger
// (stderr): left to the core's console they go to stdout, into the bench's --json. Later calls change nothing.
import type { LogLevel } from '@temporalio/worker';
import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

export function quietRuntime(level: LogLevel = 'ERROR'): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({
      logger: new DefaultLogger(level),
      telemetryOptions: { logging: { filter: { core: level, other: level }, forward: {} } },
    });
  } catch {
    // Already installed in this process by someone else.
  }
}
