// The simulator's control API under /__sim/, for harnesses in another process (benchmarks, chaos runs). No Atlas
// auth, so it is served only when the simulator was started with `admin: true`.
//   GET    /__sim/jobs    every restore job: source, snapshot, target, createdAt, status
//   GET    /__sim/calls   call counts by operation and HTTP status
//   GET    /__sim/world   projects, clusters and snapshots
//   GET    /__sim/faults  the fault rules and how often each applied
//   POST   /__sim/faults  add rules (body: FaultRule[])
//   DELETE /__sim/faults  remove every rule
//   POST   /__sim/world   add projects/clusters/snapshots (body: the `projects`/`snapshots` part of a scenario file)
import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import { FaultRulesSchema } from './faults';
import { sendJson } from './respond';
import { addToWorld, fieldPath, WorldAdditionSchema } from './scenario';
import type { AtlasSimulator } from './server';
import { iso } from './world';

export async function handleAdmin(
  sim: AtlasSimulator,
  method: string,
  path: string,
  body: string,
  res: ServerResponse,
): Promise<void> {
  const nowMs = await sim.clock();
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const bad = (message: string): void => sendJson(res, 400, { error: 'invalid request', message });
  const parse = <T>(schema: z.ZodType<T>): T | undefined => {
    let json: unknown;
    try {
      json = JSON.parse(body || 'null');
    } catch {
      bad('the body is not JSON');
      return undefined;
    }
    const r = schema.safeParse(json);
    if (r.success) return r.data;
    bad(r.error.issues.map((i) => `${fieldPath(i.path) || '(body)'}: ${i.message}`).join('; '));
    return undefined;
  };

  switch (route) {
    case 'GET /__sim/jobs':
      return sendJson(res, 200, {
        jobs: [...sim.world.jobs.values()].map((j) => {
          const status = sim.world.jobStatus(j, nowMs);
          return {
            id: j.id,
            backend: j.backend,
            groupId: j.groupId,
            sourceCluster: j.sourceCluster,
            snapshotId: j.snapshotId,
            targetProjectId: j.targetProjectId,
            targetCluster: j.targetCluster,
            createdAt: iso(j.createdAtMs),
            status,
            ...(status === 'COMPLETED' || status === 'FAILED' ? { finishedAt: iso(j.createdAtMs + j.durationMs) } : {}),
          };
        }),
      });
    case 'GET /__sim/calls':
      return sendJson(res, 200, sim.callStats());
    case 'GET /__sim/world':
      return sendJson(res, 200, {
        era: sim.world.era,
        projects: [...sim.world.projects],
        clusters: [...sim.world.clusters.values()],
        snapshots: [...sim.world.snapshots.values()],
      });
    case 'GET /__sim/faults':
      return sendJson(res, 200, { rules: sim.faults.list() });
    case 'POST /__sim/faults': {
      const rules = parse(FaultRulesSchema);
      if (!rules) return;
      sim.faults.add(...rules);
      return sendJson(res, 200, { added: rules.length });
    }
    case 'DELETE /__sim/faults':
      sim.faults.clear();
      return sendJson(res, 200, { cleared: true });
    case 'POST /__sim/world': {
      const addition = parse(WorldAdditionSchema);
      if (!addition) return;
      try {
        const added = addToWorld(sim.world, addition, nowMs);
        return sendJson(res, 200, {
          clusters: added.clusters,
          snapshots: added.snapshots.map(({ id, groupId, clusterName, status }) => ({
            id,
            groupId,
            clusterName,
            status,
          })),
        });
      } catch (e) {
        return bad((e as Error).message);
      }
    }
  }
  sendJson(res, 404, { error: 'not found', message: `no admin route ${route}` });
}
