// Configuration: defaults, validation messages that name the variable (never its value), empty = unset.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config';
import { loadAtlasSettings } from '../../config/atlas';

test('defaults, and the Temporal target from TEMPORAL_* through envconfig', () => {
  const c = loadConfig({ TEMPORAL_ADDRESS: 'temporal.example.com:7233', TEMPORAL_NAMESPACE: 'prod' });
  expect(c.taskQueue).toBe('atlas-restore');
  expect(c.maxConcurrentActivities).toBe(500);
  expect(c.metricsPort).toBeUndefined();
  expect(c.temporal.namespace).toBe('prod');
  expect(c.temporal.connectionOptions.address).toBe('temporal.example.com:7233');
});

test('a bad value names the variable and the rule, not the value', () => {
  expect(() => loadConfig({ ATLAS_RESTORE_RATE_BUDGET: '-3' })).toThrow(ConfigError);
  expect(() => loadConfig({ ATLAS_RESTORE_RATE_BUDGET: '-3' })).toThrow(/ATLAS_RESTORE_RATE_BUDGET/);
  expect(() => loadConfig({ ATLAS_RESTORE_WEBHOOK_URL: 'not a url' })).toThrow(
    /ATLAS_RESTORE_WEBHOOK_URL: must be a URL/,
  );
  const secret = 'sekret-value-xyz';
  let msg = '';
  try {
    loadAtlasSettings({ MONGODB_ATLAS_PUBLIC_API_KEY: secret });
  } catch (e) {
    msg = (e as Error).message;
  }
  expect(msg).toMatch(/MONGODB_ATLAS_PRIVATE_API_KEY/);
  expect(msg).not.toContain(secret);
});

test('unset and empty are the same (docker compose passes ${VAR:-} as an empty string)', () => {
  const s = loadAtlasSettings({
    MONGODB_ATLAS_CLIENT_ID: '',
    MONGODB_ATLAS_CLIENT_SECRET: '',
    MONGODB_ATLAS_ACCESS_TOKEN: 'tok',
  });
  expect(s.auth.scheme).toBe('bearer');
  expect(loadConfig({ ATLAS_RESTORE_METRICS_PORT: '' }).metricsPort).toBeUndefined();
});

test('polling defaults for the CLI and log format', () => {
  const c = loadConfig({
    ATLAS_RESTORE_POLL_INITIAL_S: '2',
    ATLAS_RESTORE_POLL_MAX_S: '30',
    ATLAS_RESTORE_LOG_FORMAT: 'json',
  });
  expect(c.polling).toEqual({ initialS: 2, maxS: 30 });
  expect(c.logFormat).toBe('json');
});

test('Temporal Cloud style settings (API key, mTLS paths) reach the connection options', () => {
  const c = loadConfig({
    TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
    TEMPORAL_NAMESPACE: 'ns.acct',
    TEMPORAL_API_KEY: 'k-123',
  });
  expect(c.temporal.connectionOptions.apiKey).toBe('k-123');
  expect(c.temporal.connectionOptions.tls).toBeTruthy();
});

test('the workflow cache holds 1,000 restores unless ATLAS_RESTORE_MAX_CACHED_WORKFLOWS says otherwise', () => {
  // Not the SDK's size from the main heap (≈ 360 with the image's 768 MB): 1,000 in flight would replay 640 of them.
  expect(loadConfig({}).maxCachedWorkflows).toBe(1000);
  expect(loadConfig({ ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: '' }).maxCachedWorkflows).toBe(1000);
  expect(loadConfig({ ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: '2500' }).maxCachedWorkflows).toBe(2500);
  expect(() => loadConfig({ ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: '1' })).toThrow(/ATLAS_RESTORE_MAX_CACHED_WORKFLOWS/);
  expect(() => loadConfig({ ATLAS_RESTORE_MAX_CACHED_WORKFLOWS: 'lots' })).toThrow(
    /ATLAS_RESTORE_MAX_CACHED_WORKFLOWS/,
  );
});

test('secrets from files (<NAME>_FILE, the Docker/Kubernetes secrets convention): read, one trailing newline dropped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  try {
    writeFileSync(join(dir, 'id'), 'mdb_sa_id_1\n');
    writeFileSync(join(dir, 'secret'), 'mdb_sa_sk_from_file\n');
    writeFileSync(join(dir, 'hook'), 'a-webhook-secret-of-32-characters');
    writeFileSync(join(dir, 'empty'), '\n');
    const s = loadAtlasSettings({
      MONGODB_ATLAS_BASE_URL: 'http://127.0.0.1:1',
      MONGODB_ATLAS_CLIENT_ID_FILE: join(dir, 'id'),
      MONGODB_ATLAS_CLIENT_SECRET_FILE: join(dir, 'secret'),
    });
    expect(s.auth.scheme).toBe('service-account');
    const c = loadConfig({
      ATLAS_RESTORE_WEBHOOK_URL: 'https://hooks.example.com/x',
      ATLAS_RESTORE_WEBHOOK_SECRET_FILE: join(dir, 'hook'),
    });
    expect(c.webhook?.signed).toBe(true);
    // Both at once, a missing file, an empty file: an error naming the variable, never the content.
    expect(() =>
      loadAtlasSettings({ MONGODB_ATLAS_ACCESS_TOKEN: 'x', MONGODB_ATLAS_ACCESS_TOKEN_FILE: join(dir, 'secret') }),
    ).toThrow(/set MONGODB_ATLAS_ACCESS_TOKEN or MONGODB_ATLAS_ACCESS_TOKEN_FILE, not both/);
    expect(() => loadAtlasSettings({ MONGODB_ATLAS_ACCESS_TOKEN_FILE: join(dir, 'nope') })).toThrow(
      /MONGODB_ATLAS_ACCESS_TOKEN_FILE: cannot read .*nope \(ENOENT\)/,
    );
    expect(() => loadAtlasSettings({ MONGODB_ATLAS_ACCESS_TOKEN_FILE: join(dir, 'empty') })).toThrow(/is empty/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the metrics endpoint binds loopback unless ATLAS_RESTORE_METRICS_HOST says otherwise', () => {
  expect(loadConfig({ ATLAS_RESTORE_METRICS_PORT: '9464' }).metricsHost).toBe('127.0.0.1');
  expect(loadConfig({ ATLAS_RESTORE_METRICS_HOST: '0.0.0.0' }).metricsHost).toBe('0.0.0.0');
  expect(() => loadConfig({ ATLAS_RESTORE_METRICS_HOST: 'everywhere' })).toThrow(
    /ATLAS_RESTORE_METRICS_HOST: must be an IP address/,
  );
});
