// The audit trail: domain events a person can read, kept in workflow state, carried across continue-as-new and
// returned in the result. Poll events are the bulk of a long restore; when a run hands over to the next, runs of
// identical poll results are folded into one 'polls-summary' event, so the trail stays bounded yet loses no fact
// (every status change and the count and time span of every run of polls remain).
import type { AuditEvent } from '../common/result';
import { nowIso } from './clock';

export class AuditTrail {
  constructor(readonly events: AuditEvent[] = []) {}

  add(type: AuditEvent['type'], message: string, data?: AuditEvent['data']): void {
    this.events.push({ at: nowIso(), type, message, ...(data ? { data: clean(data) } : {}) });
  }

  /** The trail with consecutive polls of the same status folded together (for continue-as-new). */
  compacted(): AuditEvent[] {
    const out: AuditEvent[] = [];
    for (const e of this.events) {
      const prev = out[out.length - 1];
      const status = e.data?.status;
      if ((e.type === 'poll' || e.type === 'polls-summary') && prev && (prev.type === 'poll' || prev.type === 'polls-summary') && prev.data?.status === status) {
        const count = Number(prev.data?.count ?? 1) + Number(e.data?.count ?? 1);
        out[out.length - 1] = {
          at: prev.at,
          type: 'polls-summary',
          message: `${count} polls: job ${status}`,
          data: { status, count, firstAt: String(prev.data?.firstAt ?? prev.at), lastAt: String(e.data?.lastAt ?? e.at) },
        };
      } else out.push(e);
    }
    return out;
  }
}

function clean(d: NonNullable<AuditEvent['data']>): NonNullable<AuditEvent['data']> {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
}
