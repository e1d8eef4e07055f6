// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'util'];

/** Layer rules: the folder a file sits in says which process runs it (DESIGN.md). */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench-results/**', 'resources/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/cli/*.js', 'tests/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly', Request: 'readonly', Response: 'readonly', URL: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', globalThis: 'readonly',
      },
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(['shared/**/*.ts'], ['electron', ...nodeBuiltins, 'react', 'react-dom', 'zustand', '**/electron/**', '**/renderer/**'],
    'shared/ is pure TypeScript: no electron, no Node built-ins, no DOM or React, no imports from other layers.'),
  layer(['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/webhost/**/*.ts'], ['electron', '**/renderer/**', '**/main/**', '**/preload/**'],
    'Services, CLI and web host run in plain Node: no electron import, no renderer code.'),
  layer(['electron/preload/**/*.ts'], ['**/services/**', '**/main/**', '**/renderer/**', ...nodeBuiltins],
    'The preload only builds window.folio from the shared API contract.'),
  layer(['renderer/src/**/*.{ts,tsx}'], ['electron', ...nodeBuiltins, '**/electron/**'],
    'The renderer runs in a browser: no electron, no Node built-ins, no main-process code.'),
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/store/**', '**/platform/**', 'zustand'], message: 'Components only render: no store or API imports.' },
        { group: ['electron', ...nodeBuiltins, '**/electron/**'], message: 'The renderer runs in a browser.' },
      ] }],
    },
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', ...nodeBuiltins, '**/electron/**'], message: 'The renderer runs in a browser.' },
        { group: ['**/platform/host-*'], message: 'Only renderer/src/platform knows which host it runs in; use platform/index.' },
      ] }],
    },
  },
);
