// Lint: typescript-eslint's recommended rules everywhere, eslint-plugin-office-addins' recommended
// Office.js rules (load before read, sync before read, no sync in a loop) on the task pane, and the
// layer boundaries of docs/architecture.md ("Boundaries"), each proved to fire by
// test/boundaries.test.ts.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const officeRecommended = officeAddins.configs.recommended;
const officeRules = Object.fromEntries(
  Object.entries(officeRecommended.at(-1).rules).filter(([rule]) => rule.startsWith('office-addins/')),
);

/** Office.js's globals: only the pane's workbook layer (addin/src/office/) may touch them. */
const officeGlobals = ['Office', 'Excel', 'OfficeRuntime'].map((name) => ({
  name,
  message: 'Office.js is reached only through addin/src/office/ (docs/architecture.md, Boundaries).',
}));

/** What would make the core do I/O, read a clock or draw randomness: it must stay pure. */
const coreIo =
  'The core (shared/src) is pure: no I/O, no clock, no randomness (docs/architecture.md, Boundaries).';
const ioGlobals = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'document',
  'window',
  'navigator',
  'location',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'console',
  'setTimeout',
  'setInterval',
  'performance',
  'crypto',
].map((name) => ({ name, message: coreIo }));

const nodeOnly =
  'The core (shared/src) runs in the browser too: no Node built-in modules (docs/architecture.md, Boundaries).';

/** The store and the repositories answer in their own types; only routes speak HTTP. */
const noHttpInStore = {
  patterns: [
    {
      regex: '^(\\.\\./)+http(/|$)',
      message:
        'Workflows, repositories and the store do not import the HTTP layer: return a typed outcome or throw a Refusal and let the route wrapper render it (docs/architecture.md, Boundaries).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-output/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['addin/src/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeRecommended.at(-1).plugins['office-addins'] },
    rules: officeRules,
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['addin/src/office/**'],
    rules: { 'no-restricted-globals': ['error', ...officeGlobals] },
  },
  {
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .filter((m) => !m.startsWith('_'))
            .map((name) => ({ name, message: nodeOnly })),
          patterns: [{ regex: '^node:', message: nodeOnly }],
        },
      ],
      'no-restricted-globals': ['error', ...officeGlobals, ...ioGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: coreIo },
        { object: 'Math', property: 'random', message: coreIo },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: coreIo },
      ],
    },
  },
  {
    files: [
      'functions/src/store/**/*.ts',
      'functions/src/repositories/**/*.ts',
      'functions/src/workflows/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', noHttpInStore] },
  },
);
