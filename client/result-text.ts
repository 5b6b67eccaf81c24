// A restore result as a person reads it in a terminal.
import type { Check, RestoreResult } from '../common/result';
import type { Verification } from '../common/verification';
import { sanitize } from '../common/text';

export const checkLine = (c: Check): string =>
  `    ${c.status === 'pass' ? 'ok  ' : c.status === 'warn' ? 'warn' : 'FAIL'} ${c.name}: ${sanitize(c.evidence)}`;

export function resultText(r: RestoreResult): string {
  const lines = [`${r.outcome}  ${r.workflowId}`];
  if (r.reason) lines.push(`  why: ${sanitize(r.reason)}`);
  if (r.backend) lines.push(`  backend: ${r.backend}`);
  if (r.restoreJobId) lines.push(`  restore job: ${r.restoreJobId} (${r.jobStatus ?? '?'})`);
  if (r.restoreFinishedDate) lines.push(`  restoreFinishedDate: ${r.restoreFinishedDate}`);
  lines.push(`  polls: ${r.polls}; started ${r.startedAt}; finished ${r.finishedAt}`);
  if (r.checks.length) {
    lines.push('  checks:');
    for (const c of r.checks) lines.push(checkLine(c));
  }
  if (r.verification) lines.push(...verificationLines(r.verification));
  if (r.compensations.length) {
    lines.push('  compensation:');
    for (const s of r.compensations) lines.push(`    ${s.status.padEnd(7)} ${s.step}: ${sanitize(s.detail)}`);
  }
  return lines.join('\n');
}

/** Collections of the manifest shown in text (`-o json` has them all). */
const MANIFEST_LINES = 20;

/** The verify step's report: status, checks, and the manifest of what the target holds. */
function verificationLines(v: Verification): string[] {
  const m = v.manifest;
  const of = v.after === 'rollback' ? ' (of the target the rollback put back)' : '';
  const lines = [
    `  verification: ${v.status}${of}${m ? `: ${m.databases} databases, ${m.collections} collections, ${m.documents} documents` : ''}${v.status === 'SKIPPED' && v.reason ? ` (${sanitize(v.reason)})` : ''}`,
  ];
  for (const c of v.checks) lines.push(`    ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${sanitize(c.evidence)}`);
  if (m?.items.length) {
    lines.push('  manifest:');
    for (const i of m.items.slice(0, MANIFEST_LINES))
      lines.push(
        `    ${sanitize(`${i.db}.${i.collection}`).padEnd(30)} ${String(i.count).padStart(8)} docs  indexes ${sanitize(i.indexes.join(', '))}`,
      );
    const more = m.items.length - MANIFEST_LINES + (m.omitted?.collections ?? 0);
    if (more > 0) lines.push(`    ... ${more} more collections (-o json shows the listed ones)`);
  }
  return lines;
}
