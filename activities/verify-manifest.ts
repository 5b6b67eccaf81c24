// The manifest of what the target holds: per user database and collection, the document count and index names, and
// totals. Reads only. Bounded: every count runs under Flex's 300 s maxTimeMS cap, and collections past
// MANIFEST_MAX_COLLECTIONS are summarised from estimatedDocumentCount (metadata, no scan). Never dbHash (Flex lacks it).
import type { MongoClient } from 'mongodb';
import type { Manifest, ManifestCollection } from '../common/verification';
import { MANIFEST_MAX_COLLECTIONS } from '../common/verification';
import { heartbeat } from './verify-connect';

/** Databases that are not user data. */
const SYSTEM_DBS = new Set(['admin', 'config', 'local']);
/** Flex caps maxTimeMS at 300 s; stay under it. */
const MAX_TIME_MS = 290_000;

export async function readManifest(client: MongoClient, deadlineMs: number): Promise<Manifest> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  const dbNames = databases
    .map((d) => d.name)
    .filter((n) => !SYSTEM_DBS.has(n))
    .sort();
  const items: ManifestCollection[] = [];
  const omitted = { collections: 0, documents: 0 };
  let dataSizeBytes: number | undefined;
  const maxTimeMS = (): number => Math.max(1_000, Math.min(MAX_TIME_MS, deadlineMs - Date.now()));
  for (const name of dbNames) {
    const db = client.db(name);
    try {
      const stats = await db.command({ dbStats: 1 }, { timeoutMS: maxTimeMS() });
      if (typeof stats.dataSize === 'number') dataSizeBytes = (dataSizeBytes ?? 0) + stats.dataSize;
    } catch {
      // dbStats is an extra; a server without it still gets a manifest.
    }
    const colls = (await db.listCollections({}, { nameOnly: true }).toArray())
      .filter((c) => (c.type ?? 'collection') === 'collection' && !c.name.startsWith('system.'))
      .map((c) => c.name)
      .sort();
    for (const coll of colls) {
      const c = db.collection(coll);
      heartbeat({ manifest: items.length + omitted.collections });
      if (items.length >= MANIFEST_MAX_COLLECTIONS) {
        omitted.collections++;
        omitted.documents += await c.estimatedDocumentCount({ maxTimeMS: maxTimeMS() });
        continue;
      }
      const count = await c.countDocuments({}, { maxTimeMS: maxTimeMS() });
      const indexes = (await c.indexes()).map((i) => String(i.name)).sort();
      items.push({ db: name, collection: coll, count, indexes });
    }
  }
  const listed = items.reduce((a, i) => a + i.count, 0);
  return {
    databases: dbNames.length,
    collections: items.length + omitted.collections,
    documents: listed + omitted.documents,
    ...(dataSizeBytes !== undefined ? { dataSizeBytes } : {}),
    items,
    ...(omitted.collections ? { omitted } : {}),
  };
}
