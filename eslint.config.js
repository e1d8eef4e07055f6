// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { folioLayersPlugin } from './scripts/lint/folio-layers.js';

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
    files: ['electron/cli/*.js', 'electron/webhost/*.js', 'tests/**/*.mjs'],
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
  {
    // Layer rules as an allow-list per folder (scripts/lint/folio-layers.js): what each process may import.
    files: ['shared/**/*.{ts,tsx}', 'electron/**/*.{ts,tsx}', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { folio: folioLayersPlugin },
    rules: { 'folio/layers': 'error' },
  },
);
