// "Same request" (issue 11.1): a second start into a busy target attaches only when its normalized input is the same
// (every field but requester and reason); anything else is refused with exit 6, TARGET_BUSY, nothing started.
// The CLI runs as a real process against a dev server, the simulator and a worker process.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { spawn } from 'node:child_process';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import type { CliRun } from '../helpers/cli';
import { BIN, cliEnvFor, startArgs, startWorkerProcess } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { addPair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let cliEnv: NodeJS.ProcessEnv;
const taskQueue = `same-${process.pid}`;
/** A task queue no worker polls: a restore started there stays running (busy target) for as long as a test needs. */
const idleQueue = `idle-${process.pid}`;

beforeAll(async () => {
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  cliEnv = cliEnvFor(env.address, taskQueue);
  worker = await startWorkerProcess({ ...cliEnv, MONGODB_ATLAS_BASE_URL: sim.url, ATLAS_RESTORE_LOG_LEVEL: 'WARN' });
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

/** The CLI as a process, killed after `timeoutMs` (code null) so a wrong attach cannot hang the test. */
function cli(args: string[], e: NodeJS.ProcessEnv = cliEnv, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(t);
      resolve({ code, stdout, stderr });
    });
  });
}

const idOf = (p: Pair) => `atlas-restore-${p.projectId}-${p.target.name}`;

/** Starts a restore that stays running (on a queue no worker polls) and returns its run id. */
async function busy(p: Pair, ...flags: string[]): Promise<string> {
  const r = await cli(startArgs(p, '--force', '-o', 'json', ...flags), {
    ...cliEnv,
    ATLAS_RESTORE_TASK_QUEUE: idleQueue,
  });
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { runId: string }).runId;
}

test('a real start while a dry run of the same snapshot runs does not attach to it: exit 6, nothing started', async () => {
  const p = addPair(sim.world, { restoreMs: 1_000 });
  // Preflight of this pair takes a few seconds, so the dry run is still running when the real start comes.
  sim.faults.add({ operation: '*', groupId: p.projectId, action: { kind: 'delay', ms: 1_500 } });
  const dry = await cli(startArgs(p, '--dryRun', '-o', 'json'));
  expect(dry.code).toBe(0);
  const dryRun = (JSON.parse(dry.stdout) as { runId: string }).runId;

  const real = await cli(startArgs(p, '--force', '--wait', '-o', 'json'));
  expect(real.code).toBe(6);
  expect(JSON.parse(real.stdout)).toEqual({
    error: 'TARGET_BUSY',
    workflowId: idOf(p),
    runId: dryRun,
    message: expect.stringMatching(/^target busy: another restore into this target is running/),
  });
  expect(real.stderr).toMatch(/target busy/);
  sim.faults.clear();
  // The dry run goes on to its own end; no job was ever created for the target.
  const result = await env.client.workflow.getHandle(idOf(p), dryRun).result();
  expect(result.outcome).toBe('DRY_RUN');
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toEqual([]);
});

test.each([
  ['requireApproval', ['--requireApproval'], []],
  ['rollbackOnFailure', ['--rollbackOnFailure'], []],
  ['deadline', ['--deadline', '2h'], ['--deadline', '3h']],
  ['backend', ['--backend', 'tenant'], []],
  ['dryRun', ['--dryRun'], []],
])(
  'a request differing in %s is refused (exit 6, text), the running restore untouched',
  async (_name, first, second) => {
    const p = addPair(sim.world);
    const runId = await busy(p, ...first);
    const r = await cli(startArgs(p, '--force', ...second));
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/target busy: another restore into this target is running/);
    expect(r.stderr).toContain(idOf(p));
    const d = await env.client.workflow.getHandle(idOf(p)).describe();
    expect([d.runId, d.status.name]).toEqual([runId, 'RUNNING']);
    await env.client.workflow.getHandle(idOf(p)).terminate('test done');
  },
);

test('a request differing in polling (configuration) is refused too', async () => {
  const p = addPair(sim.world);
  await busy(p);
  const r = await cli(startArgs(p, '--force', '-o', 'json'), { ...cliEnv, ATLAS_RESTORE_POLL_MAX_S: '7' });
  expect(r.code).toBe(6);
  expect((JSON.parse(r.stdout) as { error: string }).error).toBe('TARGET_BUSY');
  await env.client.workflow.getHandle(idOf(p)).terminate('test done');
});

test('the same request again (only requester and reason differ) returns the running restore: exit 0, existing', async () => {
  const p = addPair(sim.world);
  const runId = await busy(p, '--requester', 'alice', '--reason', 'CHG-1');
  const r = await cli(startArgs(p, '--force', '-o', 'json', '--requester', 'bob', '--reason', 'CHG-2'));
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ workflowId: idOf(p), runId, existing: true });
  await env.client.workflow.getHandle(idOf(p)).terminate('test done');
});
