import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'web/**/*.js', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/subgraphs/**', '**/gateway/**', '**/bin/**'] }],
    },
  },
  {
    files: ['gateway/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/subgraphs/**', '**/bin/**'] }] },
  },
  {
    files: ['subgraphs/tenants/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gateway/**', '**/agents/**', '**/coaching/**', '**/analytics/**', '**/billing/**'] }] },
  },
  {
    files: ['subgraphs/agents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gateway/**', '**/tenants/**', '**/coaching/**', '**/analytics/**', '**/billing/**'] }] },
  },
  {
    files: ['subgraphs/coaching/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gateway/**', '**/tenants/**', '**/agents/**', '**/analytics/**', '**/billing/**'] }] },
  },
  {
    files: ['subgraphs/analytics/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gateway/**', '**/tenants/**', '**/agents/**', '**/coaching/**', '**/billing/**'] }] },
  },
  {
    files: ['subgraphs/billing/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/gateway/**', '**/tenants/**', '**/agents/**', '**/coaching/**', '**/analytics/**'] }] },
  },
);
