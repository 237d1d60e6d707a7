import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * A package's build output (`dist/…`) is no contract: it moves between patch releases. Import the
 * entry point the package exports. This list joins every folder's own boundary patterns below,
 * because a later `no-restricted-imports` setting replaces an earlier one rather than adding to it.
 */
const DEEP_IMPORTS = {
  group: ['**/dist', '**/dist/**'],
  message: "Import the package's public entry point, not its build output (dist/).",
};
/** Offline tooling (tools/, e.g. the coach's training and evaluation) is no part of any running service. */
const TOOLS = '**/tools/**';
const restrict = (...boundaries) => [
  'error',
  { patterns: [DEEP_IMPORTS, ...(boundaries.length ? [{ group: boundaries, message: 'See ARCHITECTURE.md, "Who may import whom".' }] : [])] },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'artifacts/**', 'web/dist/**', 'web/dist.build-*/**', 'web/**/*.js', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict(),
    },
  },
  {
    // source, not tests; generated migrations are exempt.
    files: ['core/**/*.ts', 'gateway/**/*.ts', 'subgraphs/**/*.ts', 'bin/**/*.ts', 'tools/**/*.ts', 'bench/**/*.ts', 'web/**/*.{ts,tsx}'],
    ignores: ['subgraphs/*/migrations/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('**/subgraphs/**', '**/gateway/**', '**/bin/**', TOOLS),
    },
  },
  {
    files: ['gateway/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/subgraphs/**', '**/bin/**', TOOLS) },
  },
  {
    files: ['subgraphs/tenants/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/gateway/**', '**/agents/**', '**/coaching/**', '**/analytics/**', '**/billing/**', TOOLS) },
  },
  {
    files: ['subgraphs/agents/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/gateway/**', '**/tenants/**', '**/coaching/**', '**/analytics/**', '**/billing/**', TOOLS) },
  },
  {
    files: ['subgraphs/coaching/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/gateway/**', '**/tenants/**', '**/agents/**', '**/analytics/**', '**/billing/**', TOOLS) },
  },
  {
    files: ['subgraphs/analytics/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/gateway/**', '**/tenants/**', '**/agents/**', '**/coaching/**', '**/billing/**', TOOLS) },
  },
  {
    files: ['subgraphs/billing/**/*.ts'],
    rules: { 'no-restricted-imports': restrict('**/gateway/**', '**/tenants/**', '**/agents/**', '**/coaching/**', '**/analytics/**', TOOLS) },
  },
  {
    // browser code: bundled by tools/web/build.ts from npm packages; it talks to the platform over HTTP only
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict('**/core/**', '**/gateway/**', '**/subgraphs/**', '**/bin/**', TOOLS) },
  },
);
