// A file's config store shares the parser's options as its ConfigValues (core/reader/parserOption.ts: one record
// per entry for the parser, dbnd's view and the store). Checked here against the store made the plain way (a
// configValue() and a plain origin per value, keys lower-cased with toLowerCase), member by member and as JSON, on
// the sample workspace, dbnd's example files and the benchmark's generated project, and in the cases where the
// store must not share: a document layered under two paths, and a key toLowerCase folds further than Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigStore } from '../../../server/src/core/config/configStore';
import { configValue, type ConfigValue } from '../../../server/src/core/config/configValue';
import { basename, fileConfigStore } from '../../../server/src/core/config/fileValues';
import { parseCfg, toDbndView, type CfgDocument, type DbndFileView } from '../../../server/src/core/reader';
import { ParserOption } from '../../../server/src/core/reader/parserOption';
import { generateLargeConfig } from '../../support/generateLargeConfig';
import { EXAMPLES_DIR, repoPath } from '../../support/paths';

type LoadedView = Extract<DbndFileView, { kind: 'sections' }>;

/** The store as fileValues.ts made it before the options were shared: a fresh value and origin per key. */
function plainStore(view: LoadedView, path: string): ConfigStore {
  const store = new ConfigStore();
  for (const [name, section] of view.sections) {
    for (const [key, v] of section.values) {
      const { keyRange, valueRange } = v.entry;
      const origin = { kind: 'file' as const, path, keyRange, valueRange, sectionName: v.section.name };
      store.set(name, key, configValue(v.value, `config[${basename(path)}]`, origin));
    }
  }
  return store;
}

function assertSameValue(ours: ConfigValue | undefined, plain: ConfigValue | undefined, where: string): void {
  assert.ok(ours && plain, where);
  assert.equal(ours.value, plain.value, where);
  assert.equal(ours.source, plain.source, where);
  assert.equal(ours.priority, plain.priority, where);
  assert.equal(ours.extend, plain.extend, where);
  assert.equal(ours.origin.kind, 'file', where);
  if (ours.origin.kind !== 'file' || plain.origin.kind !== 'file') return;
  assert.equal(ours.origin.path, plain.origin.path, where);
  assert.equal(ours.origin.sectionName, plain.origin.sectionName, where);
  assert.deepEqual(ours.origin.keyRange, plain.origin.keyRange, where);
  assert.deepEqual(ours.origin.valueRange, plain.origin.valueRange, where);
  // Whoever prints or sends a value sees the same JSON, in the same key order.
  assert.equal(JSON.stringify(ours), JSON.stringify(plain), where);
  assert.equal(JSON.stringify(ours.origin), JSON.stringify(plain.origin), where);
  // The origin is made once: a caller holding it holds the value's origin.
  assert.equal(ours.origin, ours.origin, where);
}

function assertSameStore(ours: ConfigStore, plain: ConfigStore, where: string): void {
  assert.deepEqual([...ours.sectionNames()], [...plain.sectionNames()], where);
  for (const name of plain.sectionNames()) {
    const mine = ours.section(name);
    const theirs = plain.section(name);
    assert.ok(mine && theirs, where);
    assert.deepEqual([...mine.keys()], [...theirs.keys()], `${where} [${name}]`);
    for (const [key, value] of theirs) assertSameValue(mine.get(key), value, `${where} [${name}] ${key}`);
  }
}

function texts(): { name: string; text: string }[] {
  const workspace = [
    repoPath('test', 'workspace', 'project.cfg'),
    repoPath('test', 'workspace', '.dbnd', 'databand-system.cfg'),
  ];
  const examples = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => join(EXAMPLES_DIR, f));
  return [
    ...[...workspace, ...examples].map((path) => ({ name: path, text: readFileSync(path, 'utf8') })),
    { name: 'generated 2000 lines', text: generateLargeConfig(2000) },
  ];
}

function loaded(doc: CfgDocument, path: string): LoadedView | undefined {
  const view = toDbndView(doc, path);
  return view.kind === 'sections' ? view : undefined;
}

test('a file store sharing the options holds what a store of fresh values holds, on real files', () => {
  let shared = 0;
  for (const { name, text } of texts()) {
    const path = `/project/${name.slice(name.lastIndexOf('/') + 1)}`;
    const view = loaded(parseCfg(text), path);
    if (!view) continue;
    const store = fileConfigStore(view, path);
    assertSameStore(store, plainStore(view, path), name);
    // Not vacuous: the store's values are the view's own records.
    for (const [sectionName, section] of view.sections)
      for (const [key, v] of section.values) if (store.get(sectionName, key) === v) shared++;
  }
  assert.ok(shared > 1000, `${shared} values shared`);
});

test('one document layered under two paths: each store has its own path and source, the first unchanged', () => {
  const doc = parseCfg('[core]\nA = 1\n[DEFAULT]\nd = x\n[kube]\nnamespace = ns\n');
  const first = loaded(doc, '/one/project.cfg');
  const second = loaded(doc, '/two/databand.cfg');
  assert.ok(first && second);
  const one = fileConfigStore(first, '/one/project.cfg');
  const two = fileConfigStore(second, '/two/databand.cfg');
  assertSameStore(two, plainStore(second, '/two/databand.cfg'), 'second path');
  assertSameStore(one, plainStore(first, '/one/project.cfg'), 'first path, after the second');
  assert.equal(two.get('kube', 'namespace')?.source, 'config[databand.cfg]');
  assert.equal(one.get('kube', 'namespace')?.source, 'config[project.cfg]');
});

test('a key toLowerCase folds further than the view did is the store key folded, its value the same', () => {
  const doc = parseCfg('[s]\nkey = 1\nother = 2\n');
  const [option, other] = doc.parser.sections[0].options as ParserOption[];
  // A view as a Python fold could leave it: a key JavaScript's toLowerCase still changes.
  const values = new Map([
    ['Key', option as ParserOption & { value: string }],
    ['other', other as ParserOption & { value: string }],
  ]);
  const view: LoadedView = {
    kind: 'sections',
    source: '/p/x.cfg',
    sections: new Map([['s', { name: 's', values, headers: doc.sections }]]),
  };
  const store = fileConfigStore(view, '/p/x.cfg');
  assert.deepEqual([...(store.section('s')?.keys() ?? [])], ['key', 'other']);
  assertSameStore(store, plainStore(view, '/p/x.cfg'), 'folded key');
});
