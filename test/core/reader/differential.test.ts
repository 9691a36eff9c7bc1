// Our reader against the real CPython configparser on every example file and on hand-picked edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCfg, toDbndView } from '../../../server/src/core/reader';
import { oracleReadBatch, oracleReadFile, pythonAvailable, viewToOracleShape } from './properties/pythonOracle';
import { EXAMPLES_DIR } from '../../support/paths';

const EXAMPLES = EXAMPLES_DIR;
const skip = pythonAvailable() ? false : 'python3 is not installed';

test('every example .cfg reads exactly as CPython configparser reads it', { skip }, () => {
  const names = readdirSync(EXAMPLES).filter((n) => n.endsWith('.cfg'));
  const inputs = names.map((name) => ({
    text: readFileSync(join(EXAMPLES, name), 'utf8'),
    source: join(EXAMPLES, name),
  }));
  const expected = oracleReadBatch(inputs);
  inputs.forEach((input, i) => {
    assert.deepEqual(viewToOracleShape(toDbndView(parseCfg(input.text), input.source)), expected[i], names[i]);
  });
});

test('a file opened by python (not passed as text) reads the same', { skip }, () => {
  const path = readdirSync(EXAMPLES).find((n) => n.startsWith('16_')) as string;
  const full = join(EXAMPLES, path);
  assert.deepEqual(viewToOracleShape(toDbndView(parseCfg(readFileSync(full, 'utf8')), full)), oracleReadFile(full));
});

// Each one pins a corner of configparser's `_read` or BasicInterpolation.
const EDGE_CASES: readonly string[] = [
  '[s]\na = 1\n  ]\n',
  '[s]\n  a = 1\n  ]\n    x\n',
  '[s]\n= x\n= y\n',
  '[s]\n= x\nb = 2\n',
  '[s]\na = x\n\n# c\n  b\n\n',
  '[s]\na =\n\n\n',
  '[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n[s]\nz = %(x)s%(y)s\n',
  '[DEFAULT]\nx = 1\n[DEFAULT]\nx = 2\n',
  '[a] # see [b]\nk = v\n',
  '[]\n',
  '[]]\nk=v\n',
  '[a]=b\nk:v\n',
  'k = v\n[s]\n',
  '# c\n\n  ; c\n[s]\nk = v\n',
  '[s]\r\nk = a\r\n  b\rc = d\r',
  '[s]\nk = 100%\n',
  '[s]\nk = %(missing)s\n',
  '[s]\nk = %(k)s\n',
  '[s]\nk = %(\n',
  '[s]\nk = %(a\n  )s\na = 1\n',
  '[Kube]\nA = 1\n[kube]\nb = 2\na = 3\n',
  '[s]\nk\u00a0= v\u2003\n\u001cx = 1\n',
  '[s]\n\u0085k = v\n',
  '[s]\nk = it\'s "q"\n  \\x\n',
  '[s]\nk = a\n [t]\n x = 1\n',
  '[s]\nk = 1\n[s]\nk = 2\n',
  '[s]\nk = 1\nK = 2\n',
  '[s]\na = %(b)s\nb = %(c)s\nc = %%\n',
  '[s]\na = %(b)s\nb = %(a)s\n',
  '[DEFAULT]\nd = %(nope)s\n[s]\nk = 1\n[t]\nj = 2\n',
  '[s]\n\tk = 1\n\t\tcont\n',
  'junk\n[s]\n',
  '\n\n   \n',
  '',
  '[s]\nk = v\nno delimiter here\nother junk\n',
];

test('edge cases read exactly as CPython configparser reads them', { skip }, () => {
  const inputs = EDGE_CASES.map((text, i) => ({ text, source: `<edge ${i}>` }));
  const expected = oracleReadBatch(inputs);
  inputs.forEach((input, i) => {
    const ours = viewToOracleShape(toDbndView(parseCfg(input.text), input.source));
    assert.deepEqual(ours, expected[i], JSON.stringify(input.text));
  });
});
