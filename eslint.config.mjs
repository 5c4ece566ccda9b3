import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Production code outside the engine reaches it only through its door, server/src/engine/index.ts. */
const ENGINE_DOOR = {
  group: ['**/engine/*', '!**/engine/index'],
  message: 'Import the engine through its door (server/src/engine, i.e. engine/index.ts); widen the door if an adapter needs more.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
  {
    rules: {
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_DOOR] }] },
  },
  {
    // The engine is pure: text in, results out. No file system, processes, threads or network, and
    // no knowledge of the adapters that use it.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'https'], message: 'The engine is pure: the analysis service reads files and owns processes and threads.' },
            { group: ['**/service/**', '**/lsp/**', '**/cli/**', '**/workspaceIndex/**', '**/modelRuntime/**', '**/output/**', '**/files/**', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode'], message: 'The engine does not know its adapters.' },
          ],
        },
      ],
    },
  },
  {
    // The client and the protocol share types with the server through protocol/ only.
    files: ['client/src/**/*.ts', 'protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client talks to the server through protocol/claimFloorProtocol.ts.' }] }] },
  },
);
