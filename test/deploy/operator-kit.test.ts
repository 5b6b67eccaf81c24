// The operator's kit under deploy/, each checked by a real tool: the alert rules by promtool (check + unit tests
// that fire and do not fire each alert), the Grafana dashboard by the Grafana Foundation SDK's strict decoding, the
// Kubernetes manifests by strict decoding into the Kubernetes API types (scripts/deploy-check; kubeconform embeds no
// schemas and downloads them from GitHub, unreachable here). Tools missing: a failure in CI, a warning elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = join(__dirname, '..', '..');
const deploy = (...p: string[]) => join(root, 'deploy', ...p);
const inCi = process.env.CI === 'true';

function tool(name: string, args: string[]): boolean {
  if (spawnSync(name, args, { stdio: 'ignore' }).status === 0) return true;
  if (inCi) throw new Error(`${name} is missing in CI (.ci/run installs it)`);
  console.warn(`${name} is not installed: its checks are skipped (apt-get install prometheus; .ci/run does it)`);
  return false;
}
const promtool = tool('promtool', ['--version']);

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  annotations: { summary: string; runbook_url: string };
}
const rules = (parse(readFileSync(deploy('alerts.yaml'), 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap(
  (g) => g.rules,
);

(promtool ? test : test.skip)('promtool check rules and promtool test rules pass', () => {
  expect(execFileSync('promtool', ['check', 'rules', deploy('alerts.yaml')], { encoding: 'utf8' })).toMatch(
    new RegExp(`SUCCESS: ${rules.length} rules found`),
  );
  const r = spawnSync('promtool', ['test', 'rules', deploy('alerts.test.yaml')], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toMatch(/SUCCESS/);
  expect(r.status).toBe(0);
});

(promtool ? test : test.skip)('the unit tests can fail: a rule that never fires fails them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
  try {
    const broken = readFileSync(deploy('alerts.yaml'), 'utf8').replace(
      'max(atlas_restore_restores_awaiting_approval) > 0',
      'max(atlas_restore_restores_awaiting_approval) > 1000',
    );
    writeFileSync(join(dir, 'alerts.yaml'), broken);
    writeFileSync(join(dir, 'alerts.test.yaml'), readFileSync(deploy('alerts.test.yaml')));
    const r = spawnSync('promtool', ['test', 'rules', join(dir, 'alerts.test.yaml')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/AtlasRestoreAwaitingApproval/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the alerts the issue names, each unit-tested both ways, each with a runbook anchor in docs/production.md', () => {
  expect(rules.map((r) => r.alert).sort()).toEqual(
    [
      'AtlasRestoreAwaitingApproval',
      'AtlasRestoreDeadlineExceeded',
      'AtlasRestoreAtlasUnreachable',
      'AtlasRestoreNotificationsUndelivered',
      'AtlasRestoreNoPollers',
      'AtlasRestoreNonDeterminism',
      'AtlasRestoreWorkflowTaskBacklog',
      'AtlasRestoreNoPassedDrill',
    ].sort(),
  );
  const tests = (
    parse(readFileSync(deploy('alerts.test.yaml'), 'utf8')) as {
      tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
    }
  ).tests.flatMap((t) => t.alert_rule_test);
  const doc = readFileSync(join(root, 'docs', 'production.md'), 'utf8');
  // GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped.
  const anchors = new Set(
    [...doc.matchAll(/^#+ (.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    ),
  );
  for (const r of rules) {
    const mine = tests.filter((t) => t.alertname === r.alert);
    expect([r.alert, mine.some((t) => t.exp_alerts.length > 0)]).toEqual([r.alert, true]);
    expect([r.alert, mine.some((t) => t.exp_alerts.length === 0)]).toEqual([r.alert, true]);
    const m = /^docs\/production\.md#(.+)$/.exec(r.annotations.runbook_url);
    expect([r.alert, m && anchors.has(m[1])]).toEqual([r.alert, true]);
  }
});

/** Every atlas_restore_* series the kit queries is one the code defines (counters get _total, histograms _bucket). */
function ourMetrics(): Set<string> {
  const names = new Set<string>();
  const files = execFileSync('git', ['ls-files', 'worker', 'workflows', 'activities'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  for (const f of files)
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(
      /create(Counter|Histogram|Gauge)\(\s*'(atlas_restore_\w+)'/g,
    )) {
      if (m[1] === 'Counter') names.add(`${m[2]}_total`);
      else if (m[1] === 'Histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(m[2] + s);
      else names.add(m[2]);
    }
  return names;
}

test('alerts and dashboard query only metrics the worker exports', () => {
  const known = ourMetrics();
  expect(known.has('atlas_restore_outcomes_total')).toBe(true);
  const dashboard = readFileSync(deploy('grafana', 'atlas-restore.json'), 'utf8');
  const used = [...(readFileSync(deploy('alerts.yaml'), 'utf8') + dashboard).matchAll(/\batlas_restore_\w+/g)].map(
    (m) => m[0],
  );
  expect(used.length).toBeGreaterThan(10);
  for (const u of new Set(used)) expect([u, known.has(u)]).toEqual([u, true]);
});

const deployCheck = (() => {
  if (!tool('go', ['version'])) return undefined;
  return execFileSync(process.execPath, [join(root, 'scripts', 'setup-deploy-check.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
})();

(deployCheck ? test : test.skip)(
  'the Grafana dashboard decodes strictly with the Grafana Foundation SDK',
  () => {
    const out = execFileSync(deployCheck!, ['dashboard', deploy('grafana', 'atlas-restore.json')], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/valid dashboard "atlas-restore", 11 panels/);
    // And the check can fail: a misspelt field is refused.
    const dir = mkdtempSync(join(tmpdir(), 'dash-'));
    try {
      const bad = JSON.parse(readFileSync(deploy('grafana', 'atlas-restore.json'), 'utf8')) as Record<string, unknown>;
      bad.refreshh = '30s';
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
      const r = spawnSync(deployCheck!, ['dashboard', join(dir, 'bad.json')], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/refreshh/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  600_000,
);

interface K8sDoc {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}
const manifests = parseAllDocuments(readFileSync(deploy('kubernetes', 'worker.yaml'), 'utf8')).map(
  (d) => d.toJS() as K8sDoc,
);

(deployCheck ? test : test.skip)(
  'the Kubernetes manifests decode strictly into the Kubernetes API types',
  () => {
    const out = execFileSync(deployCheck!, ['k8s', deploy('kubernetes', 'worker.yaml')], { encoding: 'utf8' });
    for (const kind of ['ServiceAccount', 'Deployment', 'PodDisruptionBudget', 'Service', 'ServiceMonitor'])
      expect(out).toMatch(new RegExp(`valid ${kind} `));
    const dir = mkdtempSync(join(tmpdir(), 'k8s-'));
    try {
      const bad = readFileSync(deploy('kubernetes', 'worker.yaml'), 'utf8').replace(
        'terminationGracePeriodSeconds: 60',
        'terminationGracePeriodSecond: 60',
      );
      writeFileSync(join(dir, 'bad.yaml'), bad);
      const r = spawnSync(deployCheck!, ['k8s', join(dir, 'bad.yaml')], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/terminationGracePeriodSecond/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  600_000,
);

test('the worker Deployment: grace beyond shutdown grace + 10 s, PDB, probes on metrics, secrets and policy from files', () => {
  const of = (kind: string) => manifests.find((m) => m.kind === kind)!;
  const dep = of('Deployment').spec as {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds: number;
        containers: {
          env: { name: string; value?: string }[];
          ports: { name: string; containerPort: number }[];
          readinessProbe: { httpGet: { path: string; port: string } };
          livenessProbe: { httpGet: { path: string; port: string } };
        }[];
        volumes: { name: string; secret?: unknown; configMap?: { name: string } }[];
      };
    };
  };
  const pod = dep.template.spec;
  const c = pod.containers[0];
  const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
  const grace = Number(/^(\d+)s$/.exec(env.ATLAS_RESTORE_SHUTDOWN_GRACE ?? '')?.[1]);
  expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(grace + 10);
  expect(dep.template.metadata.labels).toMatchObject(dep.selector.matchLabels);
  expect((of('PodDisruptionBudget').spec.selector as { matchLabels: unknown }).matchLabels).toEqual(
    dep.selector.matchLabels,
  );
  const metricsPort = c.ports.find((p) => p.name === 'metrics')!;
  expect(String(metricsPort.containerPort)).toBe(env.ATLAS_RESTORE_METRICS_PORT);
  expect(env.ATLAS_RESTORE_METRICS_HOST).toBe('0.0.0.0');
  for (const probe of [c.readinessProbe, c.livenessProbe])
    expect(probe.httpGet).toEqual({ path: '/metrics', port: 'metrics' });
  // Secrets only as files; no credential value in the spec.
  for (const k of [
    'MONGODB_ATLAS_CLIENT_SECRET',
    'MONGODB_ATLAS_PRIVATE_API_KEY',
    'MONGODB_ATLAS_ACCESS_TOKEN',
    'TEMPORAL_API_KEY',
  ])
    expect(env[k]).toBeUndefined();
  expect(env.MONGODB_ATLAS_CLIENT_SECRET_FILE).toMatch(/^\/run\/secrets\//);
  expect(env.ATLAS_RESTORE_POLICY).toMatch(/^\/etc\/atlas-restore\//);
  expect(pod.volumes.find((v) => v.name === 'policy')?.configMap?.name).toBe('atlas-restore-policy');
  const sm = of('ServiceMonitor').spec as { endpoints: { port: string }[] };
  expect(sm.endpoints[0].port).toBe('metrics');
});
