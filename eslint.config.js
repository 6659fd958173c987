// Lint: typescript-eslint's recommended rules everywhere, and eslint-plugin-office-addins' recommended
// Office.js rules (load before read, sync before read, no sync in a loop) on the task pane.
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const officeRecommended = officeAddins.configs.recommended;
const officeRules = Object.fromEntries(
  Object.entries(officeRecommended.at(-1).rules).filter(([rule]) => rule.startsWith('office-addins/')),
);

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
);
