// `--verify` of `start` and `batch`: `false` turns the verify step off, `true` asks for it with the defaults (it is on
// by default for real restores), a JSON object gives its settings (docs/verification.md). The workflow input's schema
// checks the object; here only the words and the JSON.
import { EXIT } from '../common/exit-codes';
import type { RestoreInput } from '../common/input';
import { CliError } from './output';

export function parseVerifyFlag(v: string | undefined): RestoreInput['verify'] {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t === 'false' || t === 'off') return false;
  if (t === 'true' || t === 'on') return {};
  try {
    const o: unknown = JSON.parse(t);
    if (typeof o === 'object' && o !== null && !Array.isArray(o)) return o as RestoreInput['verify'];
  } catch {
    // reported below
  }
  throw new CliError(
    `--verify: must be false, true or a JSON object such as '{"timeout":"5m","allowEmpty":true}' (got ${JSON.stringify(v.slice(0, 60))})`,
    EXIT.usage,
  );
}
