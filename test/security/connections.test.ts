// Connections. Temporal: TEMPORAL_TLS_* (mTLS), TEMPORAL_API_KEY and temporal.toml profiles become connection options
// through @temporalio/envconfig, and work end to end against a TLS endpoint: a worker process and the CLI run a
// restore through one that demands a client certificate, and are refused without one or when they cannot trust the
// server. Atlas: a base URL must be https unless it is this machine, wherever a URL enters.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from 'urllib';
import { NoAuth, ServiceAccountAuth } from '../../atlas/auth';
import { atlasSettingsFromEnv } from '../../atlas/config';
import { AtlasHttp } from '../../atlas/http';
import { runCli } from '../../harness/kit/cli';
import { WorkerSupervisor } from '../../harness/kit/worker-supervisor';
import { loadConfig } from '../../config';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, startArgs } from '../helpers/cli';
import { addPair } from '../helpers/world';
import type { Pki } from './tls';
import { hasOpenssl, makePki, tlsFront } from './tls';

const dir = mkdtempSync(join(tmpdir(), 'connections-test-'));
let pki: Pki;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// openssl makes the throwaway certificates; without it (not the case in CI) the TLS tests cannot run.
const withOpenssl = hasOpenssl() ? test : test.skip;

beforeAll(() => {
  if (hasOpenssl()) pki = makePki(dir);
});

withOpenssl('TEMPORAL_TLS_*, TEMPORAL_API_KEY and a temporal.toml profile become the connection options', () => {
  const mtls = loadConfig({
    TEMPORAL_ADDRESS: 'temporal.internal:7233',
    TEMPORAL_NAMESPACE: 'restores',
    TEMPORAL_TLS_CLIENT_CERT_PATH: pki.clientCert,
    TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKey,
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.ca,
    TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
  }).temporal;
  const tls = mtls.connectionOptions.tls as {
    clientCertPair: { crt: Uint8Array; key: Uint8Array };
    serverRootCACertificate: Uint8Array;
    serverNameOverride: string;
  };
  expect(mtls.namespace).toBe('restores');
  expect(Buffer.from(tls.clientCertPair.crt).equals(readFileSync(pki.clientCert))).toBe(true);
  expect(Buffer.from(tls.clientCertPair.key).equals(readFileSync(pki.clientKey))).toBe(true);
  expect(Buffer.from(tls.serverRootCACertificate).equals(readFileSync(pki.ca))).toBe(true);
  expect(tls.serverNameOverride).toBe('temporal.internal');

  // An API key implies TLS (Temporal Cloud).
  expect(
    loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key-1' }).temporal.connectionOptions,
  ).toMatchObject({ apiKey: 'key-1', tls: true });

  const toml = join(dir, 'temporal.toml');
  writeFileSync(
    toml,
    `[profile.prod]\naddress = "prod.acct.tmprl.cloud:7233"\nnamespace = "prod.acct"\napi_key = "key-2"\n`,
  );
  expect(loadConfig({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'prod' }).temporal).toEqual({
    connectionOptions: { address: 'prod.acct.tmprl.cloud:7233', apiKey: 'key-2', tls: true },
    namespace: 'prod.acct',
  });
  // A missing certificate or profile stops the process at start, naming the settings.
  expect(() =>
    loadConfig({
      TEMPORAL_TLS_CLIENT_CERT_PATH: join(dir, 'missing.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKey,
    }),
  ).toThrow(/TEMPORAL_TLS_\*/);
  expect(() => loadConfig({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'nope' })).toThrow(
    /Profile 'nope' not found/,
  );
});

describe('Temporal over TLS, end to end', () => {
  let env: TestWorkflowEnvironment;
  let sim: AtlasSimulator;
  beforeAll(async () => {
    if (!hasOpenssl()) return;
    env = await startDevServer();
    sim = await AtlasSimulator.start({ era: 'legacy' });
  });
  afterAll(async () => {
    await sim?.stop();
    await env?.teardown();
  });

  withOpenssl(
    'mTLS: a worker process and the CLI run a restore through an endpoint that demands a client certificate',
    async () => {
      const [host, port] = env.address.split(':');
      const front = await tlsFront(pki, { host, port: Number(port) }, true);
      const taskQueue = `tls-${process.pid}`;
      const tlsEnv = {
        TEMPORAL_ADDRESS: front.address,
        TEMPORAL_TLS_CLIENT_CERT_PATH: pki.clientCert,
        TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKey,
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.ca,
        TEMPORAL_TLS_SERVER_NAME: 'localhost',
        ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      };
      const worker = new WorkerSupervisor({
        env: baseEnv({ ...tlsEnv, MONGODB_ATLAS_BASE_URL: sim.url, ATLAS_RESTORE_LOG_LEVEL: 'WARN' }),
        logDir: dir,
      });
      try {
        await worker.start();
        const p = addPair(sim.world, { restoreMs: 1_000 });
        const r = await runCli(
          startArgs(p, '--force', '--wait', '-o', 'json'),
          baseEnv({ ...tlsEnv, ATLAS_RESTORE_POLL_INITIAL_S: '0.2', ATLAS_RESTORE_POLL_MAX_S: '0.5' }),
        );
        expect(r.code).toBe(0);
        expect((JSON.parse(r.stdout) as { outcome: string }).outcome).toBe('COMPLETED');
        // Everything went through the TLS front, each connection with our client certificate.
        expect(front.sessions.length).toBeGreaterThanOrEqual(2);
        expect(new Set(front.sessions.map((s) => s.clientCn))).toEqual(new Set(['atlas-restore-worker']));

        // Without a client certificate, or trusting another CA: no connection, a clear error, no restore (after the
        // bounded connect retries, kept short here).
        const [noCert, otherCa] = await Promise.all([
          runCli(
            ['list', '--connectTimeout', '3s'],
            baseEnv({ ...tlsEnv, TEMPORAL_TLS_CLIENT_CERT_PATH: undefined, TEMPORAL_TLS_CLIENT_KEY_PATH: undefined }),
          ),
          runCli(
            ['list', '--connectTimeout', '3s'],
            baseEnv({ ...tlsEnv, TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.otherCa }),
          ),
        ]);
        for (const x of [noCert, otherCa]) {
          expect(x.code).toBe(1);
          expect(x.stderr).toMatch(/^error: cannot connect to Temporal at .* within 3s \(--connectTimeout\)/m);
        }
        expect(front.refused).toBeGreaterThanOrEqual(1);
      } finally {
        await worker.stop();
        await front.close();
      }
    },
  );

  withOpenssl('an API key over server-authenticated TLS (as Temporal Cloud): the CLI connects', async () => {
    const [host, port] = env.address.split(':');
    const front = await tlsFront(pki, { host, port: Number(port) }, false);
    try {
      const r = await runCli(
        ['list', '-o', 'json'],
        baseEnv({
          TEMPORAL_ADDRESS: front.address,
          TEMPORAL_API_KEY: 'test-api-key',
          TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.ca,
          TEMPORAL_TLS_SERVER_NAME: 'localhost',
        }),
      );
      expect(r.code).toBe(0);
      expect(Array.isArray((JSON.parse(r.stdout) as { restores: unknown }).restores)).toBe(true);
      expect(front.sessions.length).toBeGreaterThanOrEqual(1);
    } finally {
      await front.close();
    }
  });
});

describe('Atlas base URLs: https anywhere, plain http only to this machine', () => {
  const settings = (url: string) => atlasSettingsFromEnv({ MONGODB_ATLAS_BASE_URL: url });
  const loopback = /^(localhost|127\.|\[::1\])/;

  test('any remote host over http is refused where a URL enters: settings, transport, token exchange', () => {
    fc.assert(
      fc.property(
        fc.domain().filter((d) => !loopback.test(d)),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (domain, port) => {
          const host = `${domain}${port ? `:${port}` : ''}`;
          expect(() => settings(`http://${host}`)).toThrow(/MONGODB_ATLAS_BASE_URL must use https:\/\//);
          expect(() => new AtlasHttp({ baseUrl: `http://${host}`, auth: new NoAuth() })).toThrow(/https/);
          expect(
            () =>
              new ServiceAccountAuth({
                baseUrl: `http://${host}`,
                clientId: 'id',
                clientSecret: 'secret',
                http: new HttpClient(),
                timeoutMs: 1_000,
                userAgent: 'test',
              }),
          ).toThrow(/https/);
          expect(settings(`https://${host}`).baseUrl).toBe(`https://${host}`);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  test('loopback hosts may use http (the simulator)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)),
        fc.integer({ min: 1, max: 65535 }),
        ([a, b, c], port) => {
          expect(settings(`http://127.${a}.${b}.${c}:${port}`).baseUrl).toBe(`http://127.${a}.${b}.${c}:${port}`);
        },
      ),
      { numRuns: 100, seed: 12 },
    );
    for (const u of ['http://localhost:8089', 'http://LOCALHOST:8089', 'http://[::1]:8089', 'http://127.0.0.1'])
      expect(() => settings(u)).not.toThrow();
  });

  test('look-alikes, other schemes and credentials in the URL are refused, without echoing the credentials', () => {
    for (const u of [
      'http://127.0.0.1.nip.io',
      'http://localhost.example.com',
      'http://0.0.0.0:8080',
      'http://10.0.0.5',
      'http://[::ffff:10.0.0.1]',
      'ftp://cloud.mongodb.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'cloud.mongodb.com',
      '',
    ])
      expect(() => settings(u)).toThrow(/MONGODB_ATLAS_BASE_URL/);
    for (const u of ['https://alice:s3cr3tPassw0rd@cloud.mongodb.com', 'http://alice:s3cr3tPassw0rd@127.0.0.1:8089']) {
      let message = '';
      try {
        settings(u);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/MONGODB_ATLAS_BASE_URL must not carry credentials/);
      expect(message).not.toContain('s3cr3tPassw0rd');
    }
  });
});
