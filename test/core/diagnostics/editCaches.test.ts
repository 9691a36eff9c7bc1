// What an edit reuses from the one before, against nothing reused: random edit sequences re-read by the
// incremental reader (which hands unchanged sections' nodes over), each step linted with the memo carried over
// (whole sections answered by node: sectionDiagnosticsMemo.ts) and the project's verdict made (a file's config
// store shares unchanged sections' values: config/fileValues.ts), both equal to a fresh reading's, linted
// without a memo. The fresh side lives under another folder (so it never reuses the edited side's store), and
// the answers are compared with its paths written as the edited side's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { EntryDiagnosticsMemo } from '../../../server/src/core/diagnostics/entryDiagnosticsMemo';
import { fileConfigStore } from '../../../server/src/core/config/fileValues';
import { parseCfg, toDbndView, type CfgDocument, type CfgTextChange } from '../../../server/src/core/reader';
import { Analysis } from '../../../server/src/ide/analysis';
import { analysisVerdict } from '../../../server/src/ide/projectAnalysis';
import { applyEdit, random, randomEdit, startTexts } from '../reader/incrementalEdits';

const SEQUENCES = Number(process.env.EDIT_CACHE_SEQUENCES ?? 300);
const SEED = 20261207;

function envOf(rnd: () => number): Record<string, string> {
  return { HOME: '/home/alice', NAMESPACE: rnd() < 0.2 ? 'team-b' : 'team-a' };
}

/** Documents and section nodes (cyclic) as what identifies them: the text, the name at its place. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if ('lineStarts' in value && 'text' in value) return { document: value.text };
  if ('isDefault' in value && 'name' in value && 'headerRange' in value)
    return { section: value.name, at: value.headerRange };
  return value;
}

/** The answer with the fresh side's folder written as the edited side's, as plain data. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, replacer).replaceAll('/full/', '/inc/'));
}

/** Sections whose values change through `[DEFAULT]` (`%(x)s`), and one whose class changes through its
 *  `_from`, while their own nodes stay as they are. */
const THROUGH_OTHERS = [
  '[DEFAULT]',
  'cpu = 2',
  'team_labels = {"team": "a"}',
  '',
  '[kubernetes]',
  'limit_cpu = %(cpu)s',
  'labels = %(team_labels)s',
  '',
  '[k8s_other]',
  '_type = kubernetes',
  'request_cpu = %(cpu)s',
  '',
  '[k8s_child]',
  '_from = k8s_other',
  'limit_cpu = 2 cores',
  'container_tag = x',
  '',
].join('\n');

/** The keys of THROUGH_OTHERS that others read, and values to retype them with. */
const RETYPED: readonly (readonly [string, readonly string[]])[] = [
  ['cpu = ', ['2', '2 cores', '%(missing)s', '500m']],
  ['team_labels = ', ['{"team": "b"}', '{"a": True}', '[1']],
  ['_type = ', ['kubernetes', 'docker', 'local_machine_engine', 'nothing_such']],
];

/** Retypes the value of the first line setting one of RETYPED's keys. */
function retypeEdit(rnd: () => number, text: string): CfgTextChange | undefined {
  const [key, values] = RETYPED[Math.floor(rnd() * RETYPED.length)];
  const at = text.startsWith(key) ? 0 : text.indexOf('\n' + key) + 1;
  if (at <= 0 && !text.startsWith(key)) return undefined;
  const end = text.indexOf('\n', at);
  return { from: at + key.length, to: end < 0 ? text.length : end, text: values[Math.floor(rnd() * values.length)] };
}

interface Side {
  readonly dir: string;
  readonly docs: readonly CfgDocument[];
}

function files({ dir, docs }: Side) {
  return docs.map((doc, i) => ({ path: `${dir}project${i}.cfg`, text: doc.text, doc }));
}

function verdictOf(side: Side, env: Record<string, string>) {
  const projectFiles = files(side).map((f) => ({ ...f, uri: 'file://' + f.path, open: true }));
  return analysisVerdict(new Analysis({ files: projectFiles, env, readFile: () => undefined, isProject: true }));
}

/** A file's store against the view it was made of, value by value (what the store made afresh holds). */
function assertStoreOfView(doc: CfgDocument, path: string, context: string): void {
  const view = toDbndView(doc, path);
  if (view.kind === 'error') return;
  const store = fileConfigStore(view, path);
  assert.deepEqual(
    [...store.sectionNames()],
    [...view.sections.keys()].map((s) => s.toLowerCase()),
    context,
  );
  for (const [name, section] of view.sections) {
    assert.equal(store.section(name)?.size, section.values.size, context);
    for (const [key, v] of section.values) {
      const { keyRange, valueRange } = v.entry;
      const origin = { kind: 'file', path, sectionName: v.section.name, keyRange, valueRange };
      const expected = { value: v.value, source: `config[${path.slice(path.lastIndexOf('/') + 1)}]`, origin };
      assert.deepEqual(plain(store.get(name, key)), plain({ ...expected, priority: 50, extend: false }), context);
    }
  }
}

test(`after each edit of ${SEQUENCES} random edit sequences, the lint and the verdict reusing the previous ones equal fresh ones`, () => {
  const rnd = random(SEED);
  const starts = [{ name: 'through others', text: THROUGH_OTHERS }, ...startTexts()];
  let reused = 0;
  for (let n = 0; n < SEQUENCES; n++) {
    const memo = new EntryDiagnosticsMemo();
    const start = starts[n % starts.length];
    const other = parseCfg(starts[(n + 1) % starts.length].text);
    let doc = parseCfg(start.text);
    const length = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k <= length; k++) {
      const env = envOf(rnd);
      const edit = k === 0 ? undefined : (rnd() < 0.3 && retypeEdit(rnd, doc.text)) || randomEdit(rnd, doc.text);
      if (edit) doc = applyEdit(doc, edit, Math.floor(rnd() * 3));
      const context = `sequence ${n} (${start.name}), edit ${k}: ${JSON.stringify(edit)}`;
      const inc: Side = { dir: '/inc/', docs: [doc, other] };
      const full: Side = { dir: '/full/', docs: [parseCfg(doc.text), parseCfg(other.text)] };
      const ours = lintFiles(files(inc), { env, memo });
      reused += memo.sections.reusedInLastLint;
      assert.deepStrictEqual(plain(ours), plain(lintFiles(files(full), { env })), context);
      assert.deepStrictEqual(plain(verdictOf(inc, env)), plain(verdictOf(full, env)), context);
      assertStoreOfView(doc, '/inc/project0.cfg', context);
    }
  }
  // Not vacuous: most sections were answered whole.
  assert.ok(reused > SEQUENCES * 10, `sections reused: ${reused}`);
});
