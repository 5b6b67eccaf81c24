// No Docker engine runs here, so the deployment files are checked for structure: the services, pinned images,
// ports, health-gated start order, the worker's configuration through environment variables, and no secrets.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_SEARCH_ATTRIBUTES } from '../../common/constants';

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; ports?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; command?: string[] | string; healthcheck?: unknown }>;
};
const s = compose.services;

test('has Temporal on PostgreSQL, the UI, admin-tools and our worker', () => {
  expect(Object.keys(s).sort()).toEqual(['postgresql', 'temporal', 'temporal-admin-tools', 'temporal-ui', 'worker']);
  expect(s.temporal.environment?.DB).toBe('postgres12');
  expect(s.temporal.environment?.POSTGRES_SEEDS).toBe('postgresql');
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
  for (const k of ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'ATLAS_RESTORE_TASK_QUEUE', 'MONGODB_ATLAS_BASE_URL', 'MONGODB_ATLAS_CLIENT_ID', 'MONGODB_ATLAS_CLIENT_SECRET', 'MONGODB_ATLAS_PUBLIC_API_KEY', 'MONGODB_ATLAS_PRIVATE_API_KEY', 'MONGODB_ATLAS_ACCESS_TOKEN'])
    expect(env).toHaveProperty(k);
  // Secrets are passed through from the host environment, never written into the file.
  for (const k of ['MONGODB_ATLAS_CLIENT_SECRET', 'MONGODB_ATLAS_PRIVATE_API_KEY', 'MONGODB_ATLAS_ACCESS_TOKEN']) expect(env[k]).toMatch(/^\$\{[A-Z_]+:-\}$/);
  expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
});

test('start order is gated on health, and the worker waits for the search attributes', () => {
  expect(s.temporal.depends_on?.postgresql.condition).toBe('service_healthy');
  expect(s['temporal-ui'].depends_on?.temporal.condition).toBe('service_healthy');
  expect(s.worker.depends_on?.temporal.condition).toBe('service_healthy');
  expect(s.worker.depends_on?.['temporal-admin-tools'].condition).toBe('service_completed_successfully');
  expect(s.postgresql.healthcheck).toBeDefined();
  expect(s.temporal.healthcheck).toBeDefined();
});

test('ports: Temporal gRPC 7233, UI 8080, worker metrics 9464', () => {
  expect(s.temporal.ports).toContain('7233:7233');
  expect(s['temporal-ui'].ports).toContain('8080:8080');
  expect(s.worker.ports).toContain('9464:9464');
  expect(s.worker.environment?.ATLAS_RESTORE_METRICS_PORT).toBe('9464');
});

test('admin-tools registers every search attribute the workflow upserts, with its type', () => {
  const cmd = ([] as string[]).concat(s['temporal-admin-tools'].command ?? []).join(' ');
  for (const key of ALL_SEARCH_ATTRIBUTES) {
    expect(cmd).toContain(key.name);
    if (key.type === 'DOUBLE') expect(cmd).toMatch(new RegExp(`--name ${key.name} --type Double`));
  }
});

test('the image build stage has every folder the build compiles (tsc run on exactly what the Dockerfile copies)', () => {
  const docker = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const buildStage = docker.split(/^FROM /m)[1];
  const copied = [...buildStage.matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)].flatMap((m) => m[1].split(/\s+/));
  const include = (JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;
  for (const dir of include) expect(copied).toContain(dir);
  // And the build really compiles from those alone.
  const ctx = mkdtempSync(join(tmpdir(), 'image-build-'));
  try {
    for (const p of copied) cpSync(join(root, p), join(ctx, p), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(ctx, 'node_modules'));
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noEmit'], { cwd: ctx, stdio: 'pipe' });
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}, 120_000);
