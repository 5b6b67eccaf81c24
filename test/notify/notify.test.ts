// The notify activity against a local receiver: the signature checked by an independent HMAC (openssl), the event
// filter, the same id on every retry of a delivery, which answers are retried, https off loopback, and the secret
// and URL kept out of results, errors and logs.
import { execFileSync } from 'node:child_process';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { HttpClient } from 'urllib';
import { deliverEvent, SIGNATURE_HEADER, WEBHOOK_FAILED, WEBHOOK_REJECTED } from '../../activities/notify';
import type { NotifyResult, RestoreEvent } from '../../common/events';
import { DEFAULT_EVENT_TYPES, RESTORE_EVENT_TYPES } from '../../common/events';
import { ConfigError, loadConfig } from '../../config';
import { WebhookSettings } from '../../config/webhook';

const SECRET = 'whsec-test-0123456789abcdef';

interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
}

let server: Server;
let url: string;
const received: Received[] = [];
/** Statuses the receiver answers, in order; then 200. */
let script: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, raw });
      const status = script.shift() ?? 200;
      res.writeHead(status, status === 429 ? { 'retry-after': '3' } : {}).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/B000/tokenpart`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  received.length = 0;
  script = [];
});

const http = new HttpClient();
const event = (o: Partial<RestoreEvent> = {}): RestoreEvent => ({
  id: 'atlas-restore-p1-dst/COMPLETED',
  type: 'restore.completed',
  occurredAt: '2026-12-01T10:00:00.000Z',
  workflowId: 'atlas-restore-p1-dst',
  runId: 'run-1',
  outcome: 'COMPLETED',
  targetProjectId: '0123456789abcdef01234567',
  targetClusterName: 'dst',
  restoreJobId: 'job-1',
  durationS: 754,
  ...o,
});

/** Verifies a signature header the way a receiver would, with openssl instead of node:crypto. */
function opensslVerify(header: string, raw: string, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: `${m[1]}.${raw}` }).toString();
  return out.trim().split(/\s+/).pop() === m[2];
}

test('a signed delivery: JSON body with the event fields and one line of text, verifiable with openssl', async () => {
  const t0 = Math.floor(Date.now() / 1000);
  const r = await deliverEvent(http, new WebhookSettings(url, DEFAULT_EVENT_TYPES, SECRET), event());
  expect(r).toEqual({ delivered: true, detail: 'HTTP 200' });
  expect(received).toHaveLength(1);
  const { headers, raw } = received[0];
  expect(headers['content-type']).toBe('application/json');
  const sig = String(headers[SIGNATURE_HEADER]);
  expect(opensslVerify(sig, raw, SECRET)).toBe(true);
  expect(opensslVerify(sig, raw, 'another-secret-0123456789')).toBe(false);
  expect(opensslVerify(sig, raw.replace('COMPLETED', 'FAILED'), SECRET)).toBe(false);
  expect(Number(/t=(\d+)/.exec(sig)![1])).toBeGreaterThanOrEqual(t0);
  const body = JSON.parse(raw) as Record<string, unknown>;
  expect(body).toMatchObject({ ...event() });
  expect(body.text).toBe(
    'atlas-restore atlas-restore-p1-dst: COMPLETED (target 0123456789abcdef01234567/dst) - job job-1 - after 12m34s',
  );
  expect(raw).not.toContain(SECRET);
});

test('unsigned without a secret; reasons with line breaks still give one line of text', async () => {
  await deliverEvent(
    http,
    new WebhookSettings(url),
    event({ type: 'restore.failed', outcome: 'FAILED', reason: 'Atlas said no\nat all' }),
  );
  expect(received[0].headers[SIGNATURE_HEADER]).toBeUndefined();
  const text = (JSON.parse(received[0].raw) as { text: string }).text;
  expect(text).not.toMatch(/\n/);
  expect(text).toContain('FAILED');
  expect(text).toContain('Atlas said no at all');
});

test('the event filter: the default is every event but the dry run; ATLAS_RESTORE_WEBHOOK_EVENTS takes both spellings', async () => {
  const byDefault = loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: url }).webhook!;
  expect([...byDefault.events].sort()).toEqual(RESTORE_EVENT_TYPES.filter((t) => t !== 'restore.dry_run').sort());
  expect(await deliverEvent(http, byDefault, event({ type: 'restore.dry_run', outcome: 'DRY_RUN' }))).toEqual({
    delivered: false,
    detail: 'not subscribed to restore.dry_run (ATLAS_RESTORE_WEBHOOK_EVENTS)',
  });
  expect(received).toHaveLength(0);

  const chosen = loadConfig({
    ATLAS_RESTORE_WEBHOOK_URL: url,
    ATLAS_RESTORE_WEBHOOK_EVENTS: 'dry_run, restore.FAILED,COMPLETED , Approval_Requested',
  }).webhook!;
  expect([...chosen.events].sort()).toEqual([
    'restore.approval_requested',
    'restore.completed',
    'restore.dry_run',
    'restore.failed',
  ]);
  expect((await deliverEvent(http, chosen, event({ type: 'restore.dry_run', outcome: 'DRY_RUN' }))).delivered).toBe(
    true,
  );
  expect(
    (await deliverEvent(http, chosen, event({ type: 'restore.compensated', outcome: 'COMPENSATED' }))).delivered,
  ).toBe(false);
  expect(received).toHaveLength(1);

  expect(() =>
    loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: url, ATLAS_RESTORE_WEBHOOK_EVENTS: 'COMPLETED,finished' }),
  ).toThrow(/^configuration error: ATLAS_RESTORE_WEBHOOK_EVENTS: must be a comma list/);
});

test('no webhook configured: nothing sent, said so', async () => {
  expect(await deliverEvent(http, loadConfig({}).webhook, event())).toEqual({
    delivered: false,
    detail: 'no webhook configured (ATLAS_RESTORE_WEBHOOK_URL)',
  });
});

test('retried answers (5xx, 408, 429) keep the event id; a signature per attempt; other 4xx are not retried', async () => {
  const settings = new WebhookSettings(url, DEFAULT_EVENT_TYPES, SECRET);
  script = [503, 408, 429];
  const failures: ApplicationFailure[] = [];
  // The workflow's retry policy re-runs the activity with the same input: do what it does.
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      expect(await deliverEvent(http, settings, event())).toEqual({ delivered: true, detail: 'HTTP 200' });
      break;
    } catch (e) {
      failures.push(e as ApplicationFailure);
    }
  }
  expect(failures.map((f) => [f.type, f.nonRetryable, f.message])).toEqual([
    [WEBHOOK_FAILED, false, 'webhook answered HTTP 503'],
    [WEBHOOK_FAILED, false, 'webhook answered HTTP 408'],
    [WEBHOOK_FAILED, false, 'webhook answered HTTP 429'],
  ]);
  expect(failures[2].nextRetryDelay).toBe('3s');
  expect(received).toHaveLength(4);
  expect(new Set(received.map((r) => (JSON.parse(r.raw) as RestoreEvent).id))).toEqual(new Set([event().id]));
  for (const r of received) expect(opensslVerify(String(r.headers[SIGNATURE_HEADER]), r.raw, SECRET)).toBe(true);

  for (const status of [400, 401, 404, 410, 301]) {
    script = [status];
    const err = (await deliverEvent(http, settings, event()).catch((e: unknown) => e)) as ApplicationFailure;
    expect([err.type, err.nonRetryable]).toEqual([WEBHOOK_REJECTED, true]);
  }
});

test('an unreachable receiver is retryable, and the error names neither the URL (it may hold a token) nor the secret', async () => {
  const closed = new WebhookSettings('http://127.0.0.1:1/hooks/T000/B000/tokenpart', DEFAULT_EVENT_TYPES, SECRET);
  const err = (await deliverEvent(http, closed, event()).catch((e: unknown) => e)) as ApplicationFailure;
  expect([err.type, err.nonRetryable]).toEqual([WEBHOOK_FAILED, false]);
  expect(err.message).toMatch(/^webhook unreachable/);
  expect(JSON.stringify({ message: err.message, stack: err.stack })).not.toMatch(/tokenpart|whsec/);
});

test('https is required off loopback: the error names the variable, never the value', () => {
  const bad = 'http://hooks.example.com/services/T000/B000/tokenpart';
  let msg = '';
  try {
    loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: bad });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    msg = (e as Error).message;
  }
  expect(msg).toMatch(/^configuration error: ATLAS_RESTORE_WEBHOOK_URL: must use https:\/\//);
  expect(msg).not.toContain('tokenpart');
  expect(loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: 'https://hooks.example.com/x' }).webhook?.url).toBe(
    'https://hooks.example.com/x',
  );
  expect(loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: 'http://localhost:8080/x' }).webhook?.url).toBe(
    'http://localhost:8080/x',
  );
  expect(() => loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: 'ftp://127.0.0.1/x' })).toThrow(/ATLAS_RESTORE_WEBHOOK_URL/);
  expect(() => loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: url, ATLAS_RESTORE_WEBHOOK_SECRET: 'short' })).toThrow(
    /^configuration error: ATLAS_RESTORE_WEBHOOK_SECRET: must be at least 16 characters$/,
  );
});

test('the secret stays in the worker config: not in JSON, inspect, the result or the activity log', async () => {
  const cfg = loadConfig({
    ATLAS_RESTORE_WEBHOOK_URL: url,
    ATLAS_RESTORE_WEBHOOK_SECRET: SECRET,
    ATLAS_RESTORE_LOG_LEVEL: 'DEBUG',
  });
  expect(cfg.webhook?.signed).toBe(true);
  const { inspect } = await import('node:util');
  expect(JSON.stringify(cfg)).not.toContain(SECRET);
  expect(inspect(cfg, { depth: 10 })).not.toContain(SECRET);
  expect(Object.values(cfg.webhook!)).not.toContain(SECRET);

  // Through the SDK's activity context, as the worker runs it, capturing what the activity logs.
  const logged: string[] = [];
  const logger = new DefaultLogger('TRACE', (e) => logged.push(`${e.message} ${JSON.stringify(e.meta ?? {})}`));
  const env = new MockActivityEnvironment(undefined, { logger });
  const result = (await env.run(deliverEvent, http, cfg.webhook, event())) as NotifyResult;
  expect(result.delivered).toBe(true);
  expect(JSON.stringify(result) + logged.join('\n') + received.map((r) => r.raw).join('')).not.toContain(SECRET);
});
