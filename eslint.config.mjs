import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'cdk.out/',
      '.local/',
      'coverage/',
      'test-results/',
      'web/dist/',
      'console/dist/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (npm run format); ESLint checks only what a formatter cannot.
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      // TypeScript resolves names itself (and knows the browser's globals in web/).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      // zod/mini everywhere, one API: zod classic adds ~60 KB to every bundle and ~9 ms to the submit handler's cold start.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^zod($|/(?!mini$))',
              message:
                "Import zod only as `import * as z from 'zod/mini'`: zod classic adds ~60 KB to every bundle. Its messages come from our catalogue (shared/messages/input.ts), never zod's locales.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message:
            "Use `import * as z from 'zod/mini'`: the named `z` export defeats tree-shaking and bundles every locale.",
        },
        {
          selector: 'ImportExpression[source.value=/^zod(\\/|$)/]',
          message: "Import zod statically, as `import * as z from 'zod/mini'`.",
        },
      ],
    },
  },
  {
    files: ['local/**', 'bench/**', 'test/**', 'infra/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
