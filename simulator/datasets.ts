// What a snapshot holds: databases, collections, documents and indexes, deterministic per snapshot id (or given
// explicitly), so a restore test knows exactly what the target must show afterwards.
import { seededRandom } from './faults';

export interface SimCollection {
  name: string;
  /** Number of documents ({_id, seq, tag, name}). */
  count: number;
  /** Secondary indexes, by field: each becomes `<field>_1` (seq or tag); `_id_` always exists. */
  indexes?: ('seq' | 'tag')[];
}

export interface SimDataset {
  databases: { name: string; collections: SimCollection[] }[];
}

/** How a restore that "completed" can still leave the target short (the partial-restore fault). */
export interface PartialRestore {
  /** Leave out the last N collections of the dataset. */
  missingCollections?: number;
  /** Keep only this share of each remaining collection's documents (0..1). */
  keepFraction?: number;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** 1-2 databases of 2-4 collections, 20-200 documents each: small enough to load in well under a second. */
export function datasetFor(snapshotId: string): SimDataset {
  const r = seededRandom(hash(snapshotId));
  const pick = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const names = ['orders', 'customers', 'invoices', 'events', 'products', 'sessions'];
  const databases = [];
  for (let d = 0, n = pick(1, 2); d < n; d++) {
    const collections: SimCollection[] = [];
    for (let c = 0, m = pick(2, 4); c < m; c++)
      collections.push({
        name: names[(d * 3 + c) % names.length],
        count: pick(20, 200),
        indexes: (['seq', 'tag'] as const).filter(() => r() < 0.5),
      });
    databases.push({ name: d === 0 ? 'app' : `app${d + 1}`, collections });
  }
  return { databases };
}

/** The dataset as a partial restore leaves it. */
export function applyPartial(ds: SimDataset, p: PartialRestore | undefined): SimDataset {
  if (!p) return ds;
  const all = ds.databases.flatMap((d) => d.collections.map((c) => ({ db: d.name, c })));
  const drop = new Set(all.slice(all.length - (p.missingCollections ?? 0)).map((x) => `${x.db}.${x.c.name}`));
  const keep = p.keepFraction ?? 1;
  return {
    databases: ds.databases
      .map((d) => ({
        name: d.name,
        collections: d.collections
          .filter((c) => !drop.has(`${d.name}.${c.name}`))
          .map((c) => ({ ...c, count: Math.floor(c.count * keep) })),
      }))
      .filter((d) => d.collections.length > 0),
  };
}

/** The documents of one collection, in insert order. */
export function documentsOf(c: SimCollection): { _id: number; seq: number; tag: number; name: string }[] {
  return Array.from({ length: c.count }, (_, i) => ({
    _id: i + 1,
    seq: i + 1,
    tag: i % 7,
    name: `${c.name}-${i + 1}`,
  }));
}
