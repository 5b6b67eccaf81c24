// Registers our custom search attributes on a namespace, idempotently: `atlas-restore setup` (product), and the
// time-skipping test server (which rejects unregistered attributes) through devserver/search-attributes.ts.
import type { ConnectionLike } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../common/constants';

const IVT = temporal.api.enums.v1.IndexedValueType;
const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  KEYWORD: IVT.INDEXED_VALUE_TYPE_KEYWORD,
  DOUBLE: IVT.INDEXED_VALUE_TYPE_DOUBLE,
  INT: IVT.INDEXED_VALUE_TYPE_INT,
  TEXT: IVT.INDEXED_VALUE_TYPE_TEXT,
  BOOL: IVT.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: IVT.INDEXED_VALUE_TYPE_DATETIME,
};

/** Returns the names it added (those already present are left alone). */
export async function registerSearchAttributes(connection: ConnectionLike, namespace: string): Promise<string[]> {
  let existing: Record<string, unknown> = {};
  try {
    const r = await connection.operatorService.listSearchAttributes({ namespace });
    existing = { ...(r.customAttributes ?? {}), ...(r.systemAttributes ?? {}) };
  } catch {
    // Some servers (the time-skipping test server) do not list; just try to add.
  }
  const missing = ALL_SEARCH_ATTRIBUTES.filter((k) => !(k.name in existing));
  if (!missing.length) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, TYPES[k.type]])),
    });
  } catch (e) {
    if (!/already exists/i.test((e as Error).message)) throw e;
  }
  return missing.map((k) => k.name);
}
