// A drill's report as Markdown an auditor can read (`atlas-restore drill report <name> -o md`): the outcome and why,
// RPO/RTO, each stage's duration, the ids to look up in Atlas, what verification found, what the janitor cleaned
// up, and the trend against earlier runs. Rendered from the workflow's DrillResult (common/drill.ts) alone.
import type { DrillResult, DrillStage, DrillTrendPoint } from '../common/drill';
import { sanitize } from '../common/text';

/** Text from Atlas or a requester, inside a table cell or a line: no controls, no column break, no stray markup. */
const md = (s: string): string => sanitize(s.replace(/\\/g, '\\\\')).replace(/([|`*_<>[\]])/g, '\\$1');
/** An id or name shown as code (a backtick inside would end it early: dropped; a `|` would end a table cell). */
const code = (s: string): string => `\`${sanitize(s).replace(/`/g, '').replace(/\|/g, '\\|')}\``;

/** `3723` → `1 h 2 min 3 s`: exact to the second, readable at a glance. */
export function humanDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, (s % 60 || s === 0) && `${s % 60} s`].filter(Boolean);
  return parts.join(' ');
}

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

const OUTCOME_LINE: Record<DrillResult['outcome'], string> = {
  PASSED: '✅ PASSED',
  FAILED: '❌ FAILED',
  LEFT_BEHIND: '⚠️ LEFT_BEHIND (a scratch cluster still exists)',
};

function stageRows(stages: DrillStage[]): string[][] {
  return stages.map((s) => [
    s.name,
    md(s.startedAt),
    s.finishedAt ? md(s.finishedAt) : 'not finished',
    humanDuration(s.durationS),
    s.detail ? md(s.detail) : '',
  ]);
}

function trendRows(r: DrillResult): string[][] {
  const current: DrillTrendPoint = {
    workflowId: r.workflowId,
    runId: r.runId,
    startedAt: r.startedAt,
    outcome: r.outcome,
    rtoSeconds: r.rtoSeconds,
    rpoSeconds: r.rpoSeconds,
    documents: r.verification?.manifest?.documents,
  };
  return [current, ...r.trend].map((p, i) => [
    i === 0 ? `**${md(p.startedAt)}** (this run)` : md(p.startedAt),
    p.outcome,
    humanDuration(p.rtoSeconds),
    humanDuration(p.rpoSeconds),
    p.documents === undefined ? '—' : String(p.documents),
    code(p.runId),
  ]);
}

function verificationSection(r: DrillResult): string[] {
  const v = r.verification;
  if (!v) return ['Not reached: the drill ended before the restored data could be checked.'];
  const out = [`Status: **${v.status}**${v.reason ? ` — ${md(v.reason)}` : ''}`];
  const m = v.manifest;
  if (!m) return out;
  out.push(
    '',
    `The restored cluster held ${m.databases} database(s), ${m.collections} collection(s), ${m.documents} document(s)` +
      (m.dataSizeBytes !== undefined ? `, ${m.dataSizeBytes} bytes of data` : '') +
      '.',
  );
  if (m.items.length)
    out.push(
      '',
      ...table(
        ['Database', 'Collection', 'Documents', 'Indexes'],
        m.items.map((c) => [code(c.db), code(c.collection), String(c.count), c.indexes.map(code).join(', ')]),
      ),
    );
  if (m.omitted)
    out.push(
      '',
      `${m.omitted.collections} more collection(s) (${m.omitted.documents} document(s)) are counted above but not listed.`,
    );
  return out;
}

function janitorSection(j: DrillResult['janitor']): string[] {
  if (!j.found.length) return ['No scratch cluster of an earlier run of this drill was found.'];
  const list = (xs: string[]) => (xs.length ? xs.map(code).join(', ') : 'none');
  return [
    `Found ${j.found.length} scratch cluster(s) left by earlier runs: ${list(j.found)}.`,
    `- deleted (404 confirmed): ${list(j.deleted)}`,
    `- still there: ${list(j.leftBehind)}`,
  ];
}

/** The whole report; one Markdown document, headed by the drill's name and run. */
export function drillReportMarkdown(r: DrillResult): string {
  const sc = r.scratch;
  const ids: string[][] = [
    ['Source cluster', `${code(r.source.clusterName)} in project ${code(r.source.projectId)}`],
    [
      'Snapshot',
      r.snapshot ? `${code(r.snapshot.id)}, finished ${md(r.snapshot.finishedAt)}` : 'none (no snapshot was chosen)',
    ],
    [
      'Scratch cluster',
      sc
        ? `${code(sc.clusterName)} in project ${code(sc.projectId)}: ${sc.created ? 'created' : 'not created'}, ` +
          (sc.deleted ? 'deleted (404 confirmed)' : sc.created ? '**NOT deleted**' : 'nothing to delete')
        : 'none',
    ],
    [
      'Restore',
      r.restore
        ? `workflow ${code(r.restore.workflowId)}${r.restore.runId ? ` run ${code(r.restore.runId)}` : ''}` +
          `${r.restore.outcome ? `, outcome ${r.restore.outcome}` : ''}` +
          `${r.restore.restoreJobId ? `, Atlas restore job ${code(r.restore.restoreJobId)}` : ''}`
        : 'not started',
    ],
    ['Drill run', `workflow ${code(r.workflowId)} run ${code(r.runId)}`],
  ];
  return [
    `# Restore drill report: ${md(r.drill)}`,
    '',
    `**Outcome: ${OUTCOME_LINE[r.outcome]}**`,
    '',
    `Reason: ${md(r.reason)}`,
    '',
    `Run from ${md(r.startedAt)} to ${md(r.finishedAt)}.`,
    '',
    '## Recovery objectives',
    '',
    ...table(
      ['Measure', 'Value', 'Measured as'],
      [
        [
          'RPO',
          humanDuration(r.rpoSeconds),
          "restore request time − the snapshot's finish time (how old the restored data was)",
        ],
        ['RTO', humanDuration(r.rtoSeconds), 'from the restore request to the data verified'],
      ],
    ),
    '',
    r.requestedAt ? `The restore was requested at ${md(r.requestedAt)}.` : 'No restore was requested.',
    '',
    '## Stages',
    '',
    ...(r.stages.length
      ? table(['Stage', 'Started', 'Finished', 'Duration', 'Detail'], stageRows(r.stages))
      : ['No stage ran.']),
    '',
    '## Identifiers',
    '',
    ...table(['What', 'Id'], ids),
    '',
    '## Verification',
    '',
    ...verificationSection(r),
    '',
    '## Janitor',
    '',
    ...janitorSection(r.janitor),
    '',
    '## Trend',
    '',
    `This run and up to 10 earlier runs of the drill, newest first.`,
    '',
    ...table(['Started', 'Outcome', 'RTO', 'RPO', 'Documents', 'Run'], trendRows(r)),
    '',
  ].join('\n');
}
