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
  // The console reads the index and the pivot history; what else it needs (query interpretation,
  // captures, exports) the CLI hands it as ports.
  { files: ['console/src/**'], rules: forbid(['@indicia/bus', '@indicia/crawler', '@indicia/extractor', '@indicia/testbed', 'indicia'], 'the console may import @indicia/core, @indicia/indexer and @indicia/pivot only; take the rest as a port') },
  {
    files: ['console/src/**/*.test.ts', 'console/src/test-support/**'],
    rules: forbid(['@indicia/bus', '@indicia/crawler', '@indicia/extractor', 'indicia'], 'console tests may import core, indexer, pivot and the testbed'),
  },
  // The web UI shows scraped text: it builds the DOM from text nodes only (ui/dom.ts), never from HTML.
  {
    files: ['console/ui/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].map((property) => ({ property, message: 'build the DOM with ui/dom.ts (text nodes), never from HTML' }))],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write/]", message: 'document.write parses HTML' }],
    },
  },
);
