// A small, readable world for demos and manual runs: two projects with every kind of source and target a restore
// meets, including the ones Atlas refuses. Fixed ids, so a README or a demo script can name them.
import type { SimCluster, World } from './world';

export const DEMO_PROJECTS = { shop: '65a1d0c0ffee00000000a001', analytics: '65a1d0c0ffee00000000b002' } as const;

export interface DemoWorldOptions {
  /** The simulator clock's now, for snapshot times. */
  nowMs?: number;
  /** Restore duration for demo targets, ms (default: the world's). */
  restoreMs?: number;
}

export interface DemoWorld {
  projects: typeof DEMO_PROJECTS;
  /** Sources, each with a COMPLETED snapshot. */
  sources: { tenantM2: string; tenantM5: string; flex: string; dedicated: string };
  /** Targets; the last four are refused by Atlas (and by preflight). */
  targets: {
    tenantM5: string;
    flex: string;
    otherProjectM2: string;
    encrypted: string;
    paused: string;
    olderVersion: string;
    dedicated: string;
  };
  snapshots: {
    tenantM2: string;
    tenantM5: string;
    flex: string;
    dedicated: string;
    incomplete: string;
    olderVersion: string;
  };
}

export function buildDemoWorld(world: World, o: DemoWorldOptions = {}): DemoWorld {
  const now = o.nowMs ?? Date.now();
  const { shop, analytics } = DEMO_PROJECTS;
  const d = o.restoreMs;
  const add = (groupId: string, name: string, c: Partial<SimCluster>) =>
    world.addCluster({ groupId, name, restoreDurationMs: d, ...c }).name;
  const snap = (groupId: string, clusterName: string, id: string, status: 'COMPLETED' | 'RUNNING' = 'COMPLETED') =>
    world.addSnapshot({ groupId, clusterName, id, status }, now).id;

  const sources = {
    tenantM2: add(shop, 'shop-m2', { kind: 'tenant', instanceSize: 'M2' }),
    tenantM5: add(shop, 'orders-m5', { kind: 'tenant', instanceSize: 'M5' }),
    flex: add(shop, 'catalog-flex', { kind: 'flex' }),
    dedicated: add(shop, 'ledger-m10', { kind: 'dedicated', instanceSize: 'M10' }),
  };
  const targets = {
    tenantM5: add(shop, 'staging-m5', { kind: 'tenant', instanceSize: 'M5' }),
    flex: add(shop, 'staging-flex', { kind: 'flex' }),
    otherProjectM2: add(analytics, 'reports-m2', { kind: 'tenant', instanceSize: 'M2' }),
    encrypted: add(analytics, 'secure-m10', {
      kind: 'dedicated',
      instanceSize: 'M10',
      encryptionAtRestProvider: 'AWS',
    }),
    paused: add(analytics, 'paused-m10', { kind: 'dedicated', instanceSize: 'M10', paused: true }),
    olderVersion: add(analytics, 'legacy-m5', { kind: 'tenant', instanceSize: 'M5', mongoDBVersion: '7.0.14' }),
    dedicated: add(analytics, 'warehouse-m30', { kind: 'dedicated', instanceSize: 'M30' }),
  };
  const snapshots = {
    tenantM2: snap(shop, sources.tenantM2, '65a1d0c0ffee0000000051a1'),
    tenantM5: snap(shop, sources.tenantM5, '65a1d0c0ffee0000000051a2'),
    flex: snap(shop, sources.flex, '65a1d0c0ffee0000000051a3'),
    dedicated: snap(shop, sources.dedicated, '65a1d0c0ffee0000000051a4'),
    incomplete: snap(shop, sources.tenantM2, '65a1d0c0ffee0000000051a5', 'RUNNING'),
    olderVersion: snap(analytics, targets.olderVersion, '65a1d0c0ffee0000000051a6'),
  };
  // Recovery points for the healthy targets (what a rollback would restore).
  snap(shop, targets.tenantM5, '65a1d0c0ffee0000000051b1');
  snap(shop, targets.flex, '65a1d0c0ffee0000000051b2');
  snap(analytics, targets.otherProjectM2, '65a1d0c0ffee0000000051b3');
  return { projects: DEMO_PROJECTS, sources, targets, snapshots };
}
