// Small statistics over per-restore figures. Quantiles by the nearest-rank method: with 200 restores p99 is the
// 198th smallest value, an observed restore rather than an interpolation.

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
export const max = (xs: readonly number[]): number => (xs.length ? Math.max(...xs) : NaN);
export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Rounds for reporting (JSON stays readable; figures keep 3 significant decimals). */
export const round3 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
