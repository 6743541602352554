// ESLint for booklab: typescript-eslint's recommended rules, React hooks' rules for the dashboard, and Prettier owning layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // What .gitignore leaves out of the repository (ESLint does not read it): a developer's scratch files never fail npm test.
  { ignores: ['dist/', 'node_modules/', 'reports/', 'coverage/', '.stryker-tmp/', '.scratch/', '.booklab/', 'booklab-export/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['tui/**/*.tsx', 'tui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // The classic two: the React Compiler's rules (refs read during render, …) judge code booklab does not compile with it.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
);
