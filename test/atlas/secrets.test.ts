// No secret in an error message, a serialized object or an inspected one. Distinctive secret strings go in; every
// rendering of every auth object, client and error that comes out is searched for them (and for the Basic-auth
// encoding of the client credentials).
import { inspect } from 'node:util';
import { HttpClient } from 'urllib';
import { BearerAuth, DigestAuth, ServiceAccountAuth } from '../../atlas/auth';
import { AtlasClient } from '../../atlas/client';
import { atlasClientFromEnv, atlasSettingsFromEnv } from '../../atlas/config';
import { AtlasHttp, USER_AGENT } from '../../atlas/http';
import { AtlasSimulator } from '../../simulator/server';
import { World } from '../../simulator/world';
import { failureOf } from './sim-client';

const SECRETS = {
  privateKey: 'PRIVKEY-zebra-4471-ultramarine',
  clientSecret: 'mdb_sa_sk_CLIENTSECRET-quokka-9902',
  accessToken: 'ACCESSTOKEN-narwhal-3318-vermilion',
};
const basic = Buffer.from(`sa-client-id:${encodeURIComponent(SECRETS.clientSecret)}`).toString('base64');
const forbidden = [...Object.values(SECRETS), basic, basic.slice(0, 24)];

function renderings(x: unknown): string[] {
  const out = [inspect(x, { depth: 10, showHidden: true }), String(x)];
  try {
    out.push(JSON.stringify(x));
  } catch (e) {
    out.push(String(e));
  }
  if (x instanceof Error) out.push(x.message, x.stack ?? '');
  return out;
}
function expectClean(x: unknown): void {
  for (const text of renderings(x)) for (const s of forbidden) expect(text).not.toContain(s);
}

const world = new World('legacy');
const g = world.addProject('ddddddddddddddddddddddd1');
world.addCluster({ groupId: g, name: 'src', kind: 'tenant' });

let sim: AtlasSimulator;
beforeAll(async () => {
  // The simulator knows other credentials, so every one of ours is rejected.
  sim = await AtlasSimulator.start({
    world,
    credentials: {
      apiKeys: [{ publicKey: 'other', privateKey: 'other' }],
      serviceAccounts: [{ clientId: 'x', clientSecret: 'y' }],
    },
  });
});
afterAll(() => sim.stop());

function clients(baseUrl: string): AtlasClient[] {
  const http = new HttpClient();
  const auths = [
    new DigestAuth('public-key-ok', SECRETS.privateKey),
    new ServiceAccountAuth({
      baseUrl,
      clientId: 'sa-client-id',
      clientSecret: SECRETS.clientSecret,
      http,
      timeoutMs: 2_000,
      userAgent: USER_AGENT,
      maxTokenRetries: 0,
    }),
    new BearerAuth(SECRETS.accessToken),
  ];
  return auths.map((auth) => new AtlasClient(new AtlasHttp({ baseUrl, auth, http, timeoutMs: 2_000 })));
}

test('auth objects and clients render without secrets (JSON, inspect, String)', async () => {
  for (const c of clients(sim.url)) {
    expectClean(c);
    expectClean(c.http);
    expectClean(c.http.auth);
    // After use too: a cached token or a fetched state must not show up either.
    await c.getCluster(g, 'src').catch(() => undefined);
    expectClean(c);
    expectClean(c.http.auth);
  }
});

test('every failure (401 from Atlas, from the token endpoint, transport errors) is free of secrets', async () => {
  const failures: Error[] = [];
  for (const c of clients(sim.url)) {
    failures.push(await failureOf(c.getCluster(g, 'src')));
    failures.push(
      await failureOf(
        c.createRestore('tenant', g, 'src', {
          snapshotId: 'a'.repeat(24),
          targetClusterName: 'dst',
          targetProjectId: g,
        }),
      ),
    );
  }
  // Nothing listening: a network error, for each scheme.
  for (const c of clients('http://127.0.0.1:9')) failures.push(await failureOf(c.getCluster(g, 'src')));
  expect(failures.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining('HTTP 401')]));
  for (const f of failures) expectClean(f);
});

test('settings from the environment: objects and validation errors name variables, never values', () => {
  const env = {
    MONGODB_ATLAS_CLIENT_ID: 'sa-client-id',
    MONGODB_ATLAS_CLIENT_SECRET: SECRETS.clientSecret,
    MONGODB_ATLAS_PUBLIC_API_KEY: 'public-key-ok',
    MONGODB_ATLAS_PRIVATE_API_KEY: SECRETS.privateKey,
    MONGODB_ATLAS_ACCESS_TOKEN: SECRETS.accessToken,
  };
  expectClean(atlasSettingsFromEnv(env));
  expectClean(atlasClientFromEnv(env));
  const bad = failureOf(
    Promise.resolve().then(() =>
      atlasSettingsFromEnv({ ...env, MONGODB_ATLAS_BASE_URL: `http://${SECRETS.accessToken}.example.com` }),
    ),
  );
  return bad.then((e) => {
    expect(e.message).toContain('MONGODB_ATLAS_BASE_URL');
    expectClean(e);
  });
});
