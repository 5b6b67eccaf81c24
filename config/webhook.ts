// The webhook's settings (ATLAS_RESTORE_WEBHOOK_*): where notifications go, which events, and the signing secret.
// The secret lives in a private field: it never reaches JSON, inspect() or a log line, only the HMAC.
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { isLoopback } from '../atlas/base-url';
import type { RestoreEventType } from '../common/events';
import { DEFAULT_EVENT_TYPES, RESTORE_EVENT_TYPES } from '../common/events';

export class WebhookSettings {
  readonly #secret?: string;

  constructor(
    /** May embed a token (Slack incoming webhooks do): never logged, never in a result. */
    readonly url: string,
    readonly events: readonly RestoreEventType[] = DEFAULT_EVENT_TYPES,
    secret?: string,
  ) {
    this.#secret = secret;
  }

  get signed(): boolean {
    return this.#secret !== undefined;
  }

  /** The `X-Atlas-Restore-Signature` value for a body sent at unix time `t`, or undefined without a secret. */
  signature(t: number, rawBody: string): string | undefined {
    if (this.#secret === undefined) return undefined;
    return `t=${t},v1=${createHmac('sha256', this.#secret).update(`${t}.${rawBody}`).digest('hex')}`;
  }

  toJSON(): object {
    return { events: this.events, signed: this.signed };
  }

  [inspect.custom](): string {
    return `WebhookSettings { events: [${this.events.join(', ')}], signed: ${this.signed} }`;
  }
}

/** Why a webhook URL is not acceptable (https, or http to this machine only), or undefined. */
export function webhookUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return 'must use https:// (plain http:// is allowed only for a loopback host such as 127.0.0.1)';
}

/**
 * ATLAS_RESTORE_WEBHOOK_EVENTS: comma list of event names (`restore.completed`) or outcome-style names (`COMPLETED`,
 * `dry_run`, `approval_requested`), any case. Returns the event types, or undefined if a name is unknown.
 */
export function parseEventList(raw: string): RestoreEventType[] | undefined {
  const out: RestoreEventType[] = [];
  for (const item of raw.split(',')) {
    const name = item.trim().toLowerCase();
    if (!name) continue;
    const type = (/^(restore|drill)\./.test(name) ? name : `restore.${name}`) as RestoreEventType;
    if (!RESTORE_EVENT_TYPES.includes(type)) return undefined;
    if (!out.includes(type)) out.push(type);
  }
  return out.length ? out : undefined;
}
