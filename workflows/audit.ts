// The audit trail: domain events a person can read, kept in workflow state, carried across continue-as-new and
// returned in the result. It is bounded whatever the restore's length (a 30-day restore polls thousands of times):
// - runs of identical poll results fold into one 'polls-summary' event at each continue-as-new (count, first, last);
// - the first HEAD events (the request, the checks, the approval, the submit) and the last TAIL events stay as they
//   were; everything between them folds into ONE 'folded' event that counts what it replaced, per event type, and
//   the time span it covered;
// - a message is cut at MESSAGE_MAX characters, and the whole trail is kept under AUDIT_MAX_BYTES of JSON (the tail
//   shrinks first), so the carried state, the `audit` query answer and the result stay well under 256 KB.
import type { AuditEvent } from '../common/result';
import { cut } from '../common/text';
import { nowIso } from './clock';

import { AUDIT_HEAD, AUDIT_TAIL } from './audit-bounds';

const MESSAGE_MAX = 1500;
export const AUDIT_MAX_BYTES = 192 * 1024;

type Data = NonNullable<AuditEvent['data']>;

export class AuditTrail {
  readonly events: AuditEvent[];
  #bytes: number;

  constructor(events: AuditEvent[] = []) {
    this.events = [...events];
    this.#bytes = this.events.reduce((n, e) => n + size(e), 0);
    this.#bound();
  }

  add(type: AuditEvent['type'], message: string, data?: Data): void {
    const text = cut(message, MESSAGE_MAX);
    const e: AuditEvent = { at: nowIso(), type, message: text, ...(data ? { data: clean(data) } : {}) };
    this.events.push(e);
    this.#bytes += size(e);
    this.#bound();
  }

  /** Bytes of JSON the trail takes (approximately: the sum of its events' JSON). */
  get bytes(): number {
    return this.#bytes;
  }

  /** The trail with consecutive polls of the same status folded together (for continue-as-new). */
  compacted(): AuditEvent[] {
    const out: AuditEvent[] = [];
    for (const e of this.events) {
      const prev = out[out.length - 1];
      const status = e.data?.status;
      if (isPoll(e) && prev && isPoll(prev) && prev.data?.status === status && prev.data?.purpose === e.data?.purpose) {
        const count = Number(prev.data?.count ?? 1) + Number(e.data?.count ?? 1);
        out[out.length - 1] = {
          at: prev.at,
          type: 'polls-summary',
          message: `${count} polls: job ${status}`,
          data: clean({
            status,
            count,
            purpose: prev.data?.purpose,
            firstAt: String(prev.data?.firstAt ?? prev.at),
            lastAt: String(e.data?.lastAt ?? e.at),
          }),
        };
      } else out.push(e);
    }
    return out;
  }

  /**
   * Folds the middle of the trail into one 'folded' event until at most TAIL events follow it and the byte budget
   * holds. The fold sits after the first HEAD events (or earlier, once compaction has merged polls before it).
   */
  #bound(): void {
    const ev = this.events;
    for (;;) {
      let at = ev.findIndex((e) => e.type === 'folded');
      const tail = at < 0 ? ev.length - AUDIT_HEAD : ev.length - at - 1;
      if (tail <= 1 || (tail <= AUDIT_TAIL && this.#bytes <= AUDIT_MAX_BYTES)) return;
      if (at < 0) at = AUDIT_HEAD - 1;
      const [gone] = ev.splice(at + 1, 1);
      this.#bytes -= size(gone);
      const prev = ev[at]?.type === 'folded' ? ev[at] : undefined;
      const fold = merge(prev, gone);
      if (prev) {
        this.#bytes -= size(prev);
        ev[at] = fold;
      } else ev.splice(at + 1, 0, fold);
      this.#bytes += size(fold);
    }
  }
}

/** The 'folded' event after folding `e` into it: counts per type (a polls-summary counts its polls), time span. */
function merge(fold: AuditEvent | undefined, e: AuditEvent): AuditEvent {
  const d: Data = { ...(fold?.data ?? { firstAt: e.at }) };
  const key = e.type === 'polls-summary' ? 'poll' : e.type;
  const n = e.type === 'polls-summary' || e.type === 'folded' ? Number(e.data?.count ?? 1) : 1;
  if (e.type === 'folded') {
    for (const [k, v] of Object.entries(e.data ?? {}))
      if (typeof v === 'number' && k !== 'count') d[k] = Number(d[k] ?? 0) + v;
  } else d[key] = Number(d[key] ?? 0) + n;
  d.count = Number(d.count ?? 0) + n;
  d.lastAt = String(e.data?.lastAt ?? e.at);
  const counts = Object.entries(d)
    .filter(([k, v]) => typeof v === 'number' && k !== 'count')
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return {
    at: fold?.at ?? e.at,
    type: 'folded',
    message: `${String(d.count)} entries folded (${counts}) between ${String(d.firstAt)} and ${String(d.lastAt)}`,
    data: d,
  };
}

const isPoll = (e: AuditEvent): boolean => e.type === 'poll' || e.type === 'polls-summary';
const size = (e: AuditEvent): number => JSON.stringify(e).length + 1;

/** Drops undefined values and cuts strings like messages: a value from outside (a name, Atlas's text) stays bounded. */
function clean(d: Data): Data {
  return Object.fromEntries(
    Object.entries(d)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? cut(v, MESSAGE_MAX) : v]),
  );
}
