// Diagnostic codes are a closed, typed set: every code the checks emit is listed in DiagnosticDataByCode, and
// a code fixes the type of its quick-fix payload (a wrong payload does not compile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { type CoreDiagnostic, DIAGNOSTIC_CODES, isDiagnosticCode } from '../../../server/src/core/diagnostics/types';
import { range } from '../../../server/src/core/text/range';
import { REPO_ROOT } from '../../support/paths';

const at = { path: 'a.cfg', range: range(0, 0, 0, 1), severity: 'warning' as const, message: 'm' };

test('isDiagnosticCode knows every listed code and nothing else', () => {
  assert.equal(new Set(DIAGNOSTIC_CODES).size, DIAGNOSTIC_CODES.length);
  for (const code of DIAGNOSTIC_CODES) assert.ok(isDiagnosticCode(code), code);
  assert.equal(isDiagnosticCode('Unknown-Key'), false);
  assert.equal(isDiagnosticCode(undefined), false);
});

test('every code the checks emit on the example and conformance files is a listed code', () => {
  const dirs = [join(REPO_ROOT, 'test/fixtures/examples'), join(REPO_ROOT, 'test/fixtures/conformance/cases')];
  const seen = new Set<string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cfg'))) {
      for (const d of lintFiles([{ path: entry, text: readFileSync(join(dir, entry), 'utf8') }])) seen.add(d.code);
    }
  }
  assert.ok(seen.size >= 5, [...seen].join(', '));
  assert.deepEqual(
    [...seen].filter((code) => !isDiagnosticCode(code)),
    [],
  );
});

test('switching on the code types the fix data', () => {
  const diagnostics: CoreDiagnostic[] = [
    { ...at, code: 'unknown-key', data: { replaceKeyWith: 'container_tag' } },
    { ...at, code: 'legacy-key', data: { moveTo: { section: 'run', key: 'environments' } } },
    { ...at, code: 'unused-key' },
  ];
  const fixes = diagnostics.map((d) => {
    switch (d.code) {
      case 'unknown-key':
        return d.data?.replaceKeyWith;
      case 'legacy-key':
        return d.data && `[${d.data.moveTo.section}] ${d.data.moveTo.key}`;
      default:
        return undefined;
    }
  });
  assert.deepEqual(fixes, ['container_tag', '[run] environments', undefined]);
  // @ts-expect-error: an unknown-key fix renames the key; a value replacement is another code's payload.
  const wrong: CoreDiagnostic = { ...at, code: 'unknown-key', data: { replaceWith: 'x' } };
  // @ts-expect-error: codes are a closed set.
  const unlisted: CoreDiagnostic = { ...at, code: 'no-such-code' };
  assert.ok(wrong && unlisted);
});
