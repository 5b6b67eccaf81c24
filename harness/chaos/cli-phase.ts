// The runbook's view of a chaos run: the CLI (a subprocess, with every credential in its environment as an
// operator's shell may have them) starts, watches, inspects and fails restores. Its output, failures included, goes
// to the secret scan; its exit codes are checked against the contract (0 completed, 4 compensated, 2 refused).
import type { AtlasSimulator } from '../product/dev-tools';
import { restoreWorkflowId } from '../product/common';
import type { CliRun } from '../kit/cli';
import { runCli } from '../kit/cli';

export interface CliPhase {
  runs: CliRun[];
  /** Runs whose exit code or output broke the CLI's contract. */
  unexpected: string[];
}

export async function cliPhase(sim: AtlasSimulator, env: NodeJS.ProcessEnv): Promise<CliPhase> {
  const w = sim.world;
  // One project per restore: restores sharing a project under Atlas's rate limit can starve each other's preflight
  // (README.md, "Known issues").
  const pair = (name: string) => {
    const projectId = w.addProject(w.newId());
    const source = w.addCluster({
      groupId: projectId,
      name: `cli-${name}-src`,
      kind: 'tenant',
      instanceSize: 'M5',
    }).name;
    const target = w.addCluster({
      groupId: projectId,
      name: `cli-${name}-dst`,
      kind: 'tenant',
      instanceSize: 'M5',
    }).name;
    const snapshotId = w.addSnapshot({ groupId: projectId, clusterName: source }).id;
    w.addSnapshot({ groupId: projectId, clusterName: target });
    return {
      args: [
        '--projectId',
        projectId,
        '--clusterName',
        source,
        '--snapshotId',
        snapshotId,
        '--targetClusterName',
        target,
      ],
      id: restoreWorkflowId({ projectId, targetClusterName: target }),
      projectId,
      target,
    };
  };
  const ok = pair('ok');
  const failing = pair('fail');
  const dry = pair('dry');
  const planner = w.planner;
  w.planner = (j) =>
    j.targetCluster === failing.target && j.snapshotId !== w.snapshotsOf(failing.projectId, failing.target)[0]?.id
      ? { durationMs: 1_500, endsAs: 'FAILED' }
      : j.targetCluster.startsWith('cli-')
        ? { durationMs: 1_500 }
        : (planner?.(j) ?? { durationMs: 2_000 });

  const runs: CliRun[] = [];
  const unexpected: string[] = [];
  const run = async (args: string[], code: number, check?: (r: CliRun) => string | undefined) => {
    const r = await runCli(args, env);
    runs.push(r);
    const why = r.code !== code ? `exit ${r.code}, expected ${code}` : check?.(r);
    if (why) unexpected.push(`atlas-restore ${args.slice(0, 2).join(' ')} …: ${why}: ${r.stderr.slice(-300)}`);
    return r;
  };
  const outcome = (want: string) => (r: CliRun) => {
    try {
      const o = (JSON.parse(r.stdout) as { outcome?: string }).outcome;
      return o === want ? undefined : `outcome ${o}, expected ${want}`;
    } catch {
      return 'stdout is not one JSON object';
    }
  };

  await Promise.all([
    run(
      ['start', ...ok.args, '--verify', 'false', '--force', '--wait', '-o', 'json', '--reason', 'CHAOS-CLI ok'],
      0,
      outcome('COMPLETED'),
    ),
    run(
      [
        'start',
        ...failing.args,
        '--verify',
        'false',
        '--force',
        '--wait',
        '--rollbackOnFailure',
        '--reason',
        'CHAOS-CLI fails',
      ],
      4,
    ),
    run(['start', ...dry.args, '--dryRun', '--wait'], 0),
  ]);
  // Inspection, and error paths (they print too): approving or cancelling a finished restore is refused with exit 2.
  await Promise.all([
    run(['status', ok.id, '-o', 'json'], 0),
    run(['status', failing.id], 4),
    run(['history', failing.id], 0),
    run(['history', failing.id, '-o', 'json'], 0),
    run(['list', '-o', 'json'], 0),
    run(['list', '--status', 'failed'], 0),
    run(['approve', ok.id, '--by', 'bob'], 2),
    run(['cancel', failing.id], 2),
    run(['status', 'atlas-restore-no-such-restore'], 2),
  ]);
  w.planner = planner;
  return { runs, unexpected };
}
