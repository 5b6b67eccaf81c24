// The README's five-minute tour runs as written: the commands between its tour markers, one by one, from the clone's
// root through a shell (as pasted), against the demo (`./bin/atlas-restore dev`: dev server, simulator, worker, the
// demo restore), each with the exit code the README gives (`# exit N` at the end of a line, else 0).
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../harness/kit/paths';
import { baseEnv, BIN, freePort } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';

interface Step {
  command: string;
  exit: number;
}

/** The tour's commands, from the ```sh block between `<!-- tour:start` and `<!-- tour:end -->`. */
function tourSteps(readme: string): Step[] {
  const block = /<!-- tour:start[^]*?```sh\n([^]*?)```[^]*?<!-- tour:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no tour block');
  return block[1]
    .split('\n')
    .filter((l) => l.startsWith('./bin/atlas-restore '))
    .map((l) => ({ command: l.trim(), exit: Number(/# exit (\d+)\s*$/.exec(l)?.[1] ?? 0) }));
}

function sh(command: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], { cwd: PROJECT_ROOT, env, timeout: 300_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

let demo: ChildProcess | undefined;
let demoErr = '';
/** Ctrl-C, as a person ends the demo; then anything of its process group still running (its Temporal server). */
afterAll(async () => {
  if (!demo?.pid) return;
  if (demo.exitCode === null) {
    const exited = new Promise((r) => demo!.once('exit', r));
    demo.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  try {
    process.kill(-demo.pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
}, 60_000);

test("the README's tour, against the demo, with the README's exit codes", async () => {
  const steps = tourSteps(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));
  expect(steps.length).toBeGreaterThanOrEqual(8);
  const [port, uiPort] = [await freePort(), await freePort()];
  demo = spawn(process.execPath, [BIN, 'dev', '--port', String(port), '--uiPort', String(uiPort)], {
    cwd: PROJECT_ROOT,
    env: baseEnv({ ATLAS_RESTORE_LOG_LEVEL: 'WARN' }),
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so that the dev server it starts can be stopped with it.
    detached: true,
  });
  demo.stderr!.on('data', (d: Buffer) => (demoErr += d.toString()));
  await pollUntil(
    async () => demoErr,
    (e) => e.includes('Everything stays up'),
    { timeoutMs: 240_000, everyMs: 500, what: 'the demo' },
  );

  const env = baseEnv({ TEMPORAL_ADDRESS: `127.0.0.1:${port}`, TEMPORAL_NAMESPACE: 'default' });
  const ran: [string, number][] = [];
  for (const step of steps) {
    // As an operator reads `status` before approving: the approval is open once preflight has passed.
    const approve = /^\.\/bin\/atlas-restore approve (\S+)/.exec(step.command);
    if (approve)
      await pollUntil(
        async () => JSON.parse((await sh(`./bin/atlas-restore status ${approve[1]} -o json`, env)).stdout) as Json,
        (s) => s.awaitingApproval === true,
        { timeoutMs: 60_000, what: 'the approval wait' },
      );
    const r = await sh(step.command, env);
    if (r.code !== step.exit) process.stderr.write(`${step.command}\n${r.stdout}\n${r.stderr}\n`);
    ran.push([step.command, r.code]);
  }
  expect(ran).toEqual(steps.map((s) => [s.command, s.exit]));
}, 600_000);

type Json = Record<string, unknown>;
