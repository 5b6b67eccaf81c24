// A restore result as a person reads it in a terminal.
import type { Check, RestoreResult } from '../common/result';
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
  if (r.compensations.length) {
    lines.push('  compensation:');
    for (const s of r.compensations) lines.push(`    ${s.status.padEnd(7)} ${s.step}: ${sanitize(s.detail)}`);
  }
  return lines.join('\n');
}
