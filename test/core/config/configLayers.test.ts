// dbnd's lookup rules (docs/dbnd-rules.md §1.6): layer beats section at equal priority, OVERRIDE beats all, extend merges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigLayer } from '../../../server/src/core/config/configLayers';
import { ConfigStore } from '../../../server/src/core/config/configStore';
import { Priority, configValue } from '../../../server/src/core/config/configValue';
import type { Json } from '../../../server/src/core/json';

function store(entries: [string, string, Json, number?, boolean?][], source: string): ConfigStore {
  const s = new ConfigStore();
  for (const [section, key, value, priority, extend] of entries) {
    s.set(section, key, configValue(value, source, { kind: 'computed' }, { priority, extend }));
  }
  return s;
}

const SECTIONS = ['my_engine', 'kubernetes', 'config'];

test('a generic section in a higher layer beats a specific section below it', () => {
  const layer = ConfigLayer.root('system', store([['my_engine', 'namespace', 'file']], 'file')).push(
    'cmdline',
    store([['kubernetes', 'namespace', 'cli']], '--set'),
  );
  assert.deepEqual(
    layer.lookup(SECTIONS, 'namespace').map((v) => v.value),
    ['cli'],
  );
});

test('inside one layer the more specific section wins', () => {
  const layer = ConfigLayer.root(
    'system',
    store(
      [
        ['kubernetes', 'namespace', 'env'],
        ['my_engine', 'namespace', 'file'],
      ],
      's',
    ),
  );
  assert.deepEqual(
    layer.lookup(SECTIONS, 'namespace').map((v) => v.value),
    ['file'],
  );
});

test('OVERRIDE from a lower layer beats a NORMAL value above', () => {
  const layer = ConfigLayer.root(
    'system',
    store([['kubernetes', 'container_tag', 'forced', Priority.OVERRIDE]], 'o'),
  ).push('task', store([['my_engine', 'container_tag', 'task']], 't'));
  assert.deepEqual(
    layer.lookup(SECTIONS, 'container_tag').map((v) => v.value),
    ['forced'],
  );
});

test('an extend value keeps the value below it, lowest first', () => {
  const layer = ConfigLayer.root('system', store([['my_engine', 'labels', '{"team": "a"}']], 'file')).push(
    'task',
    store([['kubernetes', 'labels', { owner: 'joey' }, Priority.NORMAL, true]], 'task'),
  );
  assert.deepEqual(
    layer.lookup(SECTIONS, 'labels').map((v) => v.value),
    ['{"team": "a"}', { owner: 'joey' }],
  );
});

test('a copied store shares its sections until one side writes: neither sees the other writes', () => {
  const original = store(
    [
      ['kubernetes', 'namespace', 'a'],
      ['docker', 'container_tag', 't'],
    ],
    'file',
  );
  const clone = original.copy();
  clone.set('kubernetes', 'namespace', configValue('clone', 'cli', { kind: 'computed' }));
  original.set('docker', 'container_tag', configValue('original', 'file', { kind: 'computed' }));
  original.update(store([['kubernetes', 'debug', 'True']], 'env'));
  assert.equal(original.get('kubernetes', 'namespace')?.value, 'a');
  assert.equal(clone.get('kubernetes', 'namespace')?.value, 'clone');
  assert.equal(clone.get('docker', 'container_tag')?.value, 't');
  assert.equal(original.get('docker', 'container_tag')?.value, 'original');
  assert.equal(clone.get('kubernetes', 'debug'), undefined);
  assert.equal(original.get('kubernetes', 'debug')?.value, 'True');
  // A copy of a copy, written after its source wrote again.
  const third = clone.copy();
  clone.set('docker', 'container_tag', configValue('clone2', 'cli', { kind: 'computed' }));
  assert.equal(third.get('docker', 'container_tag')?.value, 't');
});
