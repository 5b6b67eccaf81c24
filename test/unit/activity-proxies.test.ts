// The non-idempotent create lives on one proxy, the one Temporal never retries (workflows/activity-options.ts). The
// type-level half is checked by `npm run typecheck` (tsc reads test/): an unused `@ts-expect-error` fails it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as proxies from '../../workflows/activity-options';

type Proxies = Omit<typeof proxies, 'SUBMIT_RETRY'>;
/** The names of the proxies that expose activity K. */
type ProxiesWith<K extends string> = { [P in keyof Proxies]: K extends keyof Proxies[P] ? P : never }[keyof Proxies];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const onlySubmitActs: Same<ProxiesWith<'submitRestore'>, 'submitActs'> = true;

// Never called: it only has to compile (or, on the marked lines, fail to).
export function retryingProxiesHaveNoCreate(p: typeof proxies): unknown[] {
  return [
    // @ts-expect-error the create is not on the retrying proxy for bookkeeping
    p.sideActs.submitRestore,
    // @ts-expect-error nor on the lookup's
    p.findActs.submitRestore,
    // @ts-expect-error nor on the preflight's
    p.preflightActs.submitRestore,
    p.submitActs.submitRestore,
  ];
}

test('workflow code calls submitRestore only through submitActs, the never-retried proxy', () => {
  expect(onlySubmitActs).toBe(true);
  const dir = join(__dirname, '../../workflows');
  const callers = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/(\w+)\s*\.\s*submitRestore\b/g)].map((m) => m[1]));
  expect(callers.length).toBeGreaterThan(0);
  expect(new Set(callers)).toEqual(new Set(['submitActs']));
});
