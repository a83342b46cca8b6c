// Lint rules for every workspace. The package graph of DESIGN.md is enforced here: a stage never
// imports another stage, and only the CLI wires packages together.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const stagePackages = ['@indicia/crawler', '@indicia/extractor', '@indicia/indexer', '@indicia/testbed', 'indicia'];
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
  { files: ['testbed/src/**'], rules: forbid(stagePackages.filter((p) => p !== '@indicia/testbed'), 'the testbed imports core only') },
  { files: ['crawler/src/**'], rules: forbid(stagePackages.filter((p) => p !== '@indicia/crawler' && p !== '@indicia/testbed'), 'stages never import each other; share types through core') },
  { files: ['extractor/src/**'], rules: forbid(stagePackages.filter((p) => p !== '@indicia/extractor' && p !== '@indicia/testbed'), 'stages never import each other; share types through core') },
  { files: ['indexer/src/**'], rules: forbid(stagePackages.filter((p) => p !== '@indicia/indexer' && p !== '@indicia/testbed'), 'stages never import each other; share types through core') },
);
