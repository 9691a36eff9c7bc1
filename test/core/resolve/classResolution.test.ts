// Class resolution through `_type`/`_from` chains: the memoized resolution (one walk per chain and per lint)
// must say exactly what dbnd's step-by-step walk says, and a 5000-deep chain must lint without a walk per section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../../../server/src/core/config/loadConfig';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import {
  MAX_CLASS_CHAIN_DEPTH,
  resolveConfigClass,
  walkConfigClass,
} from '../../../server/src/core/resolve/classResolution';

function layerOf(text: string) {
  const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, { path: '/p/project.cfg', text }], {}, {});
  assert.ok(loaded.ok);
  return loaded.value;
}

/** `[s0] _from = s1`, `[s1] _from = s2`, ..., and the last section `[sN] _type = kubernetes`. */
function chain(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`[s${i}]`, `_from = s${i + 1}`);
  lines.push(`[s${depth}]`, '_type = kubernetes');
  return `${lines.join('\n')}\n`;
}

test('a 5000-deep _from chain lints: RecursionError exactly where the class is more than 1000 steps away', () => {
  const diagnostics = lintFiles([{ path: '/p/project.cfg', text: chain(5000) }]);
  const tooDeep = diagnostics.filter((d) => d.code === 'from-chain-too-deep');
  // The class (`kubernetes`) is one step past [s5000]: [s4001] reaches it in exactly MAX_CLASS_CHAIN_DEPTH steps
  // and resolves, [s4000] is one step too far, and so is every section before it.
  assert.equal(tooDeep.length, 5001 - MAX_CLASS_CHAIN_DEPTH);
  assert.deepEqual(
    [tooDeep[0].range.start.line, tooDeep.at(-1)!.range.start.line],
    [1, 2 * (5000 - MAX_CLASS_CHAIN_DEPTH) + 1],
  );
  assert.match(tooDeep[0].message, /dbnd fails building \[s0\] with RecursionError: maximum recursion depth exceeded/);
});

test('around the depth limit the memoized resolution and the walk agree, origins included', () => {
  const depth = MAX_CLASS_CHAIN_DEPTH + 3;
  const layer = layerOf(chain(depth));
  // [s4] is MAX_CLASS_CHAIN_DEPTH steps from the class; the walk is slow, so only the sections around it.
  for (const i of [0, 1, 2, 3, 4, 5, 6, depth - 1, depth]) {
    assert.deepEqual(resolveConfigClass(`s${i}`, layer, {}), walkConfigClass(`s${i}`, layer, {}), `[s${i}]`);
  }
});

// Random sections whose pragmas point at other sections, at themselves, at dbnd families, at class paths that do
// or do not import, or nowhere: cycles, self references, dead ends and shared tails in every mix.
const targets = fc.oneof(
  fc.integer({ min: 0, max: 11 }).map((i) => `s${i}`),
  fc.constantFrom('kubernetes', 'local', 'docker', 'no_such_family', 'dbnd.no_such.Module', 'mod.Cls'),
);
const section = fc.record({
  pragma: fc.constantFrom('_type', '_from', 'both', 'none'),
  target: targets,
  other: targets,
});

test('on random pragma graphs the memoized resolution says what the walk says, for every section', () => {
  fc.assert(
    fc.property(fc.array(section, { minLength: 1, maxLength: 12 }), (sections) => {
      const text = sections
        .map((s, i) => {
          const lines = [`[s${i}]`];
          if (s.pragma === '_type' || s.pragma === 'both') lines.push(`_type = ${s.target}`);
          if (s.pragma === '_from' || s.pragma === 'both')
            lines.push(`_from = ${s.pragma === 'both' ? s.other : s.target}`);
          return lines.join('\n');
        })
        .join('\n');
      const layer = layerOf(`${text}\n`);
      // Resolved in an order that shares tails across calls, then compared with a fresh walk of each.
      for (let i = sections.length - 1; i >= 0; i--) resolveConfigClass(`s${i}`, layer, {});
      for (let i = 0; i < sections.length + 2; i++) {
        assert.deepEqual(resolveConfigClass(`s${i}`, layer, {}), walkConfigClass(`s${i}`, layer, {}), `[s${i}]`);
      }
    }),
    { numRuns: 300 },
  );
});
