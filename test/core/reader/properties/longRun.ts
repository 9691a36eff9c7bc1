// The reader's properties at scale: ≥ 1,000,000 generated cases plus a differential batch against CPython
// configparser (one python process per batch). Run with `npm run test:props:long`; exits 1 on any failure.
// Not part of `npm test` (it takes minutes); the same checks run there with a few thousand cases.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseCfg, toDbndView } from '../../../../server/src/core/reader';
import { anyText, configModel, configShapedText } from './cfgArbitraries';
import { checkNeverThrows, checkRanges, checkRoundTrip } from './readerProperties';
import { oracleReadBatch, pythonAvailable, viewToOracleShape } from './pythonOracle';

const SEED = Number(process.env.PROPS_SEED ?? Date.now() % 2147483647);
const DIFF_BATCHES = 5;
const DIFF_BATCH_SIZE = 10_000;

let total = 0;
let failed = false;

function phase(name: string, numRuns: number, run: (numRuns: number) => void): void {
  const t0 = process.hrtime.bigint();
  try {
    run(numRuns);
  } catch (e) {
    failed = true;
    console.log(`FAILED ${name}:\n${e instanceof Error ? e.message : String(e)}`);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  total += numRuns;
  console.log(`${name}: ${numRuns} cases in ${seconds.toFixed(1)} s`);
}

const started = process.hrtime.bigint();
console.log(`seed ${SEED} (set PROPS_SEED to replay)`);
phase('never throws + ranges, arbitrary strings', 300_000, (numRuns) =>
  fc.assert(
    fc.property(anyText, (t) => checkRanges(checkNeverThrows(t))),
    { numRuns, seed: SEED },
  ),
);
phase('never throws + ranges, config-shaped text', 450_000, (numRuns) =>
  fc.assert(
    fc.property(configShapedText, (t) => checkRanges(checkNeverThrows(t))),
    { numRuns, seed: SEED + 1 },
  ),
);
phase('round trip of generated configs', 250_000, (numRuns) =>
  fc.assert(fc.property(configModel, checkRoundTrip), { numRuns, seed: SEED + 2 }),
);

if (pythonAvailable()) {
  phase(`differential vs CPython configparser (${DIFF_BATCHES} batches)`, DIFF_BATCHES * DIFF_BATCH_SIZE, () => {
    let mismatches = 0;
    const outcomes = new Map<string, number>();
    for (let b = 0; b < DIFF_BATCHES; b++) {
      const texts = fc.sample(configShapedText, { numRuns: DIFF_BATCH_SIZE, seed: SEED + 10 + b });
      const expected = oracleReadBatch(texts.map((text) => ({ text, source: '<gen>' })));
      texts.forEach((text, i) => {
        const ours = viewToOracleShape(toDbndView(parseCfg(text), '<gen>'));
        const outcome = 'error' in expected[i] ? expected[i].error.type : 'sections';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (!isDeepStrictEqual(ours, expected[i])) {
          mismatches++;
          if (mismatches <= 5)
            console.log(
              `mismatch on ${JSON.stringify(text)}:\n  ours   ${JSON.stringify(ours)}\n  python ${JSON.stringify(expected[i])}`,
            );
        }
      });
    }
    console.log(`  python outcomes: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  mismatches: ${mismatches}`);
    if (mismatches > 0) throw new Error(`${mismatches} inputs read differently from CPython`);
  });
} else {
  console.log('differential vs CPython configparser: skipped, python3 not found');
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`total: ${total} cases in ${seconds.toFixed(1)} s, ${failed ? 'FAILED' : 'all properties held'}`);
process.exit(failed ? 1 : 0);
