// The scratch cluster's life in a drill: create (once per attempt; after an ambiguous failure, look it up by name and
// tags before anything else), wait for IDLE, and the teardown that always runs: delete until Atlas answers 404, retried
// until the drill's deadline, then LEFT_BEHIND naming the cluster. Never a cluster this run did not create.
import { isCancellation, sleep, workflowInfo } from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import { FAILURE } from '../common/failure-types';
import { nowMs } from './clock';
import { drillCreate, drillDelete, drillReads } from './drill-acts';
import type { DrillRun } from './drill-state';

/** Creates tried after an ambiguous failure whose lookup found nothing. */
const CREATE_ATTEMPTS = 3;
const MAX_WAIT_MS = 15_000;

function scratchRef(run: DrillRun) {
  const s = run.r.scratch!;
  // The run tag: the first run's id (stable across retries of this drill run).
  return { drill: run.d.name, run: workflowInfo().firstExecutionRunId, projectId: s.projectId, name: s.clusterName };
}

/** A failure that says nothing was done (a 4xx, a refusal): not ambiguous. */
const definite = (e: unknown): boolean => describeFailure(e).nonRetryable;

/** Creates the scratch cluster (or adopts this run's own after an ambiguous create) and waits until it is IDLE. */
export async function createScratchCluster(
  run: DrillRun,
  o: { providerName: 'AWS' | 'AZURE' | 'GCP'; regionName: string },
): Promise<string> {
  const ref = scratchRef(run);
  let last: string;
  for (let attempt = 1; ; attempt++) {
    // The undo is on the stack before the create is sent: from here the teardown looks for the cluster.
    run.createSent = true;
    try {
      const { adopted } = await drillCreate.drillCreateCluster.executeWithOptions(
        { summary: `Create scratch Flex cluster ${ref.name}` },
        [{ ...ref, ...o }],
      );
      run.r.scratch!.created = true;
      last = adopted ? 'found this run’s own cluster (an earlier create did the work)' : 'created';
      break;
    } catch (e) {
      if (isCancellation(e)) throw e;
      const d = describeFailure(e);
      if (definite(e))
        throw new Error(`the scratch cluster ${ref.name} could not be created: ${d.message}`, { cause: e });
      // Ambiguous (timeout, 5xx, reset): did it do the work? Look it up by name and tags before anything else.
      const found = await drillReads.drillFindCluster.executeWithOptions(
        { summary: `Look up ${ref.name} after an ambiguous create` },
        [ref],
      );
      if (found.found === 'ours') {
        run.r.scratch!.created = true;
        last = `the create answered ${d.message}, but it had created the cluster`;
        break;
      }
      if (found.found === 'foreign')
        throw new Error(
          `a cluster named ${ref.name} exists and is not this drill run's (tags: ${found.tags}): a drill restores only into a cluster it creates`,
          { cause: e },
        );
      if (attempt >= CREATE_ATTEMPTS)
        throw new Error(
          `the scratch cluster ${ref.name} could not be created after ${attempt} attempts: ${d.message}`,
          {
            cause: e,
          },
        );
      await sleep(2 ** attempt * 1000);
    }
  }
  const t0 = nowMs();
  for (let wait = 1000; ; wait = Math.min(wait * 1.5, MAX_WAIT_MS)) {
    const c = await drillReads.drillFindCluster.executeWithOptions({ summary: `Is ${ref.name} IDLE?` }, [ref]);
    if (c.found !== 'ours') throw new Error(`the scratch cluster ${ref.name} disappeared while it was being created`);
    if (c.stateName === 'IDLE') return `${last}; IDLE after ${Math.round((nowMs() - t0) / 1000)} s`;
    await sleep(wait);
  }
}

/** Deletes the scratch cluster until Atlas answers 404, or the deadline passes. Runs whatever happened before. */
export async function teardown(run: DrillRun): Promise<void> {
  const s = run.r.scratch;
  if (!s || !run.createSent) return;
  run.phase('TEARDOWN');
  const stage = run.begin('teardown');
  const ref = scratchRef(run);
  let last: string;
  let tries = 0;
  let failures = 0;
  for (let wait = 1000; ; wait = Math.min(wait * 2, 30_000)) {
    tries++;
    try {
      const r = await drillDelete.drillDeleteCluster.executeWithOptions({ summary: `Delete ${ref.name}` }, [ref]);
      if (r.gone) {
        s.deleted = true;
        const retried = failures ? ` (after ${failures} failed delete call(s))` : '';
        return run.end(stage, `${s.created ? 'deleted, 404 confirmed' : 'nothing to delete (404)'}${retried}`);
      }
      if ('foreign' in r) {
        run.foreign = r.foreign;
        return run.end(stage, `not touched: ${ref.name} is not this drill run's cluster (tags: ${r.foreign})`);
      }
      last = `${ref.name} is ${r.stateName}`;
    } catch (e) {
      const d = describeFailure(e);
      failures++;
      last = `delete failed: ${d.message}`;
      // A refusal (the policy) will not change by trying again.
      if (d.type === FAILURE.refused) return run.end(stage, `${last}; not retried`);
    }
    if (nowMs() + wait >= run.deadlineAtMs)
      return run.end(stage, `not deleted by the deadline after ${tries} tries (${last})`);
    await sleep(wait);
  }
}

/** The teardown's last word, for the reason of a LEFT_BEHIND drill. */
export const teardownDetail = (run: DrillRun): string =>
  run.r.stages.find((x) => x.name === 'teardown')?.detail ?? 'the teardown did not run';
