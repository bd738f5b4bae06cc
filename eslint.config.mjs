// Lint rules: typescript-eslint's recommended, type-aware, plus the boundary the architecture
// relies on: only bot/ and dialogs/ may import botbuilder (so a port to the Agents SDK stays small),
// and services/domain/ stays pure (no I/O, nothing from storage/ or integrations/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botbuilderOnlyInTheBot = { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Only bot/ and dialogs/ import botbuilder.' };

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
        patterns: [botbuilderOnlyInTheBot],
      }],
    },
  },
  {
    // The pure domain: no database, no network, no files, no processes, and nothing from the
    // layers that have them (a rule here replaces the one above, so it repeats botbuilder's).
    files: ['services/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          botbuilderOnlyInTheBot,
          {
            group: ['mongodb', '@microsoft/microsoft-graph-client', 'node:fs', 'node:fs/*', 'node:http', 'node:https', 'node:net', 'node:child_process', 'fs', 'http', 'https', 'net', 'child_process'],
            message: 'services/domain is pure: I/O belongs in services/storage or services/integrations.',
          },
          { group: ['**/storage/**', '**/integrations/**', '**/bot/**', '**/dialogs/**', '**/cards/**', '**/local/**'], message: 'services/domain imports only services/domain.' },
        ],
      }],
    },
  },
);
