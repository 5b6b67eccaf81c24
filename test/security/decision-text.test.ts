// Issue 21, item 5: bounded, clean decision text, one sanitizer for what the CLI prints and a webhook's text carries,
// and `list` queries built only from validated values. A real dev server, a worker process and the simulator.
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { HttpClient } from 'urllib';
import { deliverEvent } from '../../activities/notify';
import { restoreWorkflowId } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import { quoted } from '../../common/visibility';
import { WebhookSettings } from '../../config/webhook';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { approveUpdate, statusQuery } from '../../workflows/definitions';
import { cli, cliEnvFor, startArgs, startWorkerProcess } from '../helpers/cli';
import { addPair } from '../helpers/world';
import { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let cliEnv: NodeJS.ProcessEnv;
const taskQueue = `text-${process.pid}`;

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

async function awaitingApproval(workflowId: string): Promise<void> {
  const handle = env.client.workflow.getHandle(workflowId);
  for (const t0 = Date.now(); Date.now() - t0 < 60_000; await new Promise((r) => setTimeout(r, 200)))
    if (
      await handle.query(statusQuery).then(
        (s) => s.awaitingApproval,
        () => false,
      )
    )
      return;
  throw new Error(`${workflowId} never waited for approval`);
}

test('a 2 MB approve --by is refused by the validator; the restore keeps waiting, then completes with a real approval', async () => {
  const p = addPair(sim.world, { restoreMs: 1_000 });
  const started = await cli(startArgs(p, '--force', '--requireApproval', '--requester', 'alice'), cliEnv);
  expect(started.code).toBe(0);
  const id = restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target.name });
  await awaitingApproval(id);
  const handle = env.client.workflow.getHandle(id);
  const runId = (await handle.describe()).runId;
  // Open mode says so: the worker's banner, the status, the audit trail.
  expect(worker.output()).toContain('OPEN MODE: no restore policy (ATLAS_RESTORE_POLICY), identities unverified');
  expect((await cli(['status', id], cliEnv)).stdout).toMatch(/policy: OPEN MODE .*identities unverified/);
  // Too long for a command line (ARG_MAX): sent as any SDK or `temporal workflow update` would.
  const huge = await handle
    .executeUpdate(approveUpdate, { args: [{ by: 'b'.repeat(2_000_000 - 1024) }] })
    .catch((e: unknown) => e);
  expect(huge).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((huge as WorkflowUpdateFailedError).cause?.message).toMatch(/--by must be at most 200 characters/);
  const long = await cli(['approve', id, '--runId', runId, '--by', 'bob', '--comment', 'c'.repeat(1001)], cliEnv);
  expect(long.code).toBe(2);
  expect(long.stderr).toMatch(/--comment must be at most 1000 characters/);
  const esc = await cli(['approve', id, '--runId', runId, '--by', 'bob\u001b[2K\u202eecila'], cliEnv);
  expect(esc.code).toBe(2);
  expect(esc.stderr).toMatch(/must not contain control characters or bidirectional overrides/);
  expect((await handle.query(statusQuery)).awaitingApproval).toBe(true);

  const ok = await cli(['approve', id, '--runId', runId, '--by', 'bob'], cliEnv);
  expect(ok.code).toBe(0);
  const watched = await cli(['watch', id, '-o', 'json'], cliEnv);
  const result = JSON.parse(watched.stdout) as RestoreResult;
  expect(result).toMatchObject({ outcome: 'COMPLETED', policy: { mode: 'open' } });
  expect(result.audit.find((e) => e.type === 'policy')?.message).toMatch(/open mode.*identities unverified/);
}, 180_000);

test('start refuses a reason or requester with controls; what the CLI prints of a direct start is sanitized', async () => {
  const p = addPair(sim.world, { restoreMs: 500 });
  const bad = await cli(startArgs(p, '--force', '--reason', 'CHG-1\u001b]0;pwned\u0007'), cliEnv);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/reason: must not contain control characters/);
  const cyr = await cli(startArgs(p, '--force', '--requester', 'x'.repeat(201)), cliEnv);
  expect(cyr.code).toBe(2);

  // A direct start skips the CLI's schema: the workflow keeps the text, every printer shows it inert.
  const id = restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target.name });
  const h = await env.client.workflow.start(RESTORE_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: id,
    args: [
      { ...p.input, reason: 'line1\n\u001b[31mFAKE OK\u001b[0m \u202egnp.exe', polling: { initialS: 0.5, maxS: 1 } },
    ],
  });
  await h.result();
  const hist = await cli(['history', id], cliEnv);
  expect(hist.code).toBe(0);
  expect([...hist.stdout].filter((c) => c === '\u001b' || c === '\u202e')).toEqual([]);
  expect(hist.stdout).toContain('line1\\x0a\\x1b[31mFAKE OK\\x1b[0m \\u{202e}gnp.exe');
}, 120_000);

test("list builds its query only from valid values (a backslash no longer widens it), quoting \\ and '", async () => {
  const r = await cli(['list', '--targetClusterName', "x\\' OR WorkflowId != '#"], cliEnv);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/invalid --targetClusterName/);
  const pid = await cli(['list', '--projectId', 'abc\\'], cliEnv);
  expect(pid.code).toBe(2);
  expect(quoted("a\\'b")).toBe("'a\\\\\\'b'");
});

test("a webhook's text is one inert line: controls as \\xNN, Slack's &, <, > escaped", async () => {
  let body = '';
  const server = createServer((req: IncomingMessage, res) => {
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await deliverEvent(new HttpClient(), new WebhookSettings(url), {
      id: 'w/00000000-0000-0000-0000-000000000000/restore.failed',
      type: 'restore.failed',
      occurredAt: new Date().toISOString(),
      workflowId: 'w',
      runId: 'r',
      outcome: 'FAILED',
      reason: '<!channel> <https://evil.example|Atlas> & \u001b[2K',
      targetProjectId: '0123456789abcdef01234567',
      targetClusterName: 'dst',
    });
    const text = (JSON.parse(body) as { text: string }).text;
    expect(text).toContain('&lt;!channel&gt; &lt;https://evil.example|Atlas&gt; &amp; \\x1b[2K');
    expect([...text].filter((c) => '<>\u001b'.includes(c))).toEqual([]);
  } finally {
    server.close();
  }
});
