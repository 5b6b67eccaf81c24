// No Docker engine runs here, so the deployment files are checked for structure: the services, pinned images,
// ports, health-gated start order, the worker's configuration through environment variables, and no secrets; and
// `docker-compose config` (Debian's docker-compose, installed by .ci/run) validates the file as Compose reads it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { ALL_SEARCH_ATTRIBUTES } from '../../common/constants';

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      ports?: string[];
      expose?: string[];
      container_name?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      command?: string[] | string;
      entrypoint?: string[];
      volumes?: string[];
      healthcheck?: { test: string[] };
      stop_grace_period?: string;
    }
  >;
};
const s = compose.services;

test('Temporal as samples-server has it: temporalio/server on PostgreSQL, its schema set up by admin-tools, no auto-setup', () => {
  expect(Object.keys(s).sort()).toEqual([
    'postgresql',
    'temporal',
    'temporal-admin-tools',
    'temporal-schema',
    'temporal-ui',
    'worker',
  ]);
  expect(s.temporal.image).toMatch(/^temporalio\/server:/);
  expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).not.toMatch(/auto-setup/);
  expect(s.temporal.environment?.DB).toBe('postgres12');
  expect(s.temporal.environment?.POSTGRES_SEEDS).toBe('postgresql');
  expect(s['temporal-schema'].image).toMatch(/^temporalio\/admin-tools:/);
  // The schema step is deploy/temporal-schema.sh, mounted read-only: the file test/production runs too.
  expect(s['temporal-schema'].entrypoint).toEqual(['/bin/sh', '/deploy/temporal-schema.sh']);
  expect(s['temporal-schema'].volumes).toContain('./deploy:/deploy:ro');
  const schema = readFileSync(join(root, 'deploy', 'temporal-schema.sh'), 'utf8');
  for (const db of ['temporal', 'temporal_visibility'])
    expect(schema).toMatch(new RegExp(`schema "\\$\\{\\w+:-${db}\\}"`));
  expect(schema).toMatch(/--plugin postgres12/);
  expect(schema).toMatch(/setup-schema -v 0\.0/);
  expect(schema).toMatch(/update-schema -d/);
  expect(s.temporal.depends_on?.['temporal-schema'].condition).toBe('service_completed_successfully');
  // The same versions for server and admin-tools.
  expect(s.temporal.image!.split(':')[1]).toBe(s['temporal-admin-tools'].image!.split(':')[1]);
  expect(s['temporal-schema'].image).toBe(s['temporal-admin-tools'].image);
});

test('every third-party image is pinned to a version (no latest, no bare name)', () => {
  for (const [name, svc] of Object.entries(s)) {
    if (name === 'worker') continue;
    expect(svc.image).toMatch(/^[\w./-]+:\d+\.\d+(\.\d+)?[\w.-]*$/);
  }
});

test('the worker is built from this repo and configured only through environment variables', () => {
  expect(s.worker.build).toBe('.');
  expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/CMD \["worker"\]/);
  const env = s.worker.environment ?? {};
  for (const k of [
    'TEMPORAL_ADDRESS',
    'TEMPORAL_NAMESPACE',
    'ATLAS_RESTORE_TASK_QUEUE',
    'MONGODB_ATLAS_BASE_URL',
    'MONGODB_ATLAS_CLIENT_ID',
    'MONGODB_ATLAS_CLIENT_SECRET',
    'MONGODB_ATLAS_PUBLIC_API_KEY',
    'MONGODB_ATLAS_PRIVATE_API_KEY',
    'MONGODB_ATLAS_ACCESS_TOKEN',
  ])
    expect(env).toHaveProperty(k);
  // Secrets are passed through from the host environment, never written into the file.
  for (const k of ['MONGODB_ATLAS_CLIENT_SECRET', 'MONGODB_ATLAS_PRIVATE_API_KEY', 'MONGODB_ATLAS_ACCESS_TOKEN'])
    expect(env[k]).toMatch(/^\$\{[A-Z_]+:-\}$/);
  expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
});

test('start order is gated on health, and the worker waits for the search attributes', () => {
  expect(s['temporal-schema'].depends_on?.postgresql.condition).toBe('service_healthy');
  expect(s['temporal-ui'].depends_on?.temporal.condition).toBe('service_healthy');
  expect(s.worker.depends_on?.temporal.condition).toBe('service_healthy');
  expect(s.worker.depends_on?.['temporal-admin-tools'].condition).toBe('service_completed_successfully');
  expect(s.postgresql.healthcheck).toBeDefined();
  expect(s.temporal.healthcheck).toBeDefined();
});

test('closed by default: Temporal gRPC 7233 and UI 8080 on loopback only; the worker scales (no host port, no container name), metrics on the network', () => {
  expect(s.temporal.ports).toEqual(['127.0.0.1:7233:7233']);
  expect(s['temporal-ui'].ports).toEqual(['127.0.0.1:8080:8080']);
  for (const svc of Object.values(s)) for (const p of svc.ports ?? []) expect(p).toMatch(/^127\.0\.0\.1:/);
  // The worker's endpoint binds 127.0.0.1 by default; compose opens it to its own network only (no host port).
  expect(s.worker.environment?.ATLAS_RESTORE_METRICS_HOST).toBe('0.0.0.0');
  // Any wider exposure is a documented choice: mTLS for the frontend, OIDC login for the UI.
  const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  expect(text).toMatch(/mTLS/);
  expect(text).toMatch(/TEMPORAL_AUTH_ENABLED/);
  expect(s.worker.ports).toBeUndefined();
  expect(s.worker.container_name).toBeUndefined();
  expect(s.worker.expose).toContain('9464');
  expect(s.worker.environment?.ATLAS_RESTORE_METRICS_PORT).toBe('9464');
});

test('the worker: a healthcheck on its metrics endpoint, a stop grace beyond its shutdown grace, the rate budget and webhook wired', () => {
  expect(s.worker.healthcheck?.test.join(' ')).toMatch(/node -e .*fetch\('http:\/\/127\.0\.0\.1:9464\/metrics'\)/);
  const env = s.worker.environment ?? {};
  expect(env.ATLAS_RESTORE_SHUTDOWN_GRACE).toBe('${ATLAS_RESTORE_SHUTDOWN_GRACE:-30s}');
  // Docker kills at stop_grace_period: it must outlast the grace and the worker's 10 s force margin after it.
  expect(parseInt(s.worker.stop_grace_period ?? '0', 10)).toBeGreaterThan(30 + 10);
  for (const k of [
    'ATLAS_RESTORE_RATE_BUDGET',
    'ATLAS_RESTORE_WEBHOOK_URL',
    'ATLAS_RESTORE_WEBHOOK_EVENTS',
    'ATLAS_RESTORE_WEBHOOK_SECRET',
  ])
    expect(env[k]).toBe(`\${${k}:-}`);
});

test('admin-tools creates exactly our search attributes (common/constants.ts), only where missing, never hiding a failure', () => {
  const list = (s['temporal-admin-tools'].environment?.SEARCH_ATTRIBUTES ?? '').split(/\s+/).filter(Boolean);
  const TYPE_NAMES: Record<string, string> = {
    KEYWORD: 'Keyword',
    DOUBLE: 'Double',
    TEXT: 'Text',
    INT: 'Int',
    BOOL: 'Bool',
    DATETIME: 'Datetime',
    KEYWORD_LIST: 'KeywordList',
  };
  expect(list.sort()).toEqual(ALL_SEARCH_ATTRIBUTES.map((k) => `${k.name}:${TYPE_NAMES[k.type]}`).sort());
  expect(s['temporal-admin-tools'].entrypoint).toEqual(['/bin/sh', '/deploy/temporal-namespace.sh']);
  expect(s['temporal-admin-tools'].volumes).toContain('./deploy:/deploy:ro');
  const cmd = readFileSync(join(root, 'deploy', 'temporal-namespace.sh'), 'utf8');
  expect(cmd).toMatch(/set -eu/);
  expect(cmd).toMatch(/retry t operator search-attribute list/);
  expect(cmd).toMatch(/search-attribute create/);
  expect(cmd).toMatch(/namespace create/);
  for (const f of ['temporal-namespace.sh', 'temporal-schema.sh'])
    expect(readFileSync(join(root, 'deploy', f), 'utf8')).not.toMatch(/\|\|\s*true|;\s*true\b/);
});

const composeBin = ['docker-compose'].find((b) => spawnSync(b, ['version'], { stdio: 'ignore' }).status === 0);
if (!composeBin)
  console.warn(
    'docker-compose is not installed (apt-get install docker-compose; .ci/run does it): `docker-compose config` skipped',
  );
(composeBin ? test : test.skip)(
  'docker-compose config accepts the file, with secrets passed through from the environment',
  () => {
    const config = (env: Record<string, string>) =>
      spawnSync(composeBin!, ['-f', join(root, 'docker-compose.yml'), 'config'], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
      });
    // No default database password: compose refuses the file until one is given.
    const bare = config({});
    expect(bare.status).not.toBe(0);
    expect(bare.stderr).toMatch(/POSTGRES_PASSWORD/);
    const r = config({ MONGODB_ATLAS_CLIENT_SECRET: 'from-env-xyz', POSTGRES_PASSWORD: 'pw-from-env' });
    expect(r.stderr).not.toMatch(/invalid|error/i);
    expect(r.status).toBe(0);
    const resolved = parse(r.stdout) as typeof compose;
    expect(resolved.services.worker.environment?.MONGODB_ATLAS_CLIENT_SECRET).toBe('from-env-xyz');
    expect(resolved.services.postgresql.environment?.POSTGRES_PASSWORD).toBe('pw-from-env');
    expect(resolved.services.temporal.environment?.POSTGRES_PWD).toBe('pw-from-env');
    expect(resolved.services['temporal-schema'].environment?.SQL_PASSWORD).toBe('pw-from-env');
    expect(resolved.services.worker.depends_on?.['temporal-admin-tools'].condition).toBe(
      'service_completed_successfully',
    );
  },
);

test('the image holds the product and the prebuilt workflow bundle: no simulator, dev server, benchmark or demo', () => {
  const docker = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const copied = [...docker.split(/^FROM /m)[1].matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)].flatMap((m) =>
    m[1].split(/\s+/),
  );
  for (const dir of ['common', 'workflows', 'activities', 'atlas', 'worker', 'client', 'config'])
    expect(copied).toContain(dir);
  for (const dir of ['simulator', 'devserver', 'bench', 'demo', 'test']) expect(copied).not.toContain(dir);
  expect(docker).toMatch(/RUN npm run build && test -s dist\/workflow-bundle\.js/);
  expect(docker).toMatch(/COPY --from=build \/app\/dist dist/);
});

test('the image build stage has every folder the build compiles (tsc run on exactly what the Dockerfile copies)', () => {
  const docker = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const buildStage = docker.split(/^FROM /m)[1];
  const copied = [...buildStage.matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)].flatMap((m) => m[1].split(/\s+/));
  // tsconfig files are JSON with comments: read them as tsc does.
  const include = (
    ts.readConfigFile(join(root, 'tsconfig.build.json'), ts.sys.readFile).config as { include: string[] }
  ).include;
  for (const dir of include) expect(copied).toContain(dir);
  // And the build really compiles from those alone.
  const ctx = mkdtempSync(join(tmpdir(), 'image-build-'));
  try {
    for (const p of copied) {
      mkdirSync(dirname(join(ctx, p)), { recursive: true });
      cpSync(join(root, p), join(ctx, p), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(ctx, 'node_modules'));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noEmit'],
      { cwd: ctx, stdio: 'pipe' },
    );
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}, 120_000);

test('versions tested together: compose deploys the Temporal Server test/production builds (deploy/versions.json)', () => {
  const versions = JSON.parse(readFileSync(join(root, 'deploy', 'versions.json'), 'utf8')) as {
    temporalServer: string;
    temporalUi: string;
  };
  expect(s.temporal.image).toBe(`temporalio/server:${versions.temporalServer}`);
  expect(s['temporal-schema'].image).toBe(`temporalio/admin-tools:${versions.temporalServer}`);
  expect(s['temporal-ui'].image).toBe(`temporalio/ui:${versions.temporalUi}`);
  // The dev server the rest of the suite runs is the same server version (scripts/setup-temporal.mjs).
  expect(readFileSync(join(root, 'scripts', 'setup-temporal.mjs'), 'utf8')).toContain(
    `server ${versions.temporalServer}`,
  );
});

test('the server gets its dynamic config: the folder mounted where DYNAMIC_CONFIG_FILE_PATH points, the file in the repo', () => {
  expect(s.temporal.volumes).toContain('./deploy/dynamicconfig:/etc/temporal/config/dynamicconfig:ro');
  const path = s.temporal.environment?.DYNAMIC_CONFIG_FILE_PATH ?? '';
  expect(path.startsWith('/etc/temporal/config/dynamicconfig/')).toBe(true);
  const local = join(root, 'deploy', 'dynamicconfig', path.slice('/etc/temporal/config/dynamicconfig/'.length));
  expect(parse(readFileSync(local, 'utf8'))).toEqual(expect.any(Object));
});

test('the image and CI run the same Node.js LTS (deploy/versions.json), past Node 20', () => {
  const { node } = JSON.parse(readFileSync(join(root, 'deploy', 'versions.json'), 'utf8')) as { node: string };
  expect(Number(node.split('.')[0])).toBeGreaterThanOrEqual(22);
  const froms = [...readFileSync(join(root, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
  expect(froms).toEqual([`node:${node}-bookworm-slim`, `node:${node}-bookworm-slim`]);
  expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/PATH="\$\(node scripts\/setup-node\.mjs\):\$PATH"/);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
  expect(pkg.engines.node).toBe(`>=${node.split('.').slice(0, 2).join('.')}`);
});
