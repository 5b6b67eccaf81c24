// How long an operator waits for `atlas-restore start` (process start → the workflow is started and the process
// has exited), next to the Temporal CLI's own `temporal workflow start` of the same workflow against the same
// server, measured alternately in the same run. Both start on a task queue no worker polls; the probes are
// terminated afterwards. `atlas-restore --version` (module loading, no network) and a bare `node -e 0` are timed as
// well, to tell where our time goes.
import { spawn } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { temporalCliPath } from '../product/dev-tools';
import { RESTORE_WORKFLOW_TYPE, type RestoreInput } from '../product/common';
import { BIN } from '../kit/paths';
import { median } from './stats';
import type { BenchPair } from './world';

export interface CliTimings {
  samples: number;
  atlasRestoreStartS: number[];
  temporalWorkflowStartS: number[];
  atlasRestoreVersionS: number[];
  nodeBareS: number[];
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      const s = (performance.now() - t0) / 1000;
      if (code === 0) resolve(s);
      else reject(new Error(`${cmd} ${args.slice(0, 3).join(' ')} exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

export async function timeCliStarts(o: {
  client: Client;
  address: string;
  namespace: string;
  probeQueue: string;
  probes: BenchPair[];
}): Promise<CliTimings> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_ADDRESS: o.address,
    TEMPORAL_NAMESPACE: o.namespace,
    ATLAS_RESTORE_TASK_QUEUE: o.probeQueue,
  };
  const input = (p: BenchPair): RestoreInput => ({
    projectId: p.projectId,
    clusterName: p.source,
    snapshotId: p.snapshotIds[0],
    targetClusterName: p.target,
    acknowledgeDataLoss: true,
    verify: false,
    requester: 'atlas-restore-bench',
  });
  const ours = (p: BenchPair) =>
    timed(
      process.execPath,
      [
        BIN,
        'start',
        '--projectId',
        p.projectId,
        '--clusterName',
        p.source,
        '--snapshotId',
        p.snapshotIds[0],
        '--targetClusterName',
        p.target,
        '--requester',
        'atlas-restore-bench',
        '--verify',
        'false',
        '--force',
        '-o',
        'json',
      ],
      env,
    );
  const theirs = (p: BenchPair) =>
    timed(
      temporalCliPath(),
      [
        'workflow',
        'start',
        '--address',
        o.address,
        '--namespace',
        o.namespace,
        '--task-queue',
        o.probeQueue,
        '--type',
        RESTORE_WORKFLOW_TYPE,
        '--workflow-id',
        `atlas-restore-${p.projectId}-${p.target}`,
        '--input',
        JSON.stringify(input(p)),
      ],
      env,
    );
  const version = () => timed(process.execPath, [BIN, '--version'], env);
  const bare = () => timed(process.execPath, ['-e', '0'], env);

  // Each probe pair is used once: a start for a target that already has a running restore would take another path.
  const pairs = [...o.probes];
  const take = (): BenchPair => {
    const p = pairs.shift();
    if (!p) throw new Error('not enough probe pairs for the CLI timings');
    return p;
  };
  // One untimed round first: the page cache, not the tool, would otherwise decide the first sample.
  await ours(take());
  await theirs(take());
  await version();
  const samples = Math.floor(pairs.length / 2);
  const t: CliTimings = {
    samples,
    atlasRestoreStartS: [],
    temporalWorkflowStartS: [],
    atlasRestoreVersionS: [],
    nodeBareS: [],
  };
  for (let i = 0; i < samples; i++) {
    // Alternate which goes first, so neither always runs right after the other.
    if (i % 2 === 0) {
      t.atlasRestoreStartS.push(await ours(take()));
      t.temporalWorkflowStartS.push(await theirs(take()));
    } else {
      t.temporalWorkflowStartS.push(await theirs(take()));
      t.atlasRestoreStartS.push(await ours(take()));
    }
    t.atlasRestoreVersionS.push(await version());
    t.nodeBareS.push(await bare());
  }
  for await (const wf of o.client.workflow.list({
    query: `TaskQueue = '${o.probeQueue}' AND ExecutionStatus = 'Running'`,
  }))
    await o.client.workflow.getHandle(wf.workflowId, wf.runId).terminate('benchmark CLI timing probe');
  return t;
}

export const cliMedians = (t: CliTimings) => ({
  cliStartMedianS: median(t.atlasRestoreStartS),
  temporalCliStartMedianS: median(t.temporalWorkflowStartS),
  cliVersionMedianS: median(t.atlasRestoreVersionS),
  nodeBareMedianS: median(t.nodeBareS),
});
