// Tests import across test folders only from test/support/ (testImports.ts), for every test file, and the rule
// really fails on a file that breaks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT } from '../support/paths';
import { checkTestFile } from './testImports';

const TESTBED_KITS = new Set(['k8s-testbed', 'vscode-testbed', 'fixtures', 'workspace']);

function testSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : testSources(p);
    return /\.(ts|mts|cts)$/.test(name) ? [p] : [];
  });
}

test('every test folder imports other test folders only through test/support/', () => {
  const folders = readdirSync(join(REPO_ROOT, 'test')).filter((f) => !TESTBED_KITS.has(f));
  const files = folders.flatMap((f) => testSources(join(REPO_ROOT, 'test', f)));
  assert.ok(files.length > 50, `found ${files.length} test files: the scan is broken`);
  const violations = files.flatMap((p) =>
    checkTestFile(relative(REPO_ROOT, p).split(sep).join('/'), readFileSync(p, 'utf8')),
  );
  assert.deepEqual(
    violations.map((v) => `${v.file}:${v.line}: ${v.rule}`),
    [],
  );
});

test('a violation is caught: an ide helper imported by a protocol test', () => {
  const found = checkTestFile('test/protocol/a.test.ts', "import { applyEdits } from '../ide/applyEdits';");
  assert.equal(found.length, 1);
  assert.equal(found[0].line, 1);
  assert.match(
    found[0].rule,
    /test\/protocol imports '..\/ide\/applyEdits' from test\/ide: share it through test\/support/,
  );
  assert.equal(checkTestFile('test/core/x/a.test.ts', "export * from '../../bench/generateLargeConfig';").length, 1);
});

test('allowed: test/support/, the own folder, and source code', () => {
  assert.deepEqual(
    checkTestFile(
      'test/ide/a.test.ts',
      "import { withCursor } from '../support/cursor';\nimport { x } from './helper';\n" +
        "import { hover } from '../../server/src/ide/hover';\nimport ts from 'typescript';",
    ),
    [],
  );
});
