// The example files collected from dbnd's repository and docs (test/fixtures/examples): every one dbnd loads and
// builds lints with no error, and the broken ones do not lint clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { REPO_ROOT as ROOT } from '../../support/paths';

const DIR = join(ROOT, 'test', 'fixtures', 'examples');

/** The guide snippet whose sections are swallowed, the GCP FAQ with `]]`, the extending doc with `_from` typo. */
const BROKEN: Readonly<Record<string, RegExp>> = {
  '16_doc-snippet__kubernetes-engine-configuration__steps-1-3.cfg': /^error:indented-section-swallowed$/,
  '18_doc-snippet__kubernetes-engine-configuration__faq-gcp-secrets.cfg': /^warning:invalid-json$/,
  '19_doc-snippet__extending-configurations.cfg': /^warning:unknown-type$/,
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.cfg'));

for (const file of files) {
  test(`example ${file}`, () => {
    const findings = lintFiles([{ path: file, text: readFileSync(join(DIR, file), 'utf8') }]);
    const expected = BROKEN[file];
    if (expected) {
      assert.ok(
        findings.some((d) => expected.test(`${d.severity}:${d.code}`)),
        findings.map((d) => d.code).join(', '),
      );
    } else {
      const errors = findings.filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
        [],
      );
    }
  });
}

test('the example list is the one this test knows', () => {
  for (const name of Object.keys(BROKEN)) assert.ok(files.includes(name), name);
  assert.ok(files.length >= 20);
});
