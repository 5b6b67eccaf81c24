// The drill activities (issue 22), registered with the others in activities/index.ts. Each parses its input (its
// schema in activities/drill-schemas.ts), checks its caller is a run of the drill it names (activities/drill-guard.ts)
// and, where it changes something (create, delete, janitor), the worker's policy (a drill rule's scratch pattern).
import type { HttpClient } from 'urllib';
import type { NotifyResult, RestoreEvent } from '../common/events';
import type { DrillTrendPoint } from '../common/drill';
import type { ActivityDeps } from './index';
import type { ActivitySchema } from './schemas';
import type { DrillSnapshotRequest, JanitorRequest, ScratchCreate, ScratchRef } from './drill-atlas';
import { createScratch, deleteScratch, findScratch, janitor, pickSnapshot } from './drill-atlas';
import { checkDrillRun, requireDrillCaller } from './drill-guard';
import { drillTrend } from './drill-trend';
import { refuse } from './guard';
import { deliverEvent } from './notify';

type Wrap = <T, R>(name: string, schema: ActivitySchema, fn: (arg: T) => Promise<R>) => (arg: T) => Promise<R>;

export function drillActivities(deps: ActivityDeps, wrap: Wrap, http: HttpClient) {
  /** At the point of damage: the policy's drill rules (open mode: no policy, allowed). */
  const allowed = (name: string, drill: string, projectId: string, cluster: string): void => {
    const v = deps.policy?.drillVerdict(drill, projectId, cluster);
    if (v && !v.allowed) refuse(name, 'policy', v.evidence);
  };
  return {
    drillPickSnapshot: wrap('drillPickSnapshot', 'drillSnapshot', async (r: DrillSnapshotRequest) => {
      requireDrillCaller('drillPickSnapshot', r.drill);
      return pickSnapshot(deps.atlas, r, Date.now());
    }),
    /** The create, tried once by the workflow (a retry could meet its own cluster: it is adopted, not refused). */
    drillCreateCluster: wrap('drillCreateCluster', 'drillCreate', async (r: ScratchCreate) => {
      await checkDrillRun('drillCreateCluster', deps.temporal, r.drill, r.projectId);
      allowed('drillCreateCluster', r.drill, r.projectId, r.name);
      return createScratch(deps.atlas, r);
    }),
    drillFindCluster: wrap('drillFindCluster', 'drillScratch', async (r: ScratchRef) => {
      requireDrillCaller('drillFindCluster', r.drill);
      return findScratch(deps.atlas, r);
    }),
    drillDeleteCluster: wrap('drillDeleteCluster', 'drillScratch', async (r: ScratchRef) => {
      await checkDrillRun('drillDeleteCluster', deps.temporal, r.drill, r.projectId);
      allowed('drillDeleteCluster', r.drill, r.projectId, r.name);
      return deleteScratch(deps.atlas, r);
    }),
    drillJanitor: wrap('drillJanitor', 'drillJanitor', async (r: JanitorRequest) => {
      await checkDrillRun('drillJanitor', deps.temporal, r.drill, r.projectId);
      const p = deps.policy;
      return janitor(deps.atlas, r, (name) => !p || p.drillVerdict(r.drill, r.projectId, name).allowed);
    }),
    drillTrend: wrap('drillTrend', 'drillTrend', async (r: { drill: string }): Promise<DrillTrendPoint[]> => {
      const c = requireDrillCaller('drillTrend', r.drill);
      return drillTrend(deps.temporal, r.drill, c.runId);
    }),
    /** drill.passed / drill.failed / drill.left_behind, signed and delivered like the restore events. */
    drillNotify: wrap(
      'drillNotify',
      'drillEvent',
      async (
        e: Omit<RestoreEvent, 'id' | 'workflowId' | 'runId'> & { drill: { name: string } },
      ): Promise<NotifyResult> => {
        const c = requireDrillCaller('drillNotify', e.drill.name);
        // One event per drill run and type (a drill never continues as new): the id comes from the calling
        // execution, never from the input.
        const event: RestoreEvent = {
          ...e,
          id: `${c.workflowId}/${c.runId}/${e.type}`,
          workflowId: c.workflowId,
          runId: c.runId,
        };
        return deliverEvent(http, deps.webhook, event);
      },
    ),
  };
}
