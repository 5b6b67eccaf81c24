// The notify activity: delivers one RestoreEvent to the worker's webhook (config/webhook.ts), signed when a secret is
// set. One HTTP attempt per activity attempt: the workflow's retry policy retries (with backoff), and the event's id
// stays the same across attempts so a receiver can drop duplicates. The URL (it may embed a token) and the secret
// never appear in a result, an error or a log line.
import { ApplicationFailure } from '@temporalio/common';
import type { HttpClient } from 'urllib';
import { TOOL_NAME, TOOL_VERSION } from '../common/constants';
import { sanitize, slackEscape } from '../common/text';
import type { NotifyResult, RestoreEvent } from '../common/events';
import type { WebhookSettings } from '../config/webhook';

export const SIGNATURE_HEADER = 'x-atlas-restore-signature';
/** Failure types of a delivery that did not land: the first is retried by the workflow's policy, the second not. */
export const WEBHOOK_FAILED = 'WebhookDeliveryFailed';
export const WEBHOOK_REJECTED = 'WebhookRejected';

const DELIVERY_TIMEOUT_MS = 10_000;
/** Longest Retry-After we honour as the next attempt's delay (the activity's own timeouts bound it anyway). */
const MAX_RETRY_AFTER_S = 60;

/** One line for a chat channel (a Slack incoming webhook shows `text` as is). */
function eventText(e: RestoreEvent): string {
  const target = `${e.targetProjectId}/${e.targetClusterName}`;
  const what =
    e.type === 'restore.approval_requested'
      ? 'awaiting approval'
      : e.type === 'restore.atlas_unreachable'
        ? 'Atlas calls keep failing after submit (the restore keeps waiting)'
        : (e.outcome ?? e.type.replace(/^restore\./, '').toUpperCase());
  const parts = [`atlas-restore ${e.workflowId}: ${what} (target ${target})`];
  if (e.reason) parts.push(e.reason);
  if (e.restoreJobId) parts.push(`job ${e.restoreJobId}`);
  if (e.durationS !== undefined) parts.push(`after ${formatDuration(e.durationS)}`);
  // One line, inert: controls shown as \xNN, and Slack's &, <, > escaped (no <!channel>, no disguised link).
  return slackEscape(sanitize(parts.join(' - ').replace(/\s*[\r\n]+\s*/g, ' ')));
}

function formatDuration(s: number): string {
  const r = Math.round(s);
  if (r < 60) return `${r}s`;
  const h = Math.floor(r / 3600);
  const m = Math.floor((r % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(r % 60).padStart(2, '0')}s`;
}

export async function deliverEvent(
  http: HttpClient,
  settings: WebhookSettings | undefined,
  e: RestoreEvent,
): Promise<NotifyResult> {
  if (!settings) return { delivered: false, detail: 'no webhook configured (ATLAS_RESTORE_WEBHOOK_URL)' };
  if (!settings.events.includes(e.type))
    return { delivered: false, detail: `not subscribed to ${e.type} (ATLAS_RESTORE_WEBHOOK_EVENTS)` };
  const body = JSON.stringify({ ...e, text: eventText(e) });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': `${TOOL_NAME}/${TOOL_VERSION}`,
  };
  const signature = settings.signature(Math.floor(Date.now() / 1000), body);
  if (signature) headers[SIGNATURE_HEADER] = signature;
  let res;
  try {
    res = await http.request(settings.url, {
      method: 'POST',
      headers,
      content: body,
      timeout: DELIVERY_TIMEOUT_MS,
      dataType: 'text',
      retry: 0,
      socketErrorRetry: 0,
      followRedirect: false,
    });
  } catch (err) {
    // urllib's messages carry the URL: keep only the kind of failure.
    const kind = String((err as { code?: string; name?: string }).code ?? (err as Error).name ?? 'error');
    throw ApplicationFailure.create({ type: WEBHOOK_FAILED, message: `webhook unreachable (${kind})` });
  }
  const status = res.status;
  if (status >= 200 && status < 300) return { delivered: true, detail: `HTTP ${status}` };
  // A 4xx is the receiver refusing this request (bad auth, gone, too large): sending it again will not help.
  // Except 408 and 429, which ask to come back later; 5xx is the receiver's trouble, retried; 3xx is not followed.
  const permanent = status >= 300 && status < 500 && status !== 408 && status !== 429;
  const retryAfter = Number(res.headers['retry-after']);
  throw ApplicationFailure.create({
    type: permanent ? WEBHOOK_REJECTED : WEBHOOK_FAILED,
    message: `webhook answered HTTP ${status}`,
    nonRetryable: permanent,
    nextRetryDelay: !permanent && retryAfter > 0 ? `${Math.min(retryAfter, MAX_RETRY_AFTER_S)}s` : undefined,
  });
}
