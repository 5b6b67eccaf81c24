// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.temporal/**',
      'atlas/generated/**',
      'coverage/**',
      'harness/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports are erased: a workflow's `import type` of activities never pulls I/O into the bundle.
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed: no I/O, no Node built-ins,
    // no wall clock, no randomness. Talk to the world through activities only.
    files: ['workflows/**/*.ts'],
    rules: {
      // A restore's state is narrowed where it is read (a missing job or decision is a case, not an assertion).
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules
              .flatMap((m) => [m, `node:${m}`])
              .map((name) => ({ name, message: 'Node built-ins are not allowed in workflow code.' })),
            { name: 'urllib', message: 'No I/O in workflow code: use an activity.' },
            { name: '@temporalio/client', message: 'Workflows must not use the client.' },
            { name: '@temporalio/worker', message: 'Workflows must not import the worker.' },
          ],
          patterns: [
            {
              group: ['../atlas/*', '../simulator/*', '../worker/*', '../client/*'],
              message: 'No I/O in workflow code: use an activity.',
            },
            {
              group: ['../activities/*', '../activities'],
              allowTypeImports: true,
              message: 'Import activities as types only (proxyActivities).',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use now() from workflows/clock.ts (one audited place).' },
        { object: 'Math', property: 'random', message: 'No randomness in workflow code.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep()/condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'fetch', message: 'No I/O in workflow code: use an activity.' },
        { name: 'process', message: 'No environment access in workflow code.' },
      ],
    },
  },
  {
    // The harness (benchmark, chaos run) is its own package (harness/package.json): it reaches the product only
    // through harness/product/, the one place that names the product modules it depends on.
    files: ['harness/**/*.ts'],
    ignores: ['harness/product/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+(common|workflows|activities|atlas|worker|client|config|simulator|devserver|demo)(/|$)',
              message: 'The harness imports the product through harness/product/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
);
