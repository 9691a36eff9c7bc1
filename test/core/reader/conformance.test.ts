// Every conformance case's `files` result (what dbnd read from each file alone, docs/conformance.md §5.1) reproduced
// from the case files, messages included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbndViewToJson, parseCfg, toDbndView } from '../../../server/src/core/reader';
import { CONFORMANCE_CASES_DIR } from '../../support/paths';

const CASES = CONFORMANCE_CASES_DIR;
const PLACEHOLDER = '{{FILES_DIR}}';

function replaceAll(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

for (const caseName of readdirSync(CASES).sort()) {
  const caseDir = join(CASES, caseName);
  const filesDir = join(caseDir, 'files');
  const spec = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as { files: string[] };
  const expected = JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as {
    files: Record<string, unknown>;
  };

  test(`conformance ${caseName}: each file reads as dbnd read it`, () => {
    assert.deepEqual(Object.keys(expected.files), spec.files);
    for (const file of spec.files) {
      const path = join(filesDir, file);
      const text = replaceAll(readFileSync(path, 'utf8'), PLACEHOLDER, filesDir);
      const json = JSON.stringify(dbndViewToJson(toDbndView(parseCfg(text), path)));
      assert.deepEqual(
        JSON.parse(replaceAll(json, filesDir, PLACEHOLDER)),
        expected.files[file],
        `${caseName}/${file}`,
      );
    }
  });
}
