// `drill create`'s checks before anything reaches Temporal (client/drill-input.ts): cron expressions as Temporal
// Schedules read them, intervals, and the DrillInput built from the flags (absent flags stay absent).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drillInput, drillWhen } from '../../client/drill-input';
import { CliError } from '../../client/output';

const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError && e.exitCode === 2) return e.message;
    throw e;
  }
  throw new Error('not refused');
};

test('cron: 5 fields in range, lists, ranges, steps, names and @-shortcuts pass; anything else names the field', () => {
  for (const ok of [
    '0 3 * * 1',
    '*/15 * * * *',
    '0 2-4,6 1,15 * MON-FRI',
    '0 0 1 jan *',
    '30 1 * * 7',
    '@daily',
    '@Weekly',
  ])
    expect(drillWhen({ cron: ok })).toEqual({ cron: expect.any(String) });
  expect(drillWhen({ cron: '  0   3 * * 1 ' })).toEqual({ cron: '0 3 * * 1' });
  expect(drillWhen({})).toEqual({ cron: '0 3 * * 1' });
  expect(refused(() => drillWhen({ cron: '60 * * * *' }))).toMatch(/minute: '60' is outside 0-59$/);
  expect(refused(() => drillWhen({ cron: '* * * * 8' }))).toMatch(/day of week: '8' is outside 0-7$/);
  expect(refused(() => drillWhen({ cron: '5-1 * * * *' }))).toMatch(/minute: range '5-1' runs backwards$/);
  expect(refused(() => drillWhen({ cron: '*/0 * * * *' }))).toMatch(/minute: step '0' must be at least 1$/);
  expect(refused(() => drillWhen({ cron: '0 3 * * 1 2026' }))).toMatch(/it has 6 field\(s\)$/);
  expect(refused(() => drillWhen({ cron: '@often' }))).toMatch(/it has 1 field\(s\)$/);
});

test('every: a duration from 1 s to 366 days, never with --cron', () => {
  expect(drillWhen({ every: '24h' })).toEqual({ everyS: 86400 });
  expect(drillWhen({ every: '90m' })).toEqual({ everyS: 5400 });
  expect(refused(() => drillWhen({ every: '9000h' }))).toContain(
    "--every '9000h': must be a duration from 1s to 366 days",
  );
  expect(refused(() => drillWhen({ every: '1h', cron: '@daily' }))).toBe('give --cron or --every, not both');
});

test('the DrillInput holds what was asked, checked; verify defaults to {} and is read from JSON, YAML or a file', () => {
  const base = { projectId: '65a1d0c0ffee00000000a001', clusterName: 'orders-m5' };
  expect(drillInput('orders-weekly', base)).toEqual({ name: 'orders-weekly', ...base, verify: {} });
  expect(
    drillInput('orders-weekly', {
      ...base,
      region: 'EU_WEST_1',
      providerName: 'GCP',
      minAge: '24h',
      deadline: '2h',
      verify: '{ collections: [{ db: shop, collection: orders, minCount: 1 }] }',
    }),
  ).toEqual({
    name: 'orders-weekly',
    ...base,
    region: 'EU_WEST_1',
    providerName: 'GCP',
    minAge: '24h',
    deadline: '2h',
    verify: { collections: [{ db: 'shop', collection: 'orders', minCount: 1 }] },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'drill-verify-')), 'verify.yaml');
  writeFileSync(file, 'allowEmpty: true\ntimeout: 5m\n');
  expect(drillInput('orders-weekly', { ...base, verify: file }).verify).toEqual({ allowEmpty: true, timeout: '5m' });
  expect(refused(() => drillInput('orders-weekly', { ...base, verify: '/nonexistent/verify.json' }))).toMatch(
    /^--verify: not JSON and not a readable file/,
  );
  expect(refused(() => drillInput('orders-weekly', { ...base, deadline: '30s' }))).toContain(
    "--deadline '30s': must be a duration such as 6h or 90m (at least 1m)",
  );
  expect(refused(() => drillInput('-bad', base))).toContain("invalid drill name '-bad'");
  expect(refused(() => drillInput('a'.repeat(41), base))).toContain('invalid drill name');
  expect(refused(() => drillInput('ok', { ...base, providerName: 'aws' }))).toBe(
    "--providerName 'aws': must be one of AWS, AZURE, GCP",
  );
});
