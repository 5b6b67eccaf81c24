// Activities of the fixed-timer peer: a bare create and a bare read through the same Atlas client as ours (so the
// calls are counted the same way by the simulator), without the preflight and the duplicate check ours makes.
import type { AtlasClient } from '../../product/atlas';
import type { FixedTimerInput } from './fixed-timer-workflow';

export function createFixedTimerActivities(atlas: AtlasClient) {
  return {
    async createRestoreJob(i: FixedTimerInput): Promise<string> {
      const job = await atlas.createRestore(i.backend, i.projectId, i.clusterName, {
        snapshotId: i.snapshotId,
        targetClusterName: i.targetClusterName,
        targetProjectId: i.projectId,
      });
      return job.id;
    },
    async readRestoreJob(r: {
      backend: 'tenant' | 'flex';
      projectId: string;
      clusterName: string;
      jobId: string;
    }): Promise<string> {
      return (await atlas.getRestoreJob(r.backend, r.projectId, r.clusterName, r.jobId)).status;
    },
  };
}

export type FixedTimerActivities = ReturnType<typeof createFixedTimerActivities>;
