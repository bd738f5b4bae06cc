// Lint rules: typescript-eslint's recommended, type-aware, plus the boundary the architecture
// relies on: only bot/ and dialogs/ may import botbuilder (so a port to the Agents SDK stays small).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['cards/**/*.ts', 'services/**/*.ts', 'manifest/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Only bot/ and dialogs/ import botbuilder.' }],
      }],
    },
  },
);
