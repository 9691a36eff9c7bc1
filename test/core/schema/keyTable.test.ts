// The generated key table (docs/config-keys.md): one row per key, the markers' splice, and the first-sentence rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_CONFIG_CLASSES,
  KEYS_END_MARKER,
  KEYS_START_MARKER,
  firstSentence,
  renderKeyTable,
  withCurrentKeyTable,
} from '../../../server/src/core/schema';

test('firstSentence stops at the first full stop that is not an abbreviation', () => {
  assert.equal(firstSentence('Pull policy, e.g. `Always`. Not validated.'), 'Pull policy, e.g. `Always`.');
  assert.equal(firstSentence('No full stop'), 'No full stop');
  assert.equal(firstSentence('Uses v1.2 here. Then more.'), 'Uses v1.2 here.');
});

test('the table has a row for every key of every class', () => {
  const table = renderKeyTable();
  for (const cls of ALL_CONFIG_CLASSES) {
    assert.ok(table.includes(`### \`[${cls.family}]\`: ${cls.className}`), cls.className);
    for (const p of cls.params)
      assert.ok(table.includes(`| \`${p.name}\` | ${p.type} |`), `${cls.className}.${p.name}`);
  }
});

test('defaults are shown as one writes them in a .cfg file', () => {
  const table = renderKeyTable();
  assert.match(table, /\| `container_repository` \| str \| \*\*required\*\* \|/);
  assert.match(table, /\| `pod_default_retry_delay` \| timedelta \| `10s` \|/);
  assert.match(table, /\| `pending_zombies_timeout` \| timedelta \| `5h` \|/);
  assert.match(table, /\| `pod_error_cfg_source_dict` \| Dict \| none \(shipped value\) \|/);
  assert.match(table, /\| `in_cluster` \| bool \| None \|/);
  assert.match(table, /\| `fix_pickle` \| bool \| False \| \*Unused\.\*/);
});

test('no table row has an unescaped pipe in a cell', () => {
  for (const line of renderKeyTable()
    .split('\n')
    .filter((l) => l.startsWith('| `'))) {
    const cells = line.replace(/\\\|/g, '').split('|');
    assert.equal(cells.length, 6, line);
  }
});

test('the splice replaces only the text between the markers, and adds markers when missing', () => {
  const readme = `# Title\n\nIntro.\n\n${KEYS_START_MARKER}\nold table\n${KEYS_END_MARKER}\n\n## After\n`;
  const updated = withCurrentKeyTable(readme);
  assert.ok(updated.startsWith('# Title\n\nIntro.\n\n' + KEYS_START_MARKER + '\n'));
  assert.ok(updated.endsWith(`${KEYS_END_MARKER}\n\n## After\n`));
  assert.ok(!updated.includes('old table'));
  assert.equal(withCurrentKeyTable(updated), updated);

  const appended = withCurrentKeyTable('# Title\n');
  assert.ok(appended.startsWith('# Title\n\n' + KEYS_START_MARKER));
  assert.ok(appended.endsWith(KEYS_END_MARKER + '\n'));
});
