// The conventions checker catches what it claims to and passes clean files (node --test, no build).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile, crossPackageImport, MAX_LINE_LENGTH } from './rules.mjs';

// The samples are assembled so that this file itself does not break the rules it tests.
const UP = ['..', '..'].join('/');
const OUTSIDE = ['FACTS', 'md'].join('.');

const rules = (path, text) => checkFile(path, text).map((finding) => `${finding.line}:${finding.rule}`);

test('a source file must open with its summary comment', () => {
  assert.deepEqual(rules('packages/a/src/x.ts', "import { y } from './y';\n/** x */\nexport const x = y;\n"), [
    '1:summary-first',
  ]);
  assert.deepEqual(rules('packages/a/src/x.ts', "/** What x is. */\nimport { y } from './y';\n"), []);
  assert.deepEqual(rules('tools/t/bin/t.js', "#!/usr/bin/env node\n// What t does.\n'use strict';\n"), []);
  assert.deepEqual(rules('packages/a/README.md', '# a\n'), []);
});

test('another package is reached by name, never by path; root files and the own package may be', () => {
  assert.equal(crossPackageImport('packages/a/src/x.ts', `import { y } from '${UP}/b/src/y';`), `${UP}/b/src/y`);
  assert.equal(
    crossPackageImport('packages/a/src/x.ts', `const y = require('${UP}/../tools/k/src/y');`),
    `${UP}/../tools/k/src/y`,
  );
  assert.equal(
    crossPackageImport('stacks/test/x.ts', `import '${UP}/packages/a/dist/index.js';`),
    `${UP}/packages/a/dist/index.js`,
  );
  assert.equal(crossPackageImport('packages/a/test/x.ts', "import { y } from '../src/y';"), undefined);
  assert.equal(
    crossPackageImport('packages/a/jest.config.js', `module.exports = require('${UP}/jest.preset.js');`),
    undefined,
  );
});

test('documents outside the repository are not cited', () => {
  assert.deepEqual(rules('packages/a/src/x.ts', `// see ${OUTSIDE}\n`), ['1:cite-inside']);
  assert.deepEqual(rules('README.md', `as ${OUTSIDE} says\n`), ['1:cite-inside']);
});

test('source lines stay within the formatter width, except lines holding a URL', () => {
  const long = `// ${'x'.repeat(MAX_LINE_LENGTH)}`;
  assert.deepEqual(rules('packages/a/src/x.ts', `${long}\n`), ['1:line-length']);
  assert.deepEqual(rules('packages/a/src/x.ts', `// https://example.com/${'x'.repeat(MAX_LINE_LENGTH)}\n`), []);
  assert.deepEqual(rules('docs/x.md', `${long}\n`), []);
});
