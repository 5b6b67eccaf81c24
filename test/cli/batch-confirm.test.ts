// `batch` confirms like `start`: refused without a terminal unless --force; on a terminal the plan's name is typed.
// Nothing connects before that (the client source here fails the test if it is asked for).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { batchCommand } from '../../client/commands/batch';
import { CliError } from '../../client/output';
import { sourceCheckoutPart } from '../../client/source-checkout';

const P = 'a'.repeat(24);
const S = 'b'.repeat(24);
const flags = { wait: false, output: 'json' as const, taskQueue: 'none' };

function plan(extra: Record<string, unknown> = {}): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.yaml');
  const restores = ['t1', 't2'].map((t) => ({
    projectId: P,
    clusterName: 'src',
    snapshotId: S,
    targetClusterName: t,
    acknowledgeDataLoss: true,
    ...extra,
  }));
  writeFileSync(file, JSON.stringify({ name: 'nightly-refresh', restores }));
  return file;
}

class Connected extends Error {}
const noConnect = (): Promise<Client> => Promise.reject(new Connected('connected'));

test('no terminal and no --force: refused, exit 2, nothing connects', async () => {
  const e = await batchCommand(noConnect, plan(), flags, undefined).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(CliError);
  expect((e as CliError).exitCode).toBe(2);
  expect((e as Error).message).toMatch(/refusing to start a batch without --force/);
});

test("on a terminal the plan's name is asked for; a wrong answer starts nothing, the right one goes on", async () => {
  const asked: string[] = [];
  const say = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const wrong = await batchCommand(noConnect, plan(), flags, async (q) => (asked.push(q), 'nightly')).catch(
      (x: unknown) => x,
    );
    expect((wrong as CliError).exitCode).toBe(2);
    expect(asked[0]).toContain('nightly-refresh');
    const right = await batchCommand(noConnect, plan(), flags, async () => ' nightly-refresh ').catch(
      (x: unknown) => x,
    );
    expect(right).toBeInstanceOf(Connected);
    // --force, and a plan of dry runs only, need no confirmation.
    expect(
      await batchCommand(noConnect, plan(), { ...flags, force: true }, undefined).catch((x: unknown) => x),
    ).toBeInstanceOf(Connected);
    expect(
      await batchCommand(noConnect, plan({ dryRun: true }), flags, undefined).catch((x: unknown) => x),
    ).toBeInstanceOf(Connected);
  } finally {
    say.mockRestore();
  }
});

test('the demo and the simulator are not part of a product build: a clear message, exit 2', () => {
  // Run from the sources there is no demo/dev.js next to client/: exactly the situation of a product-only build.
  expect(() => sourceCheckoutPart('demo', 'dev.js')).toThrow(
    /not part of this build: the demo and simulator ship with a source checkout/,
  );
});
