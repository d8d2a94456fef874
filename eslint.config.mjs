// Lint guards what review misses: floating promises, and I/O or framework code in workflow code,
// where it would break determinism (and drag TypeORM or Nest into the workflow bundle).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const notInWorkflowCode = [
  ...nodeBuiltins,
  '@nestjs/*',
  'typeorm',
  'pg',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@app/persistence',
  '@app/calendar',
  '@app/config',
  '@app/temporal',
  '@app/logging',
  'class-validator',
  'class-transformer',
];

// The worker loads the workflow modules and the contracts once and shares them between every
// cached workflow (preloadModules in apps/worker/src/workflow-bundle.ts): state kept at module level
// would leak from one commission into another, so it lives inside the run.
const sharedModuleMessage =
  'modules here are shared by every cached workflow: keep mutable state inside the run';
const sharedModuleState = [
  { selector: "Program > VariableDeclaration[kind!='const']", message: sharedModuleMessage },
  {
    selector: "Program > ExportNamedDeclaration > VariableDeclaration[kind!='const']",
    message: sharedModuleMessage,
  },
  {
    selector:
      'Program > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]',
    message: sharedModuleMessage,
  },
  {
    selector:
      'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]',
    message: sharedModuleMessage,
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'eslint.config.mjs',
      'jest.config.js',
      'test/support/long-suites-first.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Nest's DI reads constructor parameter types at run time: type-only imports would erase them.
    files: ['apps/**/*.ts', 'libs/temporal/**/*.ts', 'libs/config/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: notInWorkflowCode.filter((m) => !m.includes('*')),
          patterns: [
            {
              group: notInWorkflowCode.filter((m) => m.includes('*')),
              message: 'workflow code must stay deterministic',
            },
            {
              group: ['**/activities/*', '@app/activities/*'],
              message: 'import activities as types only, from @app/activities',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts', 'libs/contracts/**/*.ts'],
    ignores: [],
    rules: {
      // `import type` from activities is erased; a value import would bundle I/O code.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@app/activities', message: 'import type only', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sharedModuleState] },
  },
  {
    // A V2 run is born with the baseline patches and must not record their markers.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/commission/kernel/patches.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...sharedModuleState,
        {
          selector: "ImportSpecifier[imported.name='patched']",
          message: 'use hasPatch from workflows/commission/kernel/patches.ts',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
