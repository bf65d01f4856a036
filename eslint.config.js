// ESLint for the TypeScript core and its tests (`npm run lint`, part of `npm test`).
// src/: typescript-eslint's strict type-checked rules, as they come. test/: only the rules that
// catch real mistakes in test code (a forgotten await, a dead variable, a misused promise);
// the style of the strict set is not worth fighting in fixtures and assertions.
// A `// eslint-disable-next-line rule -- reason` is allowed only where the rule is wrong for
// that line, with the reason; `reportUnusedDisableDirectives` flags one that is no longer needed.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const typeChecked = {
  parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
};

// `const { Secret: _secret, ...rest } = x` is how a key is left out of a copy: not an unused variable.
const unusedVars = { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/.tmp/**', 'scripts/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    extends: [eslint.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: typeChecked,
    rules: {
      // A number prints exactly in a template; the rule's worth is catching null, undefined and
      // objects, which stay forbidden.
      // Off: an `async` method without `await` is how a Host method or a command's run() turns a
      // throw into a rejection, as its Promise type promises; dropping `async` would change that.
      '@typescript-eslint/require-await': 'off',
      ...unusedVars,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowAny: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: { parser: tseslint.parser, ...typeChecked },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      ...unusedVars,
      'no-unreachable': 'error',
      'no-dupe-keys': 'error',
      'no-self-compare': 'error',
    },
  },
);
