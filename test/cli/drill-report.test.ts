// The drill report an auditor reads (client/drill-report.ts), from a DrillResult as the drill workflow returns it:
// every fact of the result is on the page, in words, and what Atlas or a requester wrote cannot break the Markdown.
import { drillReportMarkdown, humanDuration } from '../../client/drill-report';
import type { DrillResult } from '../../common/drill';

const passed: DrillResult = {
  drill: 'orders-weekly',
  workflowId: 'atlas-restore-drill-orders-weekly-2026-12-07T03:00:00Z',
  runId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  outcome: 'PASSED',
  reason: 'restored snapshot 65a1d0c0ffee0000000051a2 into drill-orders-m5-202612070300, verified, cluster deleted',
  startedAt: '2026-12-07T03:00:00.000Z',
  finishedAt: '2026-12-07T03:09:30.000Z',
  source: { projectId: '65a1d0c0ffee00000000a001', clusterName: 'orders-m5' },
  snapshot: { id: '65a1d0c0ffee0000000051a2', finishedAt: '2026-12-06T21:00:00.000Z' },
  scratch: {
    projectId: '65a1d0c0ffee00000000a001',
    clusterName: 'drill-orders-m5-202612070300',
    created: true,
    deleted: true,
  },
  restore: {
    workflowId: 'atlas-restore-65a1d0c0ffee00000000a001-drill-orders-m5-202612070300',
    runId: 'child-run-1',
    outcome: 'COMPLETED',
    restoreJobId: '65a1d0c0ffee00000000f00d',
  },
  requestedAt: '2026-12-07T03:02:00.000Z',
  rpoSeconds: 21_720,
  rtoSeconds: 3723,
  stages: [
    {
      name: 'janitor',
      startedAt: '2026-12-07T03:00:00Z',
      finishedAt: '2026-12-07T03:00:01Z',
      durationS: 1,
      detail: 'one leftover deleted',
    },
    {
      name: 'create-cluster',
      startedAt: '2026-12-07T03:00:01Z',
      finishedAt: '2026-12-07T03:02:00Z',
      durationS: 119,
      detail: 'IDLE after 119 s',
    },
    { name: 'restore', startedAt: '2026-12-07T03:02:00Z', finishedAt: '2026-12-07T03:07:00Z', durationS: 300 },
    { name: 'verification', startedAt: '2026-12-07T03:07:00Z', finishedAt: '2026-12-07T03:08:00Z', durationS: 60 },
    {
      name: 'teardown',
      startedAt: '2026-12-07T03:08:00Z',
      finishedAt: '2026-12-07T03:09:30Z',
      durationS: 90,
      detail: 'deleted, 404 confirmed',
    },
  ],
  verification: {
    status: 'PASSED',
    manifest: {
      databases: 1,
      collections: 2,
      documents: 1500,
      dataSizeBytes: 65536,
      items: [
        { db: 'shop', collection: 'orders', count: 1200, indexes: ['_id_', 'customer_1'] },
        { db: 'shop', collection: 'customers', count: 300, indexes: ['_id_'] },
      ],
    },
  },
  janitor: {
    found: ['drill-orders-m5-202611300300'],
    deleted: ['drill-orders-m5-202611300300'],
    leftBehind: [],
  },
  trend: [
    {
      workflowId: 'atlas-restore-drill-orders-weekly-2026-11-30T03:00:00Z',
      runId: 'earlier-run-1',
      startedAt: '2026-11-30T03:00:00.000Z',
      outcome: 'LEFT_BEHIND',
      rtoSeconds: 3600,
      rpoSeconds: 7200,
      documents: 1400,
    },
    {
      workflowId: 'atlas-restore-drill-orders-weekly-2026-11-23T03:00:00Z',
      runId: 'earlier-run-2',
      startedAt: '2026-11-23T03:00:00.000Z',
      outcome: 'FAILED',
    },
  ],
};

/** The Markdown table row whose first cell is `first`, as its cells. */
const row = (md: string, first: string): string[] | undefined =>
  md
    .split('\n')
    .find((l) => l.startsWith(`| ${first} |`))
    ?.split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());

test('a passed drill: outcome and reason, RPO/RTO, every stage with its duration, the ids, the manifest, the janitor', () => {
  const md = drillReportMarkdown(passed);
  expect(md.startsWith('# Restore drill report: orders-weekly\n')).toBe(true);
  expect(md).toContain('**Outcome: ✅ PASSED**');
  expect(md).toContain(`Reason: ${passed.reason}`);
  expect(row(md, 'RPO')?.slice(0, 2)).toEqual(['RPO', '6 h 2 min']);
  expect(row(md, 'RTO')?.slice(0, 2)).toEqual(['RTO', '1 h 2 min 3 s']);
  expect(md).toContain('The restore was requested at 2026-12-07T03:02:00.000Z.');
  expect(row(md, 'create-cluster')).toEqual([
    'create-cluster',
    '2026-12-07T03:00:01Z',
    '2026-12-07T03:02:00Z',
    '1 min 59 s',
    'IDLE after 119 s',
  ]);
  expect(row(md, 'restore')?.[3]).toBe('5 min');
  expect(row(md, 'verification')?.[3]).toBe('1 min');
  expect(row(md, 'teardown')?.slice(3)).toEqual(['1 min 30 s', 'deleted, 404 confirmed']);
  expect(row(md, 'Snapshot')?.[1]).toBe('`65a1d0c0ffee0000000051a2`, finished 2026-12-06T21:00:00.000Z');
  expect(row(md, 'Scratch cluster')?.[1]).toBe(
    '`drill-orders-m5-202612070300` in project `65a1d0c0ffee00000000a001`: created, deleted (404 confirmed)',
  );
  expect(row(md, 'Restore')?.[1]).toContain('outcome COMPLETED, Atlas restore job `65a1d0c0ffee00000000f00d`');
  expect(md).toContain('Status: **PASSED**');
  expect(md).toContain('1 database(s), 2 collection(s), 1500 document(s), 65536 bytes of data');
  expect(row(md, '`shop`')).toEqual(['`shop`', '`orders`', '1200', '`_id_`, `customer_1`']);
  expect(md).toContain('Found 1 scratch cluster(s) left by earlier runs: `drill-orders-m5-202611300300`.');
  expect(md).toContain('- still there: none');
});

test('the trend: this run first, then the earlier ones with their outcome, RTO, RPO and documents', () => {
  const md = drillReportMarkdown(passed);
  const trend = md.slice(md.indexOf('## Trend'));
  const lines = trend
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Started') && !l.startsWith('| ---'));
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe(
    '| **2026-12-07T03:00:00.000Z** (this run) | PASSED | 1 h 2 min 3 s | 6 h 2 min | 1500 | `0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b` |',
  );
  expect(lines[1]).toBe('| 2026-11-30T03:00:00.000Z | LEFT_BEHIND | 1 h | 2 h | 1400 | `earlier-run-1` |');
  expect(lines[2]).toBe('| 2026-11-23T03:00:00.000Z | FAILED | — | — | — | `earlier-run-2` |');
});

test('a drill left behind names the cluster still there; one that failed early says what was not reached', () => {
  const left = drillReportMarkdown({
    ...passed,
    outcome: 'LEFT_BEHIND',
    reason: 'could not delete drill-orders-m5-202612070300 before the deadline',
    scratch: { ...passed.scratch!, deleted: false },
    janitor: { found: ['drill-a', 'drill-b'], deleted: ['drill-a'], leftBehind: ['drill-b'] },
  });
  expect(left).toContain('**Outcome: ⚠️ LEFT_BEHIND (a scratch cluster still exists)**');
  expect(row(left, 'Scratch cluster')?.[1]).toContain('created, **NOT deleted**');
  expect(left).toContain('- deleted (404 confirmed): `drill-a`');
  expect(left).toContain('- still there: `drill-b`');

  const early = drillReportMarkdown({
    ...passed,
    outcome: 'FAILED',
    reason: 'no COMPLETED snapshot of orders-m5',
    snapshot: undefined,
    scratch: undefined,
    restore: undefined,
    requestedAt: undefined,
    rpoSeconds: undefined,
    rtoSeconds: undefined,
    stages: [],
    verification: undefined,
    janitor: { found: [], deleted: [], leftBehind: [] },
    trend: [],
  });
  expect(early).toContain('**Outcome: ❌ FAILED**');
  expect(row(early, 'RTO')?.[1]).toBe('—');
  expect(early).toContain('No restore was requested.');
  expect(early).toContain('No stage ran.');
  expect(row(early, 'Snapshot')?.[1]).toBe('none (no snapshot was chosen)');
  expect(row(early, 'Restore')?.[1]).toBe('not started');
  expect(early).toContain('Not reached: the drill ended before the restored data could be checked.');
  expect(early).toContain('No scratch cluster of an earlier run of this drill was found.');
});

test('text from Atlas cannot break a table, add markup or move the cursor', () => {
  const md = drillReportMarkdown({
    ...passed,
    reason: 'failed | <img src=x> *bold*\n# heading \u001b[2J',
    verification: {
      status: 'FAILED',
      reason: 'count | dropped',
      manifest: {
        databases: 1,
        collections: 1,
        documents: 1,
        items: [{ db: 'a|b', collection: 'c`d', count: 1, indexes: [] }],
      },
    },
  });
  expect(md).toContain('Reason: failed \\| \\<img src=x\\> \\*bold\\*\\x0a# heading \\x1b\\[2J');
  expect(md).not.toContain('\u001b');
  expect(md).toContain('Status: **FAILED** — count \\| dropped');
  expect(row(md, '`a\\|b`')).toEqual(['`a\\|b`', '`cd`', '1', '']);
});

test('durations read exactly', () => {
  expect([0, 59, 60, 3600, 90061, undefined].map(humanDuration)).toEqual([
    '0 s',
    '59 s',
    '1 min',
    '1 h',
    '1 d 1 h 1 min 1 s',
    '—',
  ]);
});
