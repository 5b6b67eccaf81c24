// What a drill asks of Atlas (issue 22): the snapshot to prove, the scratch Flex cluster's lifecycle (create, look up,
// delete until 404) and the janitor. A scratch cluster is "ours" only when it carries this drill's tag and this run's
// tag: a drill never restores into, and never deletes, a cluster it did not create.
import { ApplicationFailure } from '@temporalio/common';
import type { AtlasClient } from '../atlas/client';
import { AtlasApiError } from '../atlas/errors';
import { describeCluster, resolveBackend } from '../atlas/routing';
import type { FlexCluster } from '../atlas/schemas';
import { DRILL_TAG_KEY } from '../common/drill';

/** The second tag of a scratch cluster: the drill run (first run id) that created it. */
export const DRILL_RUN_TAG_KEY = 'atlas-restore-drill-run';

export interface DrillSnapshotRequest {
  drill: string;
  projectId: string;
  clusterName: string;
  snapshotId?: string;
  minAgeS?: number;
  providerName?: string;
  region?: string;
}

export interface DrillSnapshot {
  snapshotId: string;
  finishedAt: string;
  backend: 'tenant' | 'flex';
  providerName: 'AWS' | 'AZURE' | 'GCP';
  regionName: string;
}

export interface ScratchRef {
  drill: string;
  /** The drill run's tag value (its first run id). */
  run: string;
  projectId: string;
  name: string;
}

export interface ScratchCreate extends ScratchRef {
  providerName: 'AWS' | 'AZURE' | 'GCP';
  regionName: string;
}

/** What a lookup by name found: our cluster (and its state), someone else's, or nothing. */
export type ScratchLookup =
  { found: 'ours'; stateName: string } | { found: 'foreign'; stateName: string; tags: string } | { found: 'none' };

const drillFailure = (type: string, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

const isNotFound = (e: unknown) => e instanceof AtlasApiError && e.status === 404;

const PROVIDERS = ['AWS', 'AZURE', 'GCP'] as const;
type Provider = (typeof PROVIDERS)[number];

/** The newest COMPLETED snapshot (or the one asked for, or the newest at least minAge old) and the source's region. */
export async function pickSnapshot(atlas: AtlasClient, r: DrillSnapshotRequest, nowMs: number): Promise<DrillSnapshot> {
  const { backend } = await resolveBackend(atlas, r.projectId, r.clusterName, 'auto');
  const snaps = (await atlas.listSnapshots(backend, r.projectId, r.clusterName)).filter(
    (s) => s.status === 'COMPLETED' && s.finishTime && !Number.isNaN(Date.parse(s.finishTime)),
  );
  const where = `source ${r.clusterName} (project ${r.projectId})`;
  let pick;
  if (r.snapshotId) {
    pick = snaps.find((s) => s.id === r.snapshotId);
    if (!pick) throw drillFailure('DrillNoSnapshot', `${where} has no COMPLETED snapshot ${r.snapshotId}`);
  } else {
    const before = r.minAgeS !== undefined ? nowMs - r.minAgeS * 1000 : Infinity;
    pick = snaps
      .filter((s) => Date.parse(s.finishTime!) <= before)
      .sort((a, b) => Date.parse(b.finishTime!) - Date.parse(a.finishTime!))[0];
    if (!pick)
      throw drillFailure(
        'DrillNoSnapshot',
        `${where} has no COMPLETED snapshot${r.minAgeS !== undefined ? ` at least ${r.minAgeS} s old` : ''} (${snaps.length} COMPLETED in all)`,
      );
  }
  const region = await sourceRegion(atlas, r.projectId, r.clusterName);
  const providerName = (r.providerName ?? region.providerName) as Provider | undefined;
  const regionName = r.region ?? region.regionName;
  if (!providerName || !PROVIDERS.includes(providerName) || !regionName)
    throw drillFailure(
      'DrillNoRegion',
      `${where}: its provider and region could not be read (${providerName ?? '?'}/${regionName ?? '?'}); give providerName and region`,
    );
  return { snapshotId: pick.id, finishedAt: pick.finishTime!, backend, providerName, regionName };
}

/** The source's backing provider and region: the Flex description's providerSettings, else its tenant region. */
async function sourceRegion(
  atlas: AtlasClient,
  projectId: string,
  name: string,
): Promise<{ providerName?: string; regionName?: string }> {
  const view = await describeCluster(atlas, projectId, name);
  if (view.describedBy === 'flex-api') {
    const ps = (await atlas.getFlexCluster(projectId, name)).providerSettings as
      { backingProviderName?: string; regionName?: string } | undefined;
    return { providerName: ps?.backingProviderName, regionName: ps?.regionName };
  }
  const c = await atlas.getCluster(projectId, name);
  const rc = (c.replicationSpecs ?? []).flatMap((s) => s.regionConfigs ?? [])[0] as
    { backingProviderName?: string; regionName?: string } | undefined;
  return { providerName: rc?.backingProviderName, regionName: rc?.regionName };
}

const tagOf = (c: FlexCluster, key: string) => c.tags?.find((t) => t.key === key)?.value;
const isOurs = (c: FlexCluster, r: ScratchRef) =>
  tagOf(c, DRILL_TAG_KEY) === r.drill && tagOf(c, DRILL_RUN_TAG_KEY) === r.run;

/** Looks the scratch cluster up by name, and tells ours (both tags) from anyone else's. */
export async function findScratch(atlas: AtlasClient, r: ScratchRef): Promise<ScratchLookup> {
  let c: FlexCluster;
  try {
    c = await atlas.getFlexCluster(r.projectId, r.name);
  } catch (e) {
    if (isNotFound(e)) return { found: 'none' };
    // Not a Flex cluster, but a cluster by that name: not ours.
    if (e instanceof AtlasApiError && e.errorCode === 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API')
      return { found: 'foreign', stateName: 'UNKNOWN', tags: '(not a Flex cluster)' };
    throw e;
  }
  if (isOurs(c, r)) return { found: 'ours', stateName: c.stateName ?? 'UNKNOWN' };
  return {
    found: 'foreign',
    stateName: c.stateName ?? 'UNKNOWN',
    tags: (c.tags ?? []).map((t) => `${t.key}=${t.value}`).join(', ') || '(none)',
  };
}

/**
 * The create, tried once: a name that exists is refused (a drill never restores into a cluster it did not create),
 * unless it is this run's own (an earlier ambiguous create that did the work).
 */
export async function createScratch(atlas: AtlasClient, r: ScratchCreate): Promise<{ adopted: boolean }> {
  const before = await findScratch(atlas, r);
  if (before.found === 'ours') return { adopted: true };
  if (before.found === 'foreign')
    throw drillFailure(
      'DrillClusterExists',
      `a cluster named ${r.name} already exists in project ${r.projectId} (tags: ${before.tags}): a drill restores only into a cluster it creates`,
    );
  await atlas.createFlexCluster(r.projectId, {
    name: r.name,
    providerSettings: { backingProviderName: r.providerName, regionName: r.regionName },
    terminationProtectionEnabled: false,
    tags: [
      { key: DRILL_TAG_KEY, value: r.drill },
      { key: DRILL_RUN_TAG_KEY, value: r.run },
    ],
  });
  return { adopted: false };
}

/** One step of the teardown: gone (404) is done; ours is deleted (or still DELETING); someone else's is never touched. */
export async function deleteScratch(
  atlas: AtlasClient,
  r: ScratchRef,
): Promise<{ gone: true } | { gone: false; stateName: string } | { gone: false; foreign: string }> {
  const c = await findScratch(atlas, r);
  if (c.found === 'none') return { gone: true };
  if (c.found === 'foreign') return { gone: false, foreign: c.tags };
  if (c.stateName !== 'DELETING') {
    try {
      await atlas.deleteFlexCluster(r.projectId, r.name);
    } catch (e) {
      if (isNotFound(e)) return { gone: true };
      throw e;
    }
  }
  return { gone: false, stateName: 'DELETING' };
}

export interface JanitorRequest {
  drill: string;
  projectId: string;
  /** Clusters of this drill created before this (ISO) are leftovers. */
  createdBefore: string;
}

export interface JanitorReport {
  found: string[];
  deleted: string[];
  leftBehind: string[];
}

/** Deletes the scratch clusters of this drill that earlier runs left (tagged for it, older than the drill's deadline). */
export async function janitor(
  atlas: AtlasClient,
  r: JanitorRequest,
  allowed: (name: string) => boolean,
): Promise<JanitorReport> {
  const cutoff = Date.parse(r.createdBefore);
  const leftovers = (await atlas.listFlexClusters(r.projectId)).filter((c) => {
    const created = Date.parse(String((c as { createDate?: unknown }).createDate ?? ''));
    return tagOf(c, DRILL_TAG_KEY) === r.drill && !!c.name && !Number.isNaN(created) && created < cutoff;
  });
  const report: JanitorReport = { found: [], deleted: [], leftBehind: [] };
  for (const c of leftovers) {
    const name = c.name!;
    report.found.push(name);
    if (!allowed(name) || c.terminationProtectionEnabled === true) {
      report.leftBehind.push(name);
      continue;
    }
    try {
      if (c.stateName !== 'DELETING') await atlas.deleteFlexCluster(r.projectId, name);
      report.deleted.push(name);
    } catch (e) {
      if (isNotFound(e)) report.deleted.push(name);
      else report.leftBehind.push(name);
    }
  }
  return report;
}
