// Atlas calls and the service-account token exchange never follow a redirect (issue 21 item 6): a 3xx from a
// hijacked or misconfigured base URL must not carry the request, its credentials or its body to another host.
// Two loopback servers: the "Atlas" one answers every request with a 307 to the other, which counts what reaches it.
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from 'urllib';
import { BearerAuth, ServiceAccountAuth } from '../../atlas/auth';
import { AtlasClient } from '../../atlas/client';
import { AtlasHttp, USER_AGENT } from '../../atlas/http';

let elsewhere: Server;
let redirector: Server;
let reached: string[] = [];
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    reached.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"t","expires_in":3600}');
  });
  await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
  redirector = createServer((req, res) => res.writeHead(307, { location: `${urlOf(elsewhere)}${req.url}` }).end());
  await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
});
afterEach(() => (reached = []));
afterAll(async () => {
  await new Promise((r) => elsewhere.close(r));
  await new Promise((r) => redirector.close(r));
});

test('an Atlas API call answered with a redirect fails there: nothing (and no credential) reaches the other host', async () => {
  const atlas = new AtlasClient(
    new AtlasHttp({
      baseUrl: urlOf(redirector),
      auth: new BearerAuth('secret-token'),
      http: new HttpClient(),
      timeoutMs: 2_000,
    }),
  );
  await expect(atlas.getCluster('aaaaaaaaaaaaaaaaaaaaaaa1', 'dst')).rejects.toThrow();
  expect(reached).toEqual([]);
});

test('the token exchange answered with a redirect fails there: the client secret never reaches the other host', async () => {
  const auth = new ServiceAccountAuth({
    baseUrl: urlOf(redirector),
    clientId: 'mdb_sa_id_1',
    clientSecret: 'mdb_sa_sk_secret',
    http: new HttpClient(),
    timeoutMs: 2_000,
    userAgent: USER_AGENT,
    maxTokenRetries: 0,
  });
  await expect(auth.token()).rejects.toThrow();
  expect(reached).toEqual([]);
});
