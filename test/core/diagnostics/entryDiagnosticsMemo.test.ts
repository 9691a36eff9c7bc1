// The language server lints with an EntryDiagnosticsMemo carried from one edit to the next; the answer must be
// exactly the lint without it, whatever the edit: values changed, lines added above entries, sections renamed
// (their class changes), `%(x)s` targets changed, the environment changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { parseCfg, reparseCfgText } from '../../../server/src/core/reader';
import { EntryDiagnosticsMemo } from '../../../server/src/core/diagnostics/entryDiagnosticsMemo';
import { generateLargeConfig } from '../../support/generateLargeConfig';
import { EXAMPLES_DIR } from '../../support/paths';

const EXAMPLES = EXAMPLES_DIR;
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.cfg'))
  .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

const ENV = { HOME: '/home/alice', NAMESPACE: 'team-a' };

/** Line edits that change what the checks see in one place. */
const lineEdit = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    text: fc.constantFrom('', '# note', 'extra_key = 1', '[k8s_new]'),
  }),
  fc.record({ kind: fc.constant('delete' as const), text: fc.constant('') }),
  fc.record({
    kind: fc.constant('replace' as const),
    text: fc.constantFrom(
      'namespace = %(missing)s',
      'labels = {"a": True}',
      'limit_cpu = 2 cores',
      'container_repository = gcr.io:443/x',
      '_type = kubernetes',
      '_from = k8s_engine_0',
      'retry_count = x',
      'secrets = [{"type": "envv", "secret": "s"}]',
      '[kubernetes]',
      '  continued value',
    ),
  }),
);

function applyEdit(text: string, edit: { kind: 'insert' | 'delete' | 'replace'; text: string }, at: number): string {
  const lines = text.split('\n');
  const line = at % Math.max(lines.length, 1);
  if (edit.kind === 'insert') lines.splice(line, 0, edit.text);
  else if (edit.kind === 'delete') lines.splice(line, 1);
  else lines[line] = edit.text;
  return lines.join('\n');
}

function assertSameAsWithout(texts: readonly string[], memo: EntryDiagnosticsMemo, env: Record<string, string>): void {
  const files = texts.map((text, i) => ({ path: `/project/file${i}.cfg`, text }));
  const withMemo = lintFiles(files, { env, memo });
  const without = lintFiles(files, { env });
  assert.deepStrictEqual(withMemo, without);
}

test('with the memo carried across random edits, every lint equals the lint without it', () => {
  const project = generateLargeConfig(400);
  fc.assert(
    fc.property(
      fc.constantFrom(...examples, project),
      fc.array(fc.tuple(lineEdit, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
      (start, edits) => {
        const memo = new EntryDiagnosticsMemo();
        let text = start;
        let env: Record<string, string> = ENV;
        assertSameAsWithout([text, project], memo, env);
        for (const [edit, at, otherEnv] of edits) {
          text = applyEdit(text, edit, at);
          env = otherEnv ? { ...ENV, NAMESPACE: 'team-b' } : { ...ENV };
          assertSameAsWithout([text, project], memo, env);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('an entry moved down by a new line above keeps its diagnostics, at its new line', () => {
  const memo = new EntryDiagnosticsMemo();
  const text = '[kubernetes]\nlimit_cpu = 2 cores\n';
  const first = lintFiles([{ path: '/p/a.cfg', text }], { memo });
  const moved = lintFiles([{ path: '/p/a.cfg', text: '# a comment\n' + text }], { memo });
  const quantity = (ds: typeof first) => ds.filter((d) => d.code === 'invalid-quantity');
  assert.equal(quantity(first).length, 1);
  assert.equal(quantity(moved)[0].range.start.line, quantity(first)[0].range.start.line + 1);
  assert.deepStrictEqual(moved, lintFiles([{ path: '/p/a.cfg', text: '# a comment\n' + text }]));
});

test('a value that changes only through `%(x)s` is checked again', () => {
  const memo = new EntryDiagnosticsMemo();
  const text = (cpu: string) => `[kubernetes]\ncpu = ${cpu}\nlimit_cpu = %(cpu)s\n`;
  const quantities = (cpu: string) =>
    lintFiles([{ path: '/p/a.cfg', text: text(cpu) }], { memo }).filter((d) => d.code === 'invalid-quantity');
  assert.equal(quantities('2').length, 0);
  assert.equal(quantities('2 cores').length, 1, 'limit_cpu now reads "2 cores"');
  assert.equal(quantities('2').length, 0);
});

/** A memo that counts the entries it has checked (not answered from what it remembers). */
function countingMemo(): { memo: EntryDiagnosticsMemo; readonly counts: { computed: number } } {
  const memo = new EntryDiagnosticsMemo();
  const counts = { computed: 0 };
  const diagnostics = memo.diagnostics.bind(memo);
  memo.diagnostics = (checked, compute) =>
    diagnostics(checked, () => {
      counts.computed++;
      return compute();
    });
  return { memo, counts };
}

test("a file's first version (remembered section by section) answers its next version's unchanged entries (keys copied)", () => {
  // The memo keeps the first version's sections whole and keys a later version's entries by their copied text:
  // the keys made from a first version's section must be the later version's.
  const { memo, counts } = countingMemo();
  const first = generateLargeConfig(400);
  const files = (text: string) => [{ path: '/project/project.cfg', text }];
  lintFiles(files(first), { env: ENV, memo });
  const firstComputed = counts.computed;
  assert.ok(firstComputed > 100, `the first lint checks every entry (${firstComputed})`);
  const lines = first.split('\n');
  const at = lines.findIndex((l) => /^container_tag = /.test(l));
  lines[at] = 'container_tag = edited';
  const second = lines.join('\n');
  counts.computed = 0;
  // A fresh parse: every entry is a new node, found by its text alone.
  assert.deepStrictEqual(lintFiles(files(second), { env: ENV, memo }), lintFiles(files(second), { env: ENV }));
  assert.equal(counts.computed, 1, 'only the edited entry is checked again');
});

test('a first version remembered section by section answers the unchanged entries of a section edited later, at their new lines', () => {
  // The first version's sections are remembered whole (their text, not a key per entry); an edit inside one of
  // them, below a line added above it, makes its entries' answers from that text, moved down by the new line.
  const { memo, counts } = countingMemo();
  const first = '[kubernetes]\nlimit_cpu = 2 cores\nrequest_memory = 1 GB\nnamespace = a\n\n[core]\nfoo = 1\n';
  const lint = (doc: ReturnType<typeof parseCfg>) => lintFiles([{ path: '/p/a.cfg', text: doc.text, doc }], { memo });
  let doc = parseCfg(first);
  const before = lint(doc);
  doc = reparseCfgText(doc, '# added\n' + first.replace('namespace = a', 'namespace = b'));
  counts.computed = 0;
  const after = lint(doc);
  assert.equal(counts.computed, 1, 'only the edited entry is checked again');
  assert.deepStrictEqual(after, lintFiles([{ path: '/p/a.cfg', text: doc.text }]));
  const quantities = (ds: typeof before) =>
    ds.filter((d) => d.code === 'invalid-quantity').map((d) => d.range.start.line);
  assert.deepStrictEqual(
    quantities(after),
    quantities(before).map((l) => l + 1),
  );
});
