// The demo's last case: a restore that Atlas reports COMPLETED, but that left part of the data behind (the
// simulator's partial-restore fault), caught by the verify step: VERIFY_FAILED, exit code 7.
import type { Client } from '@temporalio/client';
import { say } from '../client/output';
import { waitWithProgress } from '../client/progress';
import { resultText } from '../client/result-text';
import { startRestore } from '../client/start';
import type { RestoreInput } from '../common/input';
import { datasetFor } from '../simulator/datasets';
import type { AtlasSimulator } from '../simulator/server';

/** The demo target the fault is set on: Atlas "completes" restores into it with a collection missing, half the rest. */
const PARTIAL_TARGET = 'staging-partial';

/** Runs the case; returns its workflow id when it ended VERIFY_FAILED, as it must. */
export async function verifyFailedCase(
  client: Client,
  sim: AtlasSimulator,
  like: RestoreInput,
): Promise<string | undefined> {
  const source = sim.world.cluster(like.projectId, like.clusterName)!;
  sim.world.addCluster({
    groupId: like.projectId,
    name: PARTIAL_TARGET,
    kind: source.kind,
    instanceSize: source.instanceSize,
    restoreDurationMs: 5_000,
    partialRestore: { missingCollections: 1, keepFraction: 0.5 },
  });
  // What the snapshot holds, as the caller expects to get it back: every collection with its document count.
  const snapshot = sim.world.snapshots.get(like.snapshotId);
  const expected = (snapshot?.dataset ?? datasetFor(like.snapshotId)).databases.flatMap((d) =>
    d.collections.map((c) => ({ db: d.name, collection: c.name, minCount: c.count })),
  );
  say(
    [
      '',
      `Demo of a failed verification: snapshot ${like.snapshotId} again, into ${PARTIAL_TARGET}.`,
      `The simulator's partial-restore fault is set on ${PARTIAL_TARGET}: Atlas will report the job COMPLETED, but`,
      'leave out the last collection and half of the documents of the others (the case of',
      'terraform-provider-mongodbatlas #642). The request asks the verify step for every collection of the snapshot',
      `with its document count (verify.collections: ${expected.map((e) => `${e.db}.${e.collection} >= ${e.minCount}`).join(', ')}).`,
    ].join('\n'),
  );
  const { handle } = await startRestore(client, {
    ...like,
    targetClusterName: PARTIAL_TARGET,
    reason: 'atlas-restore demo: a partial restore caught by verification',
    verify: { timeout: '2m', collections: expected },
  });
  const result = await waitWithProgress(handle);
  process.stdout.write(resultText(result) + '\n');
  if (result.outcome !== 'VERIFY_FAILED') {
    say(`The demo expected VERIFY_FAILED here, and got ${result.outcome}: something is wrong with this build.`);
    return undefined;
  }
  say(
    [
      `VERIFY_FAILED (exit code 7): Atlas completed the job, and the checks above show what it left behind. The`,
      `target keeps what was restored (rollbackOnFailure does not apply to VERIFY_FAILED): look at it, then restore`,
      'again. Without the expectations, the default checks (the target answers and is not empty) would have passed:',
      'docs/verification.md says what to ask for.',
    ].join('\n'),
  );
  return handle.workflowId;
}
