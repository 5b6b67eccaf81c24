// The drill subset's Flex cluster lifecycle: createGroupFlexCluster (201, CREATING → IDLE), listGroupFlexClusters,
// deleteGroupFlexCluster (204, DELETING, then 404). The cluster limit's and the duplicate name's error codes are not in
// the spec; the simulator's choice is said here. Create-slow and 5xx-after-the-work come from the fault rules (delay,
// after-commit), a delete failing for a while from a status rule with `times`.
import { canRestore } from './auth';
import type { HandlerContext } from './handlers';
import { SimError } from './handlers';
import type { SimCluster } from './world';
import { CLUSTER_NAME } from './world';

const PROVIDERS = ['AWS', 'AZURE', 'GCP'] as const;

const missing = (field: string): SimError =>
  new SimError(400, 'MISSING_ATTRIBUTE', `The required attribute ${field} was not specified.`, [
    { field, description: 'is required' },
  ]);
const invalid = (field: string, description: string): SimError =>
  new SimError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${field} specified.`, [{ field, description }]);

function ownerOnly(ctx: HandlerContext): void {
  if (!canRestore(ctx.role))
    throw new SimError(401, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.');
}

/** Validates FlexClusterDescriptionCreate20241113 and adds the cluster (CREATING for World.flexCreateMs). */
export function createFlex(groupId: string, body: unknown, ctx: HandlerContext): SimCluster {
  ownerOnly(ctx);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new SimError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (b.name === undefined) throw missing('name');
  if (typeof b.name !== 'string' || !CLUSTER_NAME.test(b.name))
    throw invalid('name', `must match ${CLUSTER_NAME.source}`);
  const ps = b.providerSettings as Record<string, unknown> | undefined;
  if (!ps || typeof ps !== 'object') throw missing('providerSettings');
  if (!PROVIDERS.includes(ps.backingProviderName as (typeof PROVIDERS)[number]))
    throw invalid('providerSettings.backingProviderName', 'AWS, AZURE or GCP');
  if (typeof ps.regionName !== 'string' || !ps.regionName) throw missing('providerSettings.regionName');
  const tags = b.tags ?? [];
  if (
    !Array.isArray(tags) ||
    !tags.every(
      (t: { key?: unknown; value?: unknown }) =>
        typeof t?.key === 'string' &&
        typeof t.value === 'string' &&
        t.key.length >= 1 &&
        t.key.length <= 255 &&
        t.value.length >= 1 &&
        t.value.length <= 255,
    )
  )
    throw invalid('tags', 'each tag needs a key and a value of 1-255 characters');
  if (b.terminationProtectionEnabled !== undefined && typeof b.terminationProtectionEnabled !== 'boolean')
    throw invalid('terminationProtectionEnabled', 'a boolean');
  const { world } = ctx;
  if (world.cluster(groupId, b.name))
    throw new SimError(409, 'DUPLICATE_CLUSTER_NAME', `A cluster named ${b.name} already exists in group ${groupId}.`);
  const count = [...world.clusters.values()].filter((c) => c.groupId === groupId).length;
  if (count >= world.maxClustersPerProject)
    throw new SimError(
      400,
      'TOO_MANY_CLUSTERS',
      `Project ${groupId} has ${count} clusters; each project supports up to ${world.maxClustersPerProject}.`,
    );
  return world.addCluster({
    groupId,
    name: b.name,
    kind: 'flex',
    createdAtMs: ctx.nowMs,
    terminationProtectionEnabled: (b.terminationProtectionEnabled as boolean | undefined) ?? false,
    tags: tags as SimCluster['tags'],
    backingProviderName: ps.backingProviderName as SimCluster['backingProviderName'],
    regionName: ps.regionName,
  });
}

export function deleteFlex(c: SimCluster, ctx: HandlerContext): undefined {
  ownerOnly(ctx);
  if (c.terminationProtectionEnabled)
    throw new SimError(
      400,
      'CANNOT_DELETE_CLUSTER_WITH_TERMINATION_PROTECTION',
      `Cluster ${c.name} has termination protection enabled.`,
    );
  c.deleteRequestedAtMs ??= ctx.nowMs;
  return undefined;
}
