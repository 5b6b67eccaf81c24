// The three auth schemes against the simulator: API keys with HTTP Digest, service accounts (OAuth client
// credentials: caching, refresh before expiry, 401 recovery, token-endpoint 429), a static bearer token; roles;
// and plain http only for loopback.
import { HttpClient } from 'urllib';
import type { ServiceAccountOptions } from '../../atlas/auth';
import { BearerAuth, DigestAuth, ServiceAccountAuth } from '../../atlas/auth';
import { atlasSettingsFromEnv } from '../../atlas/config';
import { AtlasApiError, describeAtlasError } from '../../atlas/errors';
import { AtlasHttp, USER_AGENT } from '../../atlas/http';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { clientFor, failureOf } from './sim-client';

const world = new World('legacy');
const g = world.addProject('ccccccccccccccccccccccc1');
world.addCluster({ groupId: g, name: 'src', kind: 'tenant' });
world.addCluster({ groupId: g, name: 'dst', kind: 'tenant' });
const snap = world.addSnapshot({ groupId: g, clusterName: 'src' }).id;

// One fake clock for the simulator (token expiry, nonces) and the client (refresh): token lifetimes pass at once.
let clockMs = Date.now();
const advance = (ms: number) => void (clockMs += ms);

let sim: AtlasSimulator;
beforeAll(async () => {
  sim = await AtlasSimulator.start({
    world,
    clock: () => clockMs,
    credentials: {
      apiKeys: [
        { publicKey: 'pubkey01', privateKey: 'priv-0000-1111' },
        { publicKey: 'reader01', privateKey: 'priv-read-only', role: 'GROUP_READ_ONLY' },
      ],
      serviceAccounts: [{ clientId: 'mdb_sa_id_1', clientSecret: 'mdb_sa_sk_secret+/=' }],
      accessTokens: [{ token: 'static-token-123' }],
      tokenTtlS: 2,
    },
  });
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.stop());

const sa = (o: Partial<ServiceAccountOptions> = {}) =>
  new ServiceAccountAuth({
    baseUrl: sim.url,
    clientId: 'mdb_sa_id_1',
    clientSecret: 'mdb_sa_sk_secret+/=',
    http: new HttpClient(),
    timeoutMs: 2_000,
    userAgent: USER_AGENT,
    now: () => clockMs,
    ...o,
  });
const apiError = async (p: Promise<unknown>): Promise<AtlasApiError> => {
  const e = await failureOf(p);
  expect(e).toBeInstanceOf(AtlasApiError);
  return e as AtlasApiError;
};

describe('API keys (HTTP Digest, MD5, qop=auth)', () => {
  test('a good key pair reads and restores (challenge, then response)', async () => {
    const atlas = clientFor(sim, { auth: new DigestAuth('pubkey01', 'priv-0000-1111') });
    expect((await atlas.getCluster(g, 'src')).name).toBe('src');
    const job = await atlas.createRestore('tenant', g, 'src', {
      snapshotId: snap,
      targetClusterName: 'dst',
      targetProjectId: g,
    });
    expect(job.status).toBe('PENDING');
    const last = sim.calls.filter((c) => c.operation === 'createTenantRestore').slice(-2);
    expect(last.map((c) => [c.status, !!c.challenge])).toEqual([
      [401, true],
      [200, false],
    ]);
  });

  test('a wrong private key: a clear 401 naming the key pair, without the secret', async () => {
    const e = await apiError(
      clientFor(sim, { auth: new DigestAuth('pubkey01', 'wrong-private-key-xyz') }).getCluster(g, 'src'),
    );
    expect(e).toMatchObject({ status: 401, failureType: 'AtlasAuth' });
    expect(e.hint).toMatch(/API key pair was not accepted.*MONGODB_ATLAS_PUBLIC_API_KEY/);
    expect(e.message).not.toContain('wrong-private-key-xyz');
    // What a reason shows (message; hint): one hint, the scheme's, not a second generic one.
    const d = describeAtlasError(e);
    expect(`${d?.message}; ${d?.hint}`.match(/MONGODB_ATLAS_PUBLIC_API_KEY/g)).toHaveLength(1);
    expect(d?.hint).not.toMatch(/CLIENT_ID/);
  });

  test('a read-only key cannot start a restore', async () => {
    const e = await apiError(
      clientFor(sim, { auth: new DigestAuth('reader01', 'priv-read-only') }).createRestore('tenant', g, 'src', {
        snapshotId: snap,
        targetClusterName: 'dst',
        targetProjectId: g,
      }),
    );
    expect(e).toMatchObject({ status: 401, errorCode: 'USER_UNAUTHORIZED', failureType: 'AtlasAuth' });
  });
});

describe('service account (OAuth 2.0 client credentials)', () => {
  test('one token serves many calls, and is refreshed before it expires', async () => {
    const auth = sa();
    const atlas = clientFor(sim, { auth });
    const issued = sim.auth.tokensIssued;
    const mark = sim.callMark();
    await Promise.all([
      atlas.getCluster(g, 'src'),
      atlas.getCluster(g, 'dst'),
      atlas.listSnapshots('tenant', g, 'src'),
    ]);
    expect(sim.auth.tokensIssued - issued).toBe(1);
    // TTL 2 s: the refresh margin is capped at half the lifetime, so after 1.1 s a new token is fetched first.
    advance(1_100);
    await atlas.getCluster(g, 'src');
    expect(sim.auth.tokensIssued - issued).toBe(2);
    expect(sim.callsSince(mark).filter((c) => c.status === 401)).toHaveLength(0);
  });

  test('a token the server no longer accepts is dropped and fetched again once', async () => {
    const frozen = clockMs;
    const auth = sa({ now: () => frozen });
    const atlas = clientFor(sim, { auth });
    await atlas.getCluster(g, 'src');
    advance(2_300); // the server's copy expires; ours (frozen clock) looks fresh
    expect((await atlas.getCluster(g, 'src')).name).toBe('src');
    expect(auth.tokenRequests).toBe(2);
  });

  test('a wrong secret: INVALID_CLIENT_CREDENTIALS, auth, naming the settings, without the secret', async () => {
    const e = await apiError(clientFor(sim, { auth: sa({ clientSecret: 'not-the-secret-987' }) }).getCluster(g, 'src'));
    expect(e).toMatchObject({
      status: 401,
      errorCode: 'INVALID_CLIENT_CREDENTIALS',
      failureType: 'AtlasAuth',
      operation: 'oauthToken',
    });
    expect(e.hint).toContain('MONGODB_ATLAS_CLIENT_SECRET');
    expect(e.message).toContain('invalid_client');
    const d = describeAtlasError(e);
    expect(`${d?.message}; ${d?.hint}`.match(/MONGODB_ATLAS_CLIENT_SECRET/g)).toHaveLength(1);
    expect(e.message).not.toContain('not-the-secret-987');
  });

  test('429 from the token endpoint is waited out (Retry-After), then the call goes through', async () => {
    sim.faults.add({
      operation: 'oauthToken',
      times: 2,
      action: { kind: 'status', status: 429, errorCode: 'rate_limited', retryAfterS: 2 },
    });
    const waits: number[] = [];
    const auth = sa({ sleep: async (ms) => void waits.push(ms) });
    expect((await clientFor(sim, { auth }).getCluster(g, 'src')).name).toBe('src');
    expect(waits).toEqual([2_000, 2_000]);
    expect(auth.tokenRequests).toBe(3);
  });

  test('a token endpoint that keeps answering 429 ends in a retryable RATE_LIMITED with Retry-After', async () => {
    sim.faults.add({
      operation: 'oauthToken',
      action: { kind: 'status', status: 429, errorCode: 'rate_limited', retryAfterS: 1 },
    });
    const e = await apiError(
      clientFor(sim, { auth: sa({ sleep: async () => undefined, maxTokenRetries: 2 }) }).getCluster(g, 'src'),
    );
    expect(e).toMatchObject({
      status: 429,
      errorCode: 'RATE_LIMITED',
      failureType: 'AtlasRateLimited',
      retryAfterS: 1,
    });
  });

  test('a Retry-After longer than the in-process wait limit is handed to the caller at once', async () => {
    sim.faults.add({
      operation: 'oauthToken',
      times: 1,
      action: { kind: 'status', status: 429, errorCode: 'rate_limited', retryAfterS: 600 },
    });
    const waits: number[] = [];
    const e = await apiError(
      clientFor(sim, { auth: sa({ sleep: async (ms) => void waits.push(ms) }) }).getCluster(g, 'src'),
    );
    expect(e).toMatchObject({ errorCode: 'RATE_LIMITED', retryAfterS: 600 });
    expect(waits).toEqual([]);
  });
});

describe('static bearer token', () => {
  test('a valid token works; a wrong one is a clear 401 without the token', async () => {
    expect((await clientFor(sim, { auth: new BearerAuth('static-token-123') }).getCluster(g, 'src')).name).toBe('src');
    const e = await apiError(clientFor(sim, { auth: new BearerAuth('stale-token-456') }).getCluster(g, 'src'));
    expect(e).toMatchObject({ status: 401, failureType: 'AtlasAuth' });
    expect(e.hint).toContain('MONGODB_ATLAS_ACCESS_TOKEN');
    expect(e.message).not.toContain('stale-token-456');
  });
});

describe('plain http only for loopback', () => {
  test.each(['http://cloud.mongodb.com', 'http://10.1.2.3:8080', 'ftp://localhost'])('refuses %s', (baseUrl) => {
    expect(() => new AtlasHttp({ baseUrl, auth: new BearerAuth('t') })).toThrow(/https/);
    expect(() => atlasSettingsFromEnv({ MONGODB_ATLAS_BASE_URL: baseUrl })).toThrow(
      /MONGODB_ATLAS_BASE_URL must use https/,
    );
  });
  test.each(['https://cloud.mongodb.com', 'http://127.0.0.1:9999', 'http://localhost:1', 'http://[::1]:2'])(
    'accepts %s',
    (baseUrl) => {
      expect(new AtlasHttp({ baseUrl, auth: new BearerAuth('t') }).baseUrl).toBe(baseUrl);
    },
  );
  test('the service account token exchange is held to the same rule', () => {
    expect(
      () =>
        new ServiceAccountAuth({
          baseUrl: 'http://example.com',
          clientId: 'a',
          clientSecret: 'b',
          http: new HttpClient(),
          timeoutMs: 1,
          userAgent: 'x',
        }),
    ).toThrow(/https/);
  });
  test('env precedence: service account, then API keys, then access token', () => {
    const base = { MONGODB_ATLAS_ACCESS_TOKEN: 't' };
    expect(atlasSettingsFromEnv(base).auth.scheme).toBe('bearer');
    expect(
      atlasSettingsFromEnv({ ...base, MONGODB_ATLAS_PUBLIC_API_KEY: 'p', MONGODB_ATLAS_PRIVATE_API_KEY: 'k' }).auth
        .scheme,
    ).toBe('digest');
    expect(
      atlasSettingsFromEnv({ ...base, MONGODB_ATLAS_CLIENT_ID: 'i', MONGODB_ATLAS_CLIENT_SECRET: 's' }).auth.scheme,
    ).toBe('service-account');
    expect(() => atlasSettingsFromEnv({ MONGODB_ATLAS_CLIENT_ID: 'i' })).toThrow(
      /MONGODB_ATLAS_CLIENT_SECRET is required together with MONGODB_ATLAS_CLIENT_ID/,
    );
  });
});
