// The checks on a manifest, each with its evidence: non-empty (unless allowed), the caller's explicit expectations,
// and no collection dropping more than allowed against the last verified restore of the same source. Pure functions.
import type {
  CollectionExpectation,
  Manifest,
  ManifestCollection,
  VerificationCheck,
  VerifySettings,
} from '../common/verification';

const key = (db: string, coll: string): string => `${db}.${coll}`;

function notEmptyCheck(m: Manifest): VerificationCheck {
  return {
    name: 'not-empty',
    passed: m.collections > 0,
    evidence:
      m.collections > 0
        ? `${m.collections} collections in ${m.databases} databases, ${m.documents} documents`
        : 'no user collection on the target (set verify.allowEmpty: true if an empty target is expected)',
  };
}

function expectationCheck(m: Manifest, e: CollectionExpectation): VerificationCheck {
  const name = `collection ${key(e.db, e.collection)}`;
  const found = m.items.find((i) => i.db === e.db && i.collection === e.collection);
  if (!found)
    return {
      name,
      passed: false,
      evidence: m.omitted
        ? `not among the ${m.items.length} collections listed (${m.omitted.collections} more were not listed)`
        : 'missing on the target',
    };
  const problems: string[] = [];
  if (e.minCount !== undefined && found.count < e.minCount)
    problems.push(`count ${found.count} < minCount ${e.minCount}`);
  if (e.maxCount !== undefined && found.count > e.maxCount)
    problems.push(`count ${found.count} > maxCount ${e.maxCount}`);
  const missing = (e.indexes ?? []).filter((i) => !found.indexes.includes(i));
  if (missing.length) problems.push(`index(es) missing: ${missing.join(', ')}`);
  return {
    name,
    passed: problems.length === 0,
    evidence: problems.length ? problems.join('; ') : `count ${found.count}, indexes ${found.indexes.join(', ')}`,
  };
}

/** Previous: the manifest of the last verified restore of the same source (undefined: none found). */
export function compareCheck(
  m: Manifest,
  maxDropPct: number,
  previous: { workflowId: string; items: ManifestCollection[] } | undefined,
): VerificationCheck {
  const name = 'compare-with-previous';
  if (!previous) return { name, passed: true, evidence: 'no earlier verified restore of this source to compare with' };
  const now = new Map(m.items.map((i) => [key(i.db, i.collection), i.count]));
  const drops: string[] = [];
  for (const p of previous.items) {
    const count = now.get(key(p.db, p.collection)) ?? 0;
    if (p.count === 0) continue;
    const dropPct = ((p.count - count) / p.count) * 100;
    if (dropPct > maxDropPct) drops.push(`${key(p.db, p.collection)} ${p.count} -> ${count} (-${dropPct.toFixed(1)}%)`);
  }
  return {
    name,
    passed: drops.length === 0,
    evidence: drops.length
      ? `dropped more than ${maxDropPct}% against ${previous.workflowId}: ${drops.slice(0, 10).join('; ')}${drops.length > 10 ? `; and ${drops.length - 10} more` : ''}`
      : `no collection dropped more than ${maxDropPct}% against ${previous.workflowId} (${previous.items.length} collections)`,
  };
}

export function manifestChecks(
  m: Manifest,
  s: VerifySettings,
  previous: { workflowId: string; items: ManifestCollection[] } | undefined,
): VerificationCheck[] {
  const checks: VerificationCheck[] = [];
  if (!s.allowEmpty) checks.push(notEmptyCheck(m));
  for (const e of s.collections ?? []) checks.push(expectationCheck(m, e));
  if (s.compareWithPrevious) checks.push(compareCheck(m, s.compareWithPrevious.maxDropPct, previous));
  return checks;
}
