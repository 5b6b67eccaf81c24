// The target as the Admin API describes it for the verify step: its state and the connection string to use
// (`standardSrv`, else `standard`). Flex first; the Clusters API for an M2/M5 that still answers there.
import type { AtlasClient } from '../atlas/client';
import { AtlasApiError } from '../atlas/errors';

export interface TargetDescription {
  stateName: string;
  /** Without credentials (Atlas never puts any in it). */
  connectionString?: string;
  describedBy: 'flex-api' | 'clusters-api';
}

type Strings = { standard?: string; standardSrv?: string } | undefined;
const pick = (s: Strings): string | undefined => s?.standardSrv || s?.standard || undefined;

export async function describeTarget(atlas: AtlasClient, groupId: string, name: string): Promise<TargetDescription> {
  try {
    const c = await atlas.getFlexCluster(groupId, name);
    return {
      stateName: c.stateName ?? 'UNKNOWN',
      connectionString: pick(c.connectionStrings),
      describedBy: 'flex-api',
    };
  } catch (e) {
    if (!(e instanceof AtlasApiError && e.errorCode === 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API')) throw e;
  }
  const c = await atlas.getCluster(groupId, name);
  return {
    stateName: c.stateName ?? 'UNKNOWN',
    connectionString: pick(c.connectionStrings),
    describedBy: 'clusters-api',
  };
}
