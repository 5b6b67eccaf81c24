// Optional webhook: tells a chat channel or incident tool how a restore ended. The URL comes from the worker's
// configuration (it may embed a token), never from workflow input.
import { HttpClient } from 'urllib';
import type { NotifyRequest } from './types';

export async function notifyWebhook(http: HttpClient, url: string | undefined, n: NotifyRequest): Promise<string> {
  if (!url) return 'skipped: no webhook configured';
  const text = `atlas-restore ${n.workflowId}: ${n.outcome}${n.reason ? ` - ${n.reason}` : ''}`;
  const res = await http.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    content: JSON.stringify({ text, ...n }),
    timeout: 10_000,
    dataType: 'text',
  });
  if (res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
  return `sent (HTTP ${res.status})`;
}
