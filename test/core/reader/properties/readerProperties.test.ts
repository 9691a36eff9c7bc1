// The reader's properties with a few thousand cases (the long run, longRun.ts, does a million), and a
// differential batch against CPython configparser on generated config-shaped text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCfg, toDbndView } from '../../../../server/src/core/reader';
import { anyText, configModel, configShapedText } from './cfgArbitraries';
import { checkNeverThrows, checkRanges, checkRoundTrip } from './readerProperties';
import { oracleReadBatch, pythonAvailable, viewToOracleShape } from './pythonOracle';

test('reader never throws on arbitrary strings, and its ranges hold', () => {
  fc.assert(
    fc.property(anyText, (text) => checkRanges(checkNeverThrows(text))),
    { numRuns: 1500 },
  );
});

test('reader never throws on config-shaped text, and its ranges hold', () => {
  fc.assert(
    fc.property(configShapedText, (text) => checkRanges(checkNeverThrows(text))),
    { numRuns: 2500 },
  );
});

test('a config written from a model reads back as dbnd would read it', () => {
  fc.assert(fc.property(configModel, checkRoundTrip), { numRuns: 1000 });
});

test(
  'generated config-shaped text reads exactly as CPython configparser reads it',
  { skip: pythonAvailable() ? false : 'no python3' },
  () => {
    const texts = fc.sample(configShapedText, { numRuns: 1500, seed: 20240101 });
    const expected = oracleReadBatch(texts.map((text) => ({ text, source: '<gen>' })));
    texts.forEach((text, i) => {
      assert.deepEqual(viewToOracleShape(toDbndView(parseCfg(text), '<gen>')), expected[i], JSON.stringify(text));
    });
  },
);
