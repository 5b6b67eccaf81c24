// Issue 21, items 1 and 3: the restore policy the worker owns (ATLAS_RESTORE_POLICY) and decisions bound to what was
// reviewed. A real dev server, worker processes (`atlas-restore worker`) and the simulator.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowUpdateFailedError } from '@temporalio/client';
import { restoreWorkflowId } from '../../common/input';
import type { RestoreResult } from '../../common/result';
import { startDevServer } from '../../devserver/devserver';
import { RestorePolicy } from '../../policy/policy';
import { signWithSshKey } from '../../policy/ssh';
import { canonicalStatement, newStatement } from '../../policy/statement';
import { AtlasSimulator } from '../../simulator/server';
import { approveUpdate, statusQuery } from '../../workflows/definitions';
import { cli, cliEnvFor, startArgs, startWorkerProcess } from '../helpers/cli';
import type { Pair } from '../helpers/world';
import { addPair } from '../helpers/world';

let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let cliEnv: NodeJS.ProcessEnv;
const taskQueue = `policy-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'policy-test-'));
const policyFile = join(dir, 'policy.yaml');
const key = (who: string) => join(dir, who);

const POLICY = `version: 1
allowedSigners: allowed_signers
groups:
  dbas: [bob@example.com]
rules:
  - name: gated
    target: "*/gated-*"
    approval:
      approvers: 1
      from: [group:dbas]
  - name: open-stage
    target: "*/stage-*"
`;

beforeAll(async () => {
  // Real keys, made by ssh-keygen: alice requests, bob (a DBA) approves, carol is listed but no DBA, mallory unlisted.
  for (const who of ['alice', 'bob', 'carol', 'mallory'])
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who, '-f', key(who)]);
  writeFileSync(
    join(dir, 'allowed_signers'),
    ['alice', 'bob', 'carol'].map((w) => `${w}@example.com ${readFileSync(`${key(w)}.pub`, 'utf8')}`).join(''),
  );
  writeFileSync(policyFile, POLICY);
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'legacy' });
  cliEnv = cliEnvFor(env.address, taskQueue);
  worker = await startWorkerProcess({
    ...cliEnv,
    MONGODB_ATLAS_BASE_URL: sim.url,
    ATLAS_RESTORE_POLICY: policyFile,
    ATLAS_RESTORE_LOG_LEVEL: 'WARN',
  });
});
afterAll(async () => {
  // Kept for a failed run: what the worker said (its temp dir is printed by jest's failure messages).
  writeFileSync(join(dir, 'worker.log'), worker?.output() ?? '');
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
});

let n = 0;
const named = (prefix: string): Pair =>
  addPair(sim.world, { restoreMs: 500, target: { name: `${prefix}-${++n}-${process.pid}` } });
const idOf = (p: Pair) => restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target.name });
const fast = ['--force'];

async function awaitingApproval(id: string, runId?: string): Promise<void> {
  const h = env.client.workflow.getHandle(id, runId);
  for (const t0 = Date.now(); Date.now() - t0 < 60_000; await new Promise((r) => setTimeout(r, 200)))
    if (
      await h.query(statusQuery).then(
        (s) => s.awaitingApproval,
        () => false,
      )
    )
      return;
  throw new Error(`${id} never waited for approval`);
}

test('a bad policy file stops the worker, naming the line', async () => {
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'version: 1\nrules:\n  - name: x\n    target: "not a target"\n');
  const r = await cli(['worker'], { ...cliEnv, MONGODB_ATLAS_BASE_URL: sim.url, ATLAS_RESTORE_POLICY: bad });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /ATLAS_RESTORE_POLICY: invalid policy .*bad\.yaml:\n\s+.*bad\.yaml:4: rules\.0\.target: must be/,
  );
});

test('the worker announces its policy; a target no rule allows: PREFLIGHT_FAILED, exit 3, nothing was changed', async () => {
  expect(worker.output()).toContain(`restore policy ${policyFile} (sha256:`);
  const p = named('prod');
  const r = await cli(startArgs(p, ...fast, '--wait', '-o', 'json'), cliEnv);
  expect(r.code).toBe(3);
  const out = JSON.parse(r.stdout) as RestoreResult;
  expect(out.outcome).toBe('PREFLIGHT_FAILED');
  expect(out.targetChanged).toBe('no');
  expect(out.reason).toMatch(/policy \(no rule of the restore policy .* allows target/);
  expect(out.policy).toMatchObject({ mode: 'enforced', digest: expect.stringMatching(/^sha256:/) });
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
});

test('the policy adds an approval; only a signed approval by another listed principal, for the reviewed run, counts', async () => {
  // Without a signed start the requester is unknown: refused before anything changes.
  const unsigned = named('gated');
  const u = await cli(startArgs(unsigned, ...fast, '--wait', '-o', 'json', '--requester', 'alice'), cliEnv);
  expect(u.code).toBe(3);
  expect((JSON.parse(u.stdout) as RestoreResult).reason).toMatch(/signature \(the start is not signed by a listed key/);

  const p = named('gated');
  const waiting = cli(
    startArgs(p, ...fast, '--wait', '-o', 'json', '--requester', 'alice', '--signingKey', key('alice')),
    cliEnv,
  );
  const id = idOf(p);
  await awaitingApproval(id);
  const h = env.client.workflow.getHandle(id);
  const runId = (await h.describe()).runId;
  const st = await h.query(statusQuery);
  expect(st.policy).toMatchObject({ mode: 'enforced', rule: 'gated', approvers: 1, requester: 'alice@example.com' });
  const text = await cli(['status', id], cliEnv);
  expect(text.stdout).toContain(`request digest ${st.requestDigest}; run ${runId}`);
  expect(text.stdout).toContain('requested by alice@example.com (verified)');
  expect(text.stdout).toMatch(/policy: sha256:[0-9a-f]+, rule 'gated', approval by 1 required/);

  const approve = (...extra: string[]) => cli(['approve', id, '--runId', runId, ...extra], cliEnv);
  const unbound = await h.executeUpdate(approveUpdate, { args: [{ by: 'bob' }] }).catch((e: unknown) => e);
  expect((unbound as WorkflowUpdateFailedError).cause?.message).toMatch(/must name the run id and request digest/);
  expect((await cli(['approve', id, '--by', 'bob'], cliEnv)).stderr).toMatch(/needs --runId/);
  expect((await approve('--by', 'bob')).stderr).toMatch(/asks for a signed decision/);
  expect((await approve('--by', 'mallory', '--signingKey', key('mallory'))).stderr).toMatch(/not in allowed_signers/);
  // The Cyrillic а: the name typed no longer matters, the key does.
  expect((await approve('--by', '\u0430lice', '--signingKey', key('alice'))).stderr).toMatch(
    /alice@example.com is the requester/,
  );
  expect((await approve('--by', 'carol', '--signingKey', key('carol'))).stderr).toMatch(
    /carol@example.com is not listed to decide under rule 'gated'/,
  );
  const old = canonicalStatement(
    newStatement(
      { action: 'approve', workflowId: id, runId, requestDigest: st.requestDigest! },
      Date.now() - 20 * 60_000,
    ),
  );
  const expired = await h
    .executeUpdate(approveUpdate, {
      args: [
        {
          by: 'bob',
          runId,
          requestDigest: st.requestDigest,
          signed: { statement: old, signature: await signWithSshKey(key('bob'), old) },
        },
      ],
    })
    .catch((e: unknown) => e);
  expect((expired as WorkflowUpdateFailedError).cause?.message).toMatch(/approve refused: .*expired at/);
  expect((await h.query(statusQuery)).awaitingApproval).toBe(true);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);

  const ok = await approve('--by', 'Bob', '--signingKey', key('bob'));
  expect(ok.stdout).toMatch(/approved by bob@example.com \(verified\)/);
  const r = await waiting;
  expect(r.code).toBe(0);
  const result = JSON.parse(r.stdout) as RestoreResult;
  const digest = `sha256:${createHash('sha256').update(POLICY).digest('hex')}`;
  expect(result.policy).toEqual({
    mode: 'enforced',
    digest,
    rule: 'gated',
    approvers: 1,
    signedStart: false,
    requester: 'alice@example.com',
  });
  expect(result.approvedBy).toBe('bob@example.com');
  expect(result.audit.find((e) => e.type === 'policy')).toMatchObject({ data: { digest, rule: 'gated' } });
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(1);
}, 180_000);

test('the run swap: an approval for the run that was reviewed does not approve the next run', async () => {
  const p = named('stage');
  const id = idOf(p);
  // Bob reviews run 1 (source src-N); it is cancelled; run 2 into the same target starts from another snapshot.
  expect((await cli(startArgs(p, ...fast, '--requireApproval', '--requester', 'alice'), cliEnv)).code).toBe(0);
  await awaitingApproval(id);
  const run1 = (await env.client.workflow.getHandle(id).describe()).runId;
  const reviewed = await env.client.workflow.getHandle(id, run1).query(statusQuery);
  expect((await cli(['cancel', id], cliEnv)).code).toBe(0);
  await env.client.workflow
    .getHandle(id, run1)
    .result()
    .catch(() => undefined);
  const other = sim.world.addSnapshot({ groupId: p.projectId, clusterName: p.source.name });
  const second = { ...p, snapshotId: other.id };
  expect((await cli(startArgs(second, ...fast, '--requireApproval', '--requester', 'carol'), cliEnv)).code).toBe(0);
  const run2 = (await env.client.workflow.getHandle(id).describe()).runId;
  expect(run2).not.toBe(run1);
  await awaitingApproval(id, run2);

  const swapped = await cli(['approve', id, '--runId', run1, '--by', 'bob'], cliEnv);
  expect(swapped.code).toBe(2);
  expect(swapped.stderr).toMatch(/you reviewed a different request/);
  // An SDK sending run 1's binding to whatever runs now is refused by the workflow itself.
  const raw = await env.client.workflow
    .getHandle(id)
    .executeUpdate(approveUpdate, { args: [{ by: 'bob', runId: run1, requestDigest: reviewed.requestDigest }] })
    .catch((e: unknown) => e);
  expect((raw as WorkflowUpdateFailedError).cause?.message).toMatch(/you reviewed a different request/);
  expect((await env.client.workflow.getHandle(id).query(statusQuery)).awaitingApproval).toBe(true);
  expect(sim.world.jobsIntoTarget(p.projectId, p.target.name)).toHaveLength(0);
  await env.client.workflow.getHandle(id).cancel();
}, 120_000);

test('the example policy in the repo is valid, and its rules read as docs/policy.md says', () => {
  const file = join(__dirname, '../../policy/example.yaml');
  const p = RestorePolicy.parse(readFileSync(file, 'utf8'), file);
  expect(p.verdict('5f0123456789abcdef012345', 'prod-orders')).toMatchObject({ rule: 'prod', approvers: 1 });
  expect(p.verdict('0123456789abcdef01234567', 'stage-7')).toMatchObject({ rule: 'staging', approvers: 0 });
  expect(p.verdict('0123456789abcdef01234567', 'prod-orders')).toMatchObject({ allowed: false });
  expect(p.mayApprove(p.ruleFor('5f0123456789abcdef012345', 'prod-x')!, 'bob@corp.example')).toBe(true);
  expect(p.mayApprove(p.ruleFor('5f0123456789abcdef012345', 'prod-x')!, 'carol@corp.example')).toBe(false);
});
