// @ts-check
/**
 * Lint: the layers of the project as a machine checks them (import zones, as
 * docs/architecture.md draws them), no import cycles, and a few rules of care.
 * `npm run lint` runs it with Prettier's check; `npm test` runs lint.
 */
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing.ts', 'test/**', 'bench/**', 'samples/**'];

/** Layers: what each may not import (paths from the repository root). */
const zones = [
  // shared: pure — no app, no desktop, no command-line host
  {
    target: './shared',
    from: ['./renderer', './electron', './cli', './test', './bench', './samples'],
    message: 'shared/ 只含纯 TypeScript：不能引用 renderer、electron、cli 或测试代码',
  },
  // the app: shared and its own code; never the desktop shell or the command line's host
  {
    target: './renderer',
    from: ['./electron', './cli', './test', './bench', './samples'],
    message: 'renderer/ 只通过 src/platform 与桌面交互，不能引用 electron/ 或 cli/',
  },
  // the desktop shell knows nothing of the app's code
  { target: './electron', from: ['./renderer', './cli', './test', './bench', './samples'], message: 'electron/ 是桌面外壳：只能引用 shared/' },
  // the command line's host: shared, and the print views as plain functions
  { target: './cli', from: ['./electron', './test', './bench', './samples'], message: 'cli/ 只能引用 shared/ 和打印视图' },
  {
    target: './cli',
    from: './renderer',
    except: ['./src/features/print/views.ts'],
    message: 'cli/ 只能通过 renderer/src/features/print/views.ts 使用打印视图',
  },
  // inside the app: lower layers never reach up
  {
    target: './renderer/src/db',
    from: ['./renderer/src/app', './renderer/src/features', './renderer/src/data', './renderer/src/ui'],
    message: 'db/ 在数据层最底层：不能引用界面或功能模块',
  },
  { target: './renderer/src/data', from: ['./renderer/src/app', './renderer/src/features'], message: 'data/ 不能引用功能模块或应用外壳' },
  {
    target: './renderer/src/ui',
    from: ['./renderer/src/app', './renderer/src/features', './renderer/src/data', './renderer/src/db'],
    message: 'ui/ 只含与数据无关的组件',
  },
  {
    target: './renderer/src/platform',
    from: ['./renderer/src/app', './renderer/src/features', './renderer/src/data', './renderer/src/db', './renderer/src/ui'],
    message: 'platform/ 不能引用应用的其他部分',
  },
  { target: './renderer/src/features', from: './renderer/src/app', message: '功能模块不能引用应用外壳 app/' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'dist-cli/**',
      'release/**',
      '.tsbuild/**',
      'bench-data/**',
      'demo-output/**',
      'test-output/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      // `{ blob: _blob, ...row }` drops a field on purpose
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Chinese text spaces with the ideographic space (　) in strings and JSX
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['shared/**', 'renderer/**', 'electron/**', 'cli/**'],
    ignores: TESTS,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // a feature is used through its index.ts: another feature's files are its own
            { regex: '^\\.\\./[a-z]+/.+', message: '引用其他功能模块时，只能通过它的 index.ts（如 ../ballots）' },
          ],
        },
      ],
    },
  },
  // only inside renderer/src/features do sibling folders mean other features
  { files: ['shared/**', 'renderer/src/!(features)/**', 'renderer/src/*.{ts,tsx}', 'electron/**', 'cli/**'], rules: { 'no-restricted-imports': 'off' } },
  // shared runs anywhere: no Node built-ins, no DOM (checked by its tsconfig), no app libraries
  {
    files: ['shared/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'shared/ 不能使用 Node 内置模块' },
            {
              regex: '^(react|react-dom|dexie|dexie-react-hooks|electron|playwright-core|recharts|@tanstack/.*)(/.*)?$',
              message: 'shared/ 不能依赖界面、数据库或桌面库',
            },
          ],
        },
      ],
    },
  },
  // the app has no Node: it reaches the desktop through src/platform
  { files: ['renderer/**'], ignores: TESTS, rules: { 'import-x/no-nodejs-modules': 'error' } },
  // TypeScript checks names itself; plain JS scripts run in Node
  { files: ['**/*.ts', '**/*.tsx'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  // layout is Prettier's (.prettierrc.json): no lint rule about it
  prettier,
);
