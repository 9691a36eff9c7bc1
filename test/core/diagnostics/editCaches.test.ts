// What an edit reuses from the one before, against nothing reused: random edit sequences re-read by the
// incremental reader (which hands unchanged sections' nodes over), each step linted with the memo carried over
// (whole sections answered by node: sectionDiagnosticsMemo.ts) and the project's verdict made (a file's config
// store shares unchanged sections' values: config/fileValues.ts), both equal to a fresh reading's, linted
// without a memo. The fresh side lives under another folder (so it never reuses the edited side's store), and
// the answers are compared with its paths written as the edited side's. The enabled objects remembered while
// nothing they read changed (enabledObjectsMemo.ts) are compared with a fresh computation after every edit, and
// the syntax diagnostics that skip sections known to swallow no header are part of the lint compared, and so are
// the class and required-key checks made from the sections' class facts of the previous lint (sectionClassFacts.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classFactsReused, lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { EntryDiagnosticsMemo } from '../../../server/src/core/diagnostics/entryDiagnosticsMemo';
import { enabledObjects } from '../../../server/src/core/diagnostics/enabledObjects';
import { EnabledObjectsMemo } from '../../../server/src/core/diagnostics/enabledObjectsMemo';
import type { ConfigLayer } from '../../../server/src/core/config/configLayers';
import { fileConfigStore } from '../../../server/src/core/config/fileValues';
import { PACKAGE_DEFAULT_FILES, loadConfig } from '../../../server/src/core/config/loadConfig';
import {
  parseCfg,
  reparseCfgText,
  toDbndView,
  tolerantDocument,
  type CfgDocument,
  type CfgTextChange,
} from '../../../server/src/core/reader';
import { Analysis } from '../../../server/src/ide/analysis';
import { analysisVerdict } from '../../../server/src/ide/projectAnalysis';
import { applyEdit, random, randomEdit, startTexts } from '../reader/incrementalEdits';

const SEQUENCES = Number(process.env.EDIT_CACHE_SEQUENCES ?? 300);
const SEED = 20261207;

/** `through`: whether the engine variable varies (THROUGH_ENABLED reads it; elsewhere it would only make the
 *  memo forget its answers more often). */
function envOf(rnd: () => number, through: boolean): Record<string, string> {
  return {
    HOME: '/home/alice',
    NAMESPACE: rnd() < 0.2 ? 'team-b' : 'team-a',
    ENGINE: through && rnd() < 0.5 ? 'k8s_b' : 'k8s_a',
  };
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

/** What decides the enabled objects (enabledObjectsMemo.ts), the class of sections through `_from`, and the
 *  required keys: the listed and selected environments, their engines, and the engines' `_from` chains. */
const THROUGH_ENABLED = [
  '[databand]',
  'env = gcp_env',
  '',
  '[run]',
  "environments = ['local', 'gcp_env']",
  '',
  '[gcp_env]',
  '_from = local',
  'remote_engine = ${ENGINE}',
  '',
  '[aws_env]',
  '_type = env',
  'remote_engine = k8s_b',
  '',
  // Its engine is read through its `_from` (a lookup's second section).
  '[aws_child]',
  '_from = aws_env',
  '',
  '[k8s_a]',
  '_from = k8s_base',
  'container_tag = a',
  'secrets = [',
  '    {"type": "env", "secret": "s", "key": "k"}',
  '    ]',
  '',
  '[k8s_base]',
  '_type = kubernetes',
  'container_repository = gcr.io/acme/a',
  'pod_error_cfg_source_dict = {"255": {"retry_count": 3, "retry_delay": "3m"}}',
  '',
  '[k8s_b]',
  '_type = kubernetes',
  'namespace = b',
  '',
].join('\n');

/** The keys of THROUGH_OTHERS and THROUGH_ENABLED that others read, and values to retype them with. */
const RETYPED: readonly (readonly [string, readonly string[]])[] = [
  ['cpu = ', ['2', '2 cores', '%(missing)s', '500m']],
  ['team_labels = ', ['{"team": "b"}', '{"a": True}', '[1']],
  ['_type = ', ['kubernetes', 'docker', 'local_machine_engine', 'nothing_such']],
  ['env = ', ['gcp_env', 'aws_env', 'aws_child', 'local', 'k8s_a']],
  [
    'environments = ',
    ["['local', 'gcp_env']", "['aws_env']", "['gcp_env', 'aws_child']", "['gcp_env', 'aws_env']", '[', "['nothing']"],
  ],
  ['remote_engine = ', ['k8s_a', 'k8s_b', 'k8s_base', 'no_engine', '@None', '${ENGINE}']],
  ['_from = ', ['k8s_base', 'k8s_b', 'local', 'kubernetes', 'k8s_a']],
  ['container_repository = ', ['gcr.io/acme/b', '@None', '']],
];

/** Indents a header at column 0 (the value above then swallows it) or takes an indented one's indent away. */
function indentEdit(rnd: () => number, text: string): CfgTextChange | undefined {
  const headers = [...text.matchAll(/\n( *)\[/g)];
  if (headers.length === 0) return undefined;
  const m = headers[Math.floor(rnd() * headers.length)];
  const at = (m.index as number) + 1;
  return m[1] === '' ? { from: at, to: at, text: '    ' } : { from: at, to: at + m[1].length, text: '' };
}

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

/** The side's layers as the lint loads them (its files read tolerantly, over dbnd's package defaults). */
function layerOf(side: Side, env: Record<string, string>): ConfigLayer | undefined {
  const tolerant = files(side).map((f) => ({ ...f, doc: tolerantDocument(f.doc).doc }));
  const loaded = loadConfig([...PACKAGE_DEFAULT_FILES, ...tolerant], env, {});
  return loaded.ok ? loaded.value : undefined;
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
  const starts = [
    { name: 'through others', text: THROUGH_OTHERS },
    { name: 'through enabled objects', text: THROUGH_ENABLED },
    ...startTexts(),
  ];
  let reused = 0;
  let enabledReused = 0;
  let factsReused = 0;
  for (let n = 0; n < SEQUENCES; n++) {
    const memo = new EntryDiagnosticsMemo();
    const enabledMemo = new EnabledObjectsMemo();
    const start = starts[n % starts.length];
    const other = parseCfg(starts[(n + 1) % starts.length].text);
    let doc = parseCfg(start.text);
    const length = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k <= length; k++) {
      const env = envOf(rnd, start.text === THROUGH_ENABLED);
      // The environment a run selects: the editor's setting, else `[databand] env`.
      const environmentName = [undefined, undefined, 'aws_env', 'gcp_env', 'aws_child'][Math.floor(rnd() * 5)];
      const r = rnd();
      const edit =
        k === 0
          ? undefined
          : (r < 0.3 && retypeEdit(rnd, doc.text)) ||
            (r > 0.9 && indentEdit(rnd, doc.text)) ||
            randomEdit(rnd, doc.text);
      if (edit) doc = applyEdit(doc, edit, Math.floor(rnd() * 3));
      const context = `sequence ${n} (${start.name}), edit ${k}: ${JSON.stringify(edit)}`;
      const inc: Side = { dir: '/inc/', docs: [doc, other] };
      const full: Side = { dir: '/full/', docs: [parseCfg(doc.text), parseCfg(other.text)] };
      const ours = lintFiles(files(inc), { env, memo, environmentName });
      reused += memo.sections.reusedInLastLint;
      factsReused += classFactsReused(memo);
      assert.deepStrictEqual(plain(ours), plain(lintFiles(files(full), { env, environmentName })), context);
      assert.deepStrictEqual(plain(verdictOf(inc, env)), plain(verdictOf(full, env)), context);
      assertStoreOfView(doc, '/inc/project0.cfg', context);
      const layers = [inc, full].map((side) => layerOf(side, env));
      if (layers[0] && layers[1]) {
        const remembered = enabledMemo.enabledObjects(layers[0], env, environmentName);
        if (enabledMemo.reusedLast) enabledReused++;
        assert.deepStrictEqual(remembered, enabledObjects(layers[1], env, environmentName), context);
      }
    }
  }
  // Not vacuous: most sections were answered whole.
  assert.ok(reused > SEQUENCES * 10, `sections reused: ${reused}`);
  assert.ok(enabledReused > SEQUENCES / 3, `enabled objects reused: ${enabledReused}`);
  assert.ok(factsReused > SEQUENCES / 3, `class facts reused: ${factsReused}`);
});

test('the enabled objects memo sees values read through a later section of a lookup changed, removed and added', () => {
  // [aws_child]'s engine is read through its `_from` ([aws_env]): the lookup's second section. Each edit is of
  // [aws_env] alone, re-read incrementally, so only the (section, key)s it changed differ between the stacks.
  const head = "[run]\nenvironments = ['aws_child']\n\n[aws_child]\n_from = aws_env\n\n[aws_env]\n_type = env\n";
  const texts = [
    head + 'remote_engine = k8s_b\n',
    head + 'remote_engine = k8s_c\n',
    head,
    head + 'remote_engine = k8s_b\n',
    head + 'remote_engine = k8s_b\nlocal_engine = k8s_c\n',
  ];
  const memo = new EnabledObjectsMemo();
  const env = {};
  let doc = parseCfg(texts[0]);
  let reused = 0;
  for (const text of [...texts, ...texts.slice().reverse()]) {
    doc = reparseCfgText(doc, text);
    const side: Side = { dir: '/inc/', docs: [doc] };
    const fresh: Side = { dir: '/full/', docs: [parseCfg(text)] };
    const remembered = memo.enabledObjects(layerOf(side, env)!, env, undefined);
    if (memo.reusedLast) reused++;
    assert.deepStrictEqual(remembered, enabledObjects(layerOf(fresh, env)!, env, undefined), text);
  }
  // Not vacuous: the same text twice in a row (the turn of the list) is answered from the memo.
  assert.ok(reused >= 1, `reused: ${reused}`);
});
