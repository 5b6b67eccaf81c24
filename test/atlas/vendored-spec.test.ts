// The vendored reference files in atlas/spec/ are byte-for-byte the team's shared originals in ../shared/atlas and
// ../shared/seed (next to the repo). A clone without that folder has only the vendored copies: the check is skipped
// and says why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SPEC_DIR, SPEC_FILES } from './spec-files';

const SHARED = path.resolve(__dirname, '../../../shared');
const present = existsSync(path.join(SHARED, 'atlas'));
if (!present)
  process.stdout.write(
    `vendored-spec: skipped, ${SHARED}/atlas does not exist (a clone without the shared folder uses atlas/spec/ as is)\n`,
  );

// The table is built when jest collects the tests, skipped or not: only from a folder that exists.
const pairs = (shared: string, vendored: string): [string, string, string][] =>
  existsSync(shared) ? readdirSync(shared).map((f) => [f, path.join(shared, f), path.join(vendored, f)]) : [];

test('every spec the tests load is vendored', () => {
  for (const f of Object.values(SPEC_FILES)) expect(existsSync(path.join(SPEC_DIR, f))).toBe(true);
});

(present ? describe : describe.skip)('atlas/spec/ equals ../shared', () => {
  test.each([
    ...pairs(path.join(SHARED, 'atlas'), SPEC_DIR),
    ...pairs(path.join(SHARED, 'seed'), path.join(SPEC_DIR, 'seed')),
  ])('%s', (_name, shared, vendored) => {
    expect(existsSync(vendored)).toBe(true);
    expect(readFileSync(vendored).equals(readFileSync(shared))).toBe(true);
  });
});
