// The Atlas simulator's HTTP server: the operations of atlas/operations.ts, with Atlas's auth, versioned media types,
// pagination, ApiError bodies, eras, rate limits and scripted faults. Plain node:http, because faults such as
// connection resets and malformed bodies need the raw socket.
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { OperationName } from '../atlas/operations';
import { OPS } from '../atlas/operations';
import { handleAdmin } from './admin';
import { DataPlane } from './data-plane';
import type { SimCredentials } from './auth';
import { SimAuth } from './auth';
import type { FaultAction } from './faults';
import { FaultInjector } from './faults';
import type { HandlerContext } from './handlers';
import { handle, SimError } from './handlers';
import type { RateLimitOptions } from './rate-limit';
import { TokenBuckets } from './rate-limit';
import { readBody, sendError, sendJson } from './respond';
import type { Era } from './world';
import { World } from './world';

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
  /** Serve the control API under /__sim/ (no Atlas auth). Off unless asked for: it can rewrite the world. */
  admin?: boolean;
  /** How many calls `calls` keeps (the oldest go first); the counts of callStats() cover every call. Default 100000. */
  maxCallLog?: number;
  /**
   * Give the clusters data: a FerretDB per cluster, started on demand (simulator/data-plane.ts). Off by default, so
   * a test that needs no data starts no process; stop() stops them.
   */
  data?: boolean;
}

export interface SimCall {
  operation: OperationName | 'oauthToken' | 'unknown';
  method: string;
  path: string;
  groupId?: string;
  status: number;
  errorCode?: string;
  atMs: number;
  /** The Retry-After a 429 of the token bucket carried (seconds). */
  retryAfterS?: number;
  /** The first leg of HTTP Digest: a 401 challenge to a request that carried no credentials. */
  challenge?: boolean;
  /** Request headers the contract cares about (tests check the client sends the exact media types). */
  accept?: string;
  contentType?: string;
  userAgent?: string;
}

export interface CallStats {
  total: number;
  /** operation → HTTP status (0 = no answer: reset, malformed, dropped) → count. Digest challenges are not counted. */
  byOperation: Record<string, Record<string, number>>;
  digestChallenges: number;
  faultsInjected: Record<string, number>;
  rateLimited: number;
}

const ROUTES = (Object.keys(OPS) as OperationName[]).map((name) => {
  const op = OPS[name];
  const keys: string[] = [];
  // Literal parts escaped (the v1.0 path has a dot), each {param} one path segment.
  const pattern = op.path
    .split(/(\{\w+\})/)
    .map((part) =>
      /^\{\w+\}$/.test(part) ? (keys.push(part.slice(1, -1)), '([^/]+)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const re = new RegExp(`^${pattern}$`);
  return { name, op, re, keys };
});

const mediaTypeOf = (h: string | undefined): string => (h ?? '').split(';')[0].trim().toLowerCase();

export class AtlasSimulator {
  readonly world: World;
  readonly faults: FaultInjector;
  readonly auth: SimAuth;
  /** The most recent calls (see maxCallLog); to read a span of them, callMark() and callsSince(). */
  readonly calls: SimCall[] = [];
  /** Calls trimmed from the front of `calls` so far. */
  #trimmed = 0;
  readonly limiter?: TokenBuckets;
  readonly clock: Clock;
  /** The clusters' wire servers (the `data` option). */
  readonly data?: DataPlane;
  url = '';
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #byOperation: CallStats['byOperation'] = {};
  #total = 0;
  #challenges = 0;

  private constructor(readonly o: SimulatorOptions) {
    this.world = o.world ?? new World(o.era ?? 'legacy', o.seed);
    if (o.era) this.world.era = o.era;
    this.faults = new FaultInjector(o.seed ?? 1);
    this.auth = new SimAuth(o.credentials);
    this.limiter = o.rateLimit ? new TokenBuckets(o.rateLimit) : undefined;
    this.clock = o.clock ?? Date.now;
    this.data = o.data ? new DataPlane() : undefined;
    this.#server = createServer((req, res) => {
      this.#onRequest(req, res).catch(() => sendError(res, 500, 'UNEXPECTED_ERROR', 'Unexpected error.'));
    });
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
    await this.data?.stop();
  }

  /** Count of calls per operation (what the benchmark reports); Digest challenges are not counted. */
  callCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [op, perStatus] of Object.entries(this.#byOperation))
      out[op] = Object.values(perStatus).reduce((a, b) => a + b, 0);
    return out;
  }

  /** Calls by operation and status, for GET /__sim/calls. */
  callStats(): CallStats {
    return {
      total: this.#total,
      byOperation: structuredClone(this.#byOperation),
      digestChallenges: this.#challenges,
      faultsInjected: Object.fromEntries(this.faults.injected),
      rateLimited: this.limiter?.limited ?? 0,
    };
  }

  /** A position in the call log that stays valid when the log is trimmed (an index into `calls` does not). */
  callMark(): number {
    return this.#trimmed + this.calls.length;
  }

  /** The calls logged since `mark`; throws when some of them were trimmed away, rather than return fewer. */
  callsSince(mark: number): SimCall[] {
    const from = mark - this.#trimmed;
    if (from < 0) throw new Error(`the call log dropped ${-from} calls since the mark: raise maxCallLog`);
    return this.calls.slice(from);
  }

  #log(call: SimCall): void {
    this.calls.push(call);
    const max = this.o.maxCallLog ?? 100_000;
    // Trim in chunks, so a long run does not shift the array on every call.
    if (this.calls.length > max)
      this.#trimmed += this.calls.splice(0, this.calls.length - Math.floor(max * 0.9)).length;
    if (call.challenge) {
      this.#challenges++;
      return;
    }
    this.#total++;
    const perStatus = (this.#byOperation[call.operation] ??= {});
    perStatus[String(call.status)] = (perStatus[String(call.status)] ?? 0) + 1;
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const nowMs = await this.clock();
    const url = new URL(req.url ?? '/', 'http://sim');
    const body = await readBody(req);
    const record = (c: Omit<SimCall, 'method' | 'path' | 'atMs'>): void => {
      const { accept, 'content-type': contentType, 'user-agent': userAgent } = req.headers;
      this.#log({ ...c, method: req.method ?? '', path: url.pathname, atMs: nowMs, accept, contentType, userAgent });
    };

    if (url.pathname.startsWith('/__sim/') && this.o.admin)
      return handleAdmin(this, req.method ?? '', url.pathname, body, res);

    if (req.method === 'POST' && url.pathname === '/api/oauth/token') {
      const fault = this.faults.pick('oauthToken');
      if (fault && (await this.#transportFault(fault, res)))
        return record({ operation: 'oauthToken', status: 0, errorCode: fault.kind });
      if (fault?.kind === 'status') {
        sendJson(res, fault.status, { error: fault.errorCode }, 'application/json', retryAfter(fault.retryAfterS));
        return record({ operation: 'oauthToken', status: fault.status, errorCode: fault.errorCode });
      }
      if (fault?.kind === 'body') {
        sendJson(res, fault.status ?? 200, fault.body);
        return record({ operation: 'oauthToken', status: fault.status ?? 200, errorCode: 'INJECTED_BODY' });
      }
      const r = this.auth.issueToken(req, body, nowMs);
      sendJson(res, r.status, r.body, 'application/json', { 'cache-control': 'no-store' });
      return record({
        operation: 'oauthToken',
        status: r.status,
        errorCode: r.status === 200 ? undefined : String(r.body.error),
      });
    }

    const route = ROUTES.find((r) => r.op.method === req.method && r.re.test(url.pathname));
    if (!route) {
      sendError(res, 404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${url.pathname}.`);
      return record({ operation: 'unknown', status: 404, errorCode: 'RESOURCE_NOT_FOUND' });
    }
    const m = route.re.exec(url.pathname)!;
    const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    const groupId = params.groupId;
    const done = (status: number, errorCode?: string, challenge?: boolean): void =>
      record({ operation: route.name, status, errorCode, groupId, challenge });

    const auth = this.auth.check(req, nowMs);
    if (!auth.ok) {
      sendError(
        res,
        401,
        auth.errorCode,
        auth.detail,
        undefined,
        auth.challenge ? { 'www-authenticate': auth.challenge } : {},
      );
      return done(401, auth.errorCode, auth.anonymous && !!auth.challenge);
    }
    const limit: OutgoingHttpHeaders = {};
    if (this.limiter) {
      const t = this.limiter.take(groupId, nowMs);
      limit['ratelimit-limit'] = String(this.limiter.o.capacity);
      limit['ratelimit-remaining'] = String(t.remaining);
      if (!t.ok) {
        sendError(res, 429, 'RATE_LIMITED_TOKEN_BUCKET', this.limiter.detail(url.pathname, t.retryAfterS), undefined, {
          ...limit,
          ...retryAfter(t.retryAfterS),
        });
        return record({
          operation: route.name,
          status: 429,
          errorCode: 'RATE_LIMITED_TOKEN_BUCKET',
          groupId,
          retryAfterS: t.retryAfterS,
        });
      }
    }
    // v2 wants its exact versioned type; the v1.0 path (plain JSON) also takes curl's default `*/*`, as in the seed.
    const accepted =
      route.op.mediaType === 'application/json'
        ? [route.op.mediaType, '*/*', 'application/*', '']
        : [route.op.mediaType];
    if (!(req.headers.accept ?? '').split(',').some((a) => accepted.includes(mediaTypeOf(a)))) {
      sendError(
        res,
        406,
        'INVALID_VERSION_DATE',
        `Invalid accept header or version date; ${route.op.operationId} accepts ${route.op.mediaType}.`,
      );
      return done(406, 'INVALID_VERSION_DATE');
    }
    if (req.method === 'POST' && mediaTypeOf(req.headers['content-type']) !== route.op.mediaType) {
      sendError(
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `${route.op.operationId} takes a body of type ${route.op.mediaType}.`,
      );
      return done(415, 'UNSUPPORTED_MEDIA_TYPE');
    }

    const fault = this.faults.pick(route.name, groupId);
    if (fault && (await this.#transportFault(fault, res))) return done(0, fault.kind);
    if (fault?.kind === 'status') {
      sendError(
        res,
        fault.status,
        fault.errorCode,
        fault.detail ?? 'Injected fault.',
        undefined,
        retryAfter(fault.retryAfterS),
      );
      return done(fault.status, fault.errorCode);
    }
    if (fault?.kind === 'body') {
      const status = fault.status ?? 200;
      sendJson(res, status, fault.body, status < 300 ? route.op.mediaType : 'application/json', limit);
      return done(status, 'INJECTED_BODY');
    }

    let parsedBody: unknown;
    if (req.method === 'POST') {
      try {
        parsedBody = body.length ? JSON.parse(body) : {};
      } catch {
        sendError(res, 400, 'MALFORMED_JSON', 'Received JSON is malformed.');
        return done(400, 'MALFORMED_JSON');
      }
    }
    const ctx: HandlerContext = {
      world: this.world,
      nowMs,
      baseUrl: this.url,
      role: auth.role,
      sunsetStatus: this.o.sunsetStatus ?? 410,
      path: url.pathname,
      query: url.searchParams,
      data: this.data,
    };
    try {
      // What the clock has done since the last call: deletions finished, users expired, restored data written.
      this.world.prune(nowMs);
      if (this.data) await this.data.settle(this.world, nowMs);
      else this.world.expireDbUsers(nowMs);
      const result = await handle(route.name, params, parsedBody, ctx);
      if (fault?.kind === 'after-commit') {
        // The work is done (e.g. the job exists), but the caller hears a failure: the ambiguous outcome.
        const status = fault.status ?? 500;
        const errorCode = fault.errorCode ?? 'UNEXPECTED_ERROR';
        sendError(
          res,
          status,
          errorCode,
          errorCode === 'UNEXPECTED_ERROR' ? 'Unexpected error.' : 'Injected fault (after the work was done).',
        );
        return done(status, errorCode);
      }
      const success: number = 'success' in route.op ? route.op.success : 200;
      if (success === 204) {
        res.writeHead(204, limit);
        res.end();
      } else sendJson(res, success, result, route.op.mediaType, limit);
      return done(success);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      sendError(res, e.status, e.errorCode, e.detail, e.fields);
      return done(e.status, e.errorCode);
    }
  }

  /** Delay (then carry on), malformed body or reset; true when the response is finished. */
  async #transportFault(fault: FaultAction, res: ServerResponse): Promise<boolean> {
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
      res.socket?.resetAndDestroy();
      return true;
    }
    return false;
  }
}

const retryAfter = (s: number | undefined): OutgoingHttpHeaders =>
  s === undefined ? {} : { 'retry-after': String(Math.ceil(s)) };
