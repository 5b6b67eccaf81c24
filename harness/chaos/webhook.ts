// The notification webhook's receiver (ATLAS_RESTORE_WEBHOOK_URL). Its URL carries a secret token, as chat and
// incident webhooks do, so the secret scan can check the token never leaves the worker's configuration. It can hold
// a notification (the worker is then provably inside the notify step, where the kill controller strikes) or fail the
// first one for a restore (the notify step must be retried, not lost).
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Notification {
  workflowId: string;
  outcome: string;
  reason?: string;
  restoreJobId?: string;
  atMs: number;
}

export class WebhookReceiver {
  readonly received: Notification[] = [];
  /** Requests to any other path than the secret one (there should be none). */
  wrongPath = 0;
  /** 500s we answered on purpose. */
  failed = 0;
  /** Hold the first notification of these workflows this long before answering. */
  readonly holdMs = new Map<string, number>();
  /** Answer 500 to the first notification of these workflows. */
  readonly failFirst = new Set<string>();
  /** Told when a notification arrives (before any hold): the kill controller's trigger. */
  onArrive?: (n: Notification) => void;
  url = '';
  readonly #server: Server;

  constructor(readonly token: string) {
    this.#server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== `/hooks/${this.token}`) {
          this.wrongPath++;
          res.writeHead(404).end();
          return;
        }
        let n: Notification;
        try {
          n = { ...(JSON.parse(body) as Omit<Notification, 'atMs'>), atMs: Date.now() };
        } catch {
          res.writeHead(400).end();
          return;
        }
        this.received.push(n);
        this.onArrive?.(n);
        const hold = this.holdMs.get(n.workflowId);
        this.holdMs.delete(n.workflowId);
        const fail = this.failFirst.delete(n.workflowId);
        if (fail) this.failed++;
        setTimeout(() => {
          if (!res.destroyed)
            res.writeHead(fail ? 500 : 200, { 'content-type': 'text/plain' }).end(fail ? 'injected failure' : 'ok');
        }, hold ?? 0);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks/${this.token}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
