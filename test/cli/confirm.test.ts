// The typed-name confirmation (an injected prompt stands in for the terminal).
import { startCommand } from '../../client/commands/start';
import { CliError } from '../../client/output';
import type { Stack } from '../helpers/stack';
import { startStack } from '../helpers/stack';
import { addPair } from '../helpers/world';

let h: Stack;
beforeAll(async () => {
  h = await startStack({ server: 'dev', sim: { era: 'legacy' } });
});
afterAll(() => h?.close());

const flags = (p: ReturnType<typeof addPair>) => ({
  projectId: p.projectId,
  clusterName: p.source.name,
  snapshotId: p.snapshotId,
  targetClusterName: p.target.name,
  // Verification (on by default) needs the simulator's data plane; this test is about the confirmation.
  verify: 'false',
  output: 'json' as const,
  taskQueue: h.taskQueue,
});

test('a wrong name refuses (exit 2) and starts nothing; the right name starts the restore', async () => {
  const p = addPair(h.sim.world, { restoreMs: 1_000 });
  const asked: string[] = [];
  const wrong = await startCommand(h.env.client, flags(p), async (q) => (asked.push(q), 'prod')).catch(
    (e: unknown) => e,
  );
  expect(wrong).toBeInstanceOf(CliError);
  expect((wrong as CliError).exitCode).toBe(2);
  expect(asked[0]).toContain(p.target.name);
  await expect(
    h.env.client.workflow.getHandle(`atlas-restore-${p.projectId}-${p.target.name}`).describe(),
  ).rejects.toThrow();

  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await startCommand(h.env.client, { ...flags(p), wait: true }, async () => ` ${p.target.name} `);
    expect(code).toBe(0);
  } finally {
    write.mockRestore();
  }
  expect(h.sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(1);
});
