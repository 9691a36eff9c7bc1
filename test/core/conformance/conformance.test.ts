// Every public conformance case, run through the core's case mappers (as `dbnd-cfg case` does), compared with what dbnd
// itself produced, with only the normalisations the corpus README allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCaseFolder } from '../../../server/src/core/conformance/caseFolder';
import { CONFORMANCE_CASES_DIR } from '../../support/paths';

const CASES = CONFORMANCE_CASES_DIR;
const EXACT = [
  'files',
  'env_config',
  'engine_config',
  'run',
  'docker_build',
  'driver_submit',
  'pod',
  'secret_volume_names',
  'external_links',
  'pod_engine',
] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Objects compared regardless of key order; arrays in order. */
function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  }
  return value;
}

/** A file error is compared by type and line only. */
function filesForCompare(files: Json): Json {
  const out: Record<string, Json> = {};
  for (const [name, f] of Object.entries(files as Record<string, Record<string, Json>>)) {
    const err = f.error as Record<string, Json> | undefined;
    out[name] = err ? { error: { type: err.type, line: err.line } } : f;
  }
  return out;
}

function errorForCompare(error: Json): Json {
  if (!error || typeof error !== 'object' || Array.isArray(error)) return error;
  // dbnd's RecursionError on a cycle is reported as dbnd raises it; where dbnd hangs there is no exception to
  // match, and the project reports CycleError.
  const type = error.type === 'Hang' ? 'CycleError' : error.type;
  return { stage: error.stage, type };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function warningSet(warnings: Json): string[] {
  return (warnings as Record<string, Json>[]).map((w) => JSON.stringify([w.object, w.section, w.key, w.level])).sort();
}

for (const name of readdirSync(CASES).sort()) {
  test(`conformance ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as Record<string, Json>;
    const actual = runCaseFolder(join(CASES, name), readOrUndefined) as Record<string, Json>;
    assert.deepEqual(errorForCompare(actual.error), errorForCompare(expected.error), 'error');
    for (const key of EXACT) {
      const a = key === 'files' ? filesForCompare(actual[key]) : actual[key];
      const e = key === 'files' ? filesForCompare(expected[key]) : expected[key];
      assert.deepEqual(canonical(a), canonical(e), key);
    }
    assert.deepEqual(warningSet(actual.warnings), warningSet(expected.warnings), 'warnings');
  });
}
