// The Atlas simulator's HTTP server: the operations of atlas/operations.ts, with Atlas's auth, versioned media types,
// pagination, ApiError bodies, eras, rate limits and scripted faults. Plain node:http, because faults such as
// connection resets and malformed bodies need the raw socket.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { OperationName, OPS } from '../atlas/operations';
import { SimAuth, SimCredentials } from './auth';
import { FaultInjector } from './faults';
import { handle, HandlerContext, SimError } from './handlers';
import { RateLimitOptions, TokenBuckets } from './rate-limit';
import { Era, World } from './world';

export type Clock = () => number | Promise<number>;

export interface SimulatorOptions {
  era?: Era;
  world?: World;
  credentials?: SimCredentials;
  rateLimit?: RateLimitOptions;
  /** The simulator's notion of now; a time-skipping test passes the test server's clock. */
  clock?: Clock;
  host?: string;
  port?: number;
  /** Seed for probabilistic faults. */
  seed?: number;
  /** How a sunset tenant endpoint answers in the current era (Atlas's docs do not say which). */
  sunsetStatus?: 410 | 404;
}

export interface SimCall {
  operation: OperationName | 'oauthToken' | 'unknown';
  method: string;
  path: string;
  groupId?: string;
  status: number;
  errorCode?: string;
  atMs: number;
}

const ROUTES = (Object.keys(OPS) as OperationName[]).map((name) => {
  const op = OPS[name];
  const keys: string[] = [];
  const re = new RegExp('^' + op.path.replace(/\{(\w+)\}/g, (_, k: string) => (keys.push(k), '([^/]+)')) + '$');
  return { name, op, re, keys };
});

export class AtlasSimulator {
  readonly world: World;
  readonly faults: FaultInjector;
  readonly auth: SimAuth;
  readonly calls: SimCall[] = [];
  readonly limiter?: TokenBuckets;
  readonly clock: Clock;
  url = '';
  readonly #server: Server;
  readonly #sockets = new Set<import('node:net').Socket>();

  private constructor(readonly o: SimulatorOptions) {
    this.world = o.world ?? new World(o.era ?? 'legacy');
    if (o.era) this.world.era = o.era;
    this.faults = new FaultInjector(o.seed ?? 1);
    this.auth = new SimAuth(o.credentials);
    this.limiter = o.rateLimit ? new TokenBuckets(o.rateLimit) : undefined;
    this.clock = o.clock ?? Date.now;
    this.#server = createServer((req, res) => void this.#onRequest(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  static async start(o: SimulatorOptions = {}): Promise<AtlasSimulator> {
    const sim = new AtlasSimulator(o);
    await new Promise<void>((resolve, reject) => {
      sim.#server.once('error', reject);
      sim.#server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
    });
    const a = sim.#server.address() as AddressInfo;
    sim.url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
    return sim;
  }

  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }

  /** Count of calls per operation (what the benchmark reports). */
  callCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[c.operation] = (out[c.operation] ?? 0) + 1;
    return out;
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const nowMs = await this.clock();
    const url = new URL(req.url ?? '/', 'http://sim');
    const body = await readBody(req);
    const record = (operation: SimCall['operation'], status: number, errorCode?: string, groupId?: string): void => {
      this.calls.push({ operation, method: req.method ?? '', path: url.pathname, groupId, status, errorCode, atMs: nowMs });
    };

    if (req.method === 'POST' && url.pathname === '/api/oauth/token') {
      const fault = this.faults.pick('oauthToken');
      if (fault && (await this.#applyTransportFault(fault, res))) return record('oauthToken', 0, fault.kind);
      if (fault?.kind === 'status') {
        if (fault.retryAfterS !== undefined) res.setHeader('retry-after', String(fault.retryAfterS));
        sendJson(res, fault.status, { error: fault.errorCode });
        return record('oauthToken', fault.status, fault.errorCode);
      }
      const r = this.auth.issueToken(req, body, nowMs);
      sendJson(res, r.status, r.body, 'application/json');
      return record('oauthToken', r.status);
    }

    const route = ROUTES.find((r) => r.op.method === req.method && r.re.test(url.pathname));
    if (!route) {
      sendError(res, 404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${url.pathname}.`);
      return record('unknown', 404, 'RESOURCE_NOT_FOUND');
    }
    const m = route.re.exec(url.pathname)!;
    const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    const groupId = params.groupId;
    const done = (status: number, errorCode?: string): void => record(route.name, status, errorCode, groupId);

    const auth = this.auth.check(req, nowMs);
    if (!auth.ok) {
      if (auth.challenge) res.setHeader('www-authenticate', auth.challenge);
      sendError(res, 401, auth.errorCode, auth.detail);
      return done(401, auth.errorCode);
    }
    if (this.limiter) {
      const t = this.limiter.take(groupId, nowMs);
      if (!t.ok) {
        const o = this.limiter.o;
        res.setHeader('retry-after', String(t.retryAfterS));
        sendError(res, 429, 'RATE_LIMITED_TOKEN_BUCKET', `Rate limit exceeded for ${url.pathname}. Please retry after ${t.retryAfterS} seconds. Request capacity: ${o.capacity}. Refill rate: ${o.refillRate} per ${o.refillSeconds} seconds.`, [url.pathname, t.retryAfterS, o.capacity, o.refillRate, o.refillSeconds]);
        return done(429, 'RATE_LIMITED_TOKEN_BUCKET');
      }
    }
    const accept = req.headers.accept ?? '';
    if (!accept.split(',').some((a) => a.trim().split(';')[0] === route.op.mediaType)) {
      sendError(res, 406, 'INVALID_VERSION_DATE', `Invalid accept header or version date; ${route.op.operationId} accepts ${route.op.mediaType}.`);
      return done(406, 'INVALID_VERSION_DATE');
    }

    const fault = this.faults.pick(route.name, groupId);
    if (fault && (await this.#applyTransportFault(fault, res))) return done(0, fault.kind);
    if (fault?.kind === 'status') {
      if (fault.retryAfterS !== undefined) res.setHeader('retry-after', String(fault.retryAfterS));
      sendError(res, fault.status, fault.errorCode, fault.detail ?? 'Injected fault.');
      return done(fault.status, fault.errorCode);
    }

    const ctx: HandlerContext = { world: this.world, nowMs, baseUrl: this.url, role: auth.role, sunsetStatus: this.o.sunsetStatus ?? 410, query: url.searchParams };
    let parsedBody: unknown;
    if (req.method === 'POST') {
      try {
        parsedBody = body.length ? JSON.parse(body) : {};
      } catch {
        sendError(res, 400, 'MALFORMED_JSON', 'Received JSON is malformed.');
        return done(400, 'MALFORMED_JSON');
      }
    }
    try {
      const result = handle(route.name, params, parsedBody, ctx);
      if (fault?.kind === 'after-commit') {
        const status = fault.status ?? 500;
        sendError(res, status, 'UNEXPECTED_ERROR', 'Unexpected error.');
        return done(status, 'UNEXPECTED_ERROR');
      }
      sendJson(res, 200, result, route.op.mediaType);
      return done(200);
    } catch (e) {
      if (e instanceof SimError) {
        sendError(res, e.status, e.errorCode, e.detail, e.parameters);
        return done(e.status, e.errorCode);
      }
      sendError(res, 500, 'UNEXPECTED_ERROR', 'Unexpected error.');
      return done(500, 'UNEXPECTED_ERROR');
    }
  }

  /** Delay (then carry on), malformed body or reset; returns true when the response is finished. */
  async #applyTransportFault(fault: import('./faults').FaultAction, res: ServerResponse): Promise<boolean> {
    if (fault.kind === 'delay') {
      await new Promise((r) => setTimeout(r, fault.ms));
      return false;
    }
    if (fault.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status": "RUNN');
      return true;
    }
    if (fault.kind === 'reset') {
      res.socket?.destroy();
      return true;
    }
    return false;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** An ApiError body, shaped like the seed document's examples. */
function sendError(res: ServerResponse, status: number, errorCode: string, detail: string, parameters?: unknown[]): void {
  sendJson(res, status, { detail, error: status, errorCode, parameters: parameters ?? [], reason: REASONS[status] ?? 'Error' });
}
