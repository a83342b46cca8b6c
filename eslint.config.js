// Lint rules for every workspace. The package graph of DESIGN.md is enforced here: a stage never
// imports another stage, and only the CLI wires packages together.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const stagePackages = ['@indicia/bus', '@indicia/crawler', '@indicia/extractor', '@indicia/indexer', '@indicia/pivot', '@indicia/testbed', 'indicia'];
const forbid = (packages, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: packages, message: why }, { group: ['../../*/src/*', '../../*/dist/*'], message: 'import another workspace by its package name' }] }],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench/**', 'scripts/**', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['core/src/**'], rules: forbid(stagePackages, 'core depends on zod and pino only') },
  // Stages never import each other (nor the testbed): they share only the message types in core.
  ...['bus', 'testbed', 'crawler', 'extractor', 'indexer', 'pivot'].map((folder) => ({
    files: [`${folder}/src/**`],
    rules: forbid(stagePackages, `${folder} may import @indicia/core only; share types through core`),
  })),
  // Tests may use the testbed, the offline web and its labelled data, as Scrapy's tests use its
  // mock server; the shipped code of a stage still may not.
  ...['crawler', 'extractor', 'indexer', 'pivot'].map((folder) => ({
    files: [`${folder}/src/**/*.test.ts`, `${folder}/src/test-support/**`],
    rules: forbid(stagePackages.filter((name) => name !== '@indicia/testbed'), `${folder} tests may import @indicia/core and @indicia/testbed only`),
  })),
);
