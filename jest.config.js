/** Tests run the TypeScript sources directly (SWC strips types; `npm run typecheck` checks them). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The CLI's lazy `import('./x.js')` (compiled layout) resolves to the TypeScript source under test.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Real Temporal servers start in each file; give them time on a 2-core machine.
  testTimeout: 120_000,
  // Test files each start their own servers; two at once is what 2 cores take well.
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
