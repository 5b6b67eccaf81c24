// A hand-made SVG of the two figures that matter, ours next to each peer: API calls per restore (with the floor)
// and detection lag (p99 bar, p50 tick), for the first round and the later rounds. No plotting dependency.
import type { BenchReport } from './report';
import type { GroupFigures } from './metrics';

interface Bar {
  label: string;
  color: string;
  calls: number;
  p50: number;
  p99: number;
}

const SERIES = [
  { label: 'atlas-restore (ours)', color: '#1f6feb' },
  { label: 'atlas CLI watch (4 s)', color: '#d29922' },
  { label: 'CloudFormation (30 s)', color: '#8957e5' },
  { label: 'fixed 10 s timer workflow', color: '#57ab5a' },
];

function bars(g: GroupFigures): Bar[] {
  const p = g.peers;
  const rows = [
    { calls: g.callsPerRestore, p50: g.lagP50S, p99: g.lagP99S },
    { calls: p.atlasCliWatch.callsPerRestore, p50: p.atlasCliWatch.lagP50S, p99: p.atlasCliWatch.lagP99S },
    { calls: p.cloudFormation.callsPerRestore, p50: p.cloudFormation.lagP50S, p99: p.cloudFormation.lagP99S },
    {
      calls: p.fixedTimerWorkflow.callsPerRestore,
      p50: p.fixedTimerWorkflow.lagP50S,
      p99: p.fixedTimerWorkflow.lagP99S,
    },
  ];
  return rows.map((r, i) => ({ ...SERIES[i], ...r }));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const num = (x: number) => (Number.isFinite(x) ? x : 0);

function niceMax(x: number): number {
  const pow = Math.pow(10, Math.floor(Math.log10(Math.max(x, 1e-9))));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= x) return m * pow;
  return 10 * pow;
}

function panel(
  x0: number,
  title: string,
  groups: { name: string; bars: Bar[]; floor?: number }[],
  value: (b: Bar) => number,
  tick?: (b: Bar) => number,
): string {
  const w = 420;
  const h = 260;
  const top = 50;
  const left = x0 + 50;
  const plotW = w - 70;
  const vmax = niceMax(
    Math.max(...groups.flatMap((g) => g.bars.map((b) => num(value(b)))), ...groups.map((g) => g.floor ?? 0)),
  );
  const y = (v: number) => top + h - (num(v) / vmax) * h;
  const out: string[] = [
    `<text x="${x0 + w / 2}" y="28" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const v = (vmax * i) / 5;
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${+v.toFixed(1)}</text>`);
  }
  const groupW = plotW / groups.length;
  groups.forEach((g, gi) => {
    const gx = left + gi * groupW;
    const barW = (groupW - 30) / g.bars.length;
    g.bars.forEach((b, bi) => {
      const bx = gx + 15 + bi * barW;
      const v = num(value(b));
      out.push(
        `<rect x="${bx + 2}" y="${y(v)}" width="${barW - 4}" height="${top + h - y(v)}" fill="${b.color}"><title>${esc(`${b.label}: ${v.toFixed(2)}`)}</title></rect>`,
      );
      out.push(
        `<text x="${bx + barW / 2}" y="${y(v) - 4}" text-anchor="middle" font-size="10">${v.toFixed(v < 10 ? 1 : 0)}</text>`,
      );
      if (tick)
        out.push(
          `<line x1="${bx + 2}" x2="${bx + barW - 2}" y1="${y(tick(b))}" y2="${y(tick(b))}" stroke="#000" stroke-width="2"/>`,
        );
    });
    if (g.floor !== undefined)
      out.push(
        `<line x1="${gx + 10}" x2="${gx + groupW - 10}" y1="${y(g.floor)}" y2="${y(g.floor)}" stroke="#c00" stroke-dasharray="5,3"/><text x="${gx + groupW - 10}" y="${y(g.floor) - 3}" text-anchor="end" font-size="10" fill="#c00">floor ${g.floor.toFixed(1)}</text>`,
      );
    out.push(
      `<text x="${gx + groupW / 2}" y="${top + h + 18}" text-anchor="middle" font-size="12">${esc(g.name)}</text>`,
    );
  });
  out.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + h}" stroke="#333"/><line x1="${left}" x2="${left + plotW}" y1="${top + h}" y2="${top + h}" stroke="#333"/>`,
  );
  return out.join('\n');
}

export function renderPlot(r: BenchReport): string {
  const c = r.config as {
    restoresPerRound: number;
    rounds: number;
    scale: number;
    era: string;
    noise: number;
    seed: number;
  };
  const groups = [
    { name: 'first round', g: r.firstRound },
    ...(r.laterRounds ? [{ name: `later rounds (2–${c.rounds})`, g: r.laterRounds }] : []),
  ];
  const W = 900;
  const H = 420;
  const legend = SERIES.map(
    (s, i) =>
      `<rect x="${60 + i * 205}" y="${H - 52}" width="12" height="12" fill="${s.color}"/><text x="${78 + i * 205}" y="${H - 42}" font-size="12">${esc(s.label)}</text>`,
  ).join('\n');
  const note = `${c.restoresPerRound} restores × ${c.rounds} rounds, era ${c.era}, time scale ${c.scale}, noise ${c.noise}, seed ${c.seed}; seconds are un-scaled. Lag bars: p99; black tick: p50.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    panel(
      0,
      'Atlas API calls per restore',
      groups.map((x) => ({ name: x.name, bars: bars(x.g), floor: x.g.floorCallsPerRestore })),
      (b) => b.calls,
    ),
    panel(
      450,
      'Detection lag (s): p99 bar, p50 tick',
      groups.map((x) => ({ name: x.name, bars: bars(x.g) })),
      (b) => b.p99,
      (b) => b.p50,
    ),
    legend,
    `<text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="11" fill="#555">${esc(note)}</text>`,
    '</svg>',
  ].join('\n');
}
