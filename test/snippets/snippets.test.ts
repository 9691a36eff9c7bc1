// The snippets insert what dbnd actually accepts: configparser lines (closing brackets indented deeper than the
// key, docs/dbnd-rules.md §1.1) and JSON values hjson parses (docs/dbnd-rules.md §1.3), not Python literals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoPath } from '../support/paths';
import Hjson from 'hjson';
import { lintFiles } from '../../server/src/core/diagnostics/lintFiles';

interface Snippet {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

const snippets: Record<string, Snippet> = JSON.parse(readFileSync(repoPath('snippets', 'dbnd-cfg.json'), 'utf8'));

/** The text VS Code inserts when the user accepts every default: `${1:x}` → x, `${1|a,b|}` → a, `$1` → ''. */
function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

interface Option {
  readonly key: string;
  readonly value: string;
}

/** configparser's line rules, enough to split a snippet into options; throws where configparser would. */
function readOptions(text: string): Option[] {
  const options: { key: string; indent: number; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const stripped = line.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) continue;
    const indent = line.length - line.trimStart().length;
    const current = options.at(-1);
    if (current && indent > current.indent) {
      current.lines.push(stripped);
      continue;
    }
    if (/^\[.+\]/.test(stripped)) {
      options.push({ key: '', indent: Infinity, lines: [] }); // a header ends the previous value
      continue;
    }
    const m = /^(.*?)\s*[=:]\s*(.*)$/.exec(stripped);
    if (!m || m[1] === '') throw new Error(`configparser would reject the line ${JSON.stringify(line)}`);
    options.push({ key: m[1], indent, lines: [m[2]] });
  }
  return options.filter((o) => o.key !== '').map((o) => ({ key: o.key, value: o.lines.join('\n') }));
}

/** Strings hjson makes of Python literals written across lines. */
function pythonLiteralStrings(value: unknown): string[] {
  if (typeof value === 'string') return ['True', 'False', 'None'].includes(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(pythonLiteralStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(pythonLiteralStrings);
  return [];
}

function assertHjson(name: string, text: string): void {
  let parsed: unknown;
  assert.doesNotThrow(() => (parsed = Hjson.parse(text)), `${name}: hjson cannot parse ${text}`);
  assert.deepEqual(pythonLiteralStrings(parsed), [], `${name}: Python literals in ${text}`);
}

test('every snippet has a prefix, a description and a body', () => {
  assert.ok(Object.keys(snippets).length >= 8);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix.length > 0, `${name}: prefix`);
    assert.ok(s.description.length > 20, `${name}: description`);
    assert.ok(s.body.length > 0, `${name}: body`);
  }
});

test('snippet lines are lines configparser accepts, and structured values parse with hjson', () => {
  for (const [name, s] of Object.entries(snippets)) {
    const text = expand(s.body);
    if (text.trimStart().startsWith('{')) {
      // A list item to insert inside `secrets = [...]`: valid hjson on its own once the separator is dropped.
      assertHjson(name, text.trim().replace(/,$/, ''));
      continue;
    }
    const options = readOptions(text);
    assert.ok(options.length > 0, `${name}: no option`);
    for (const o of options) {
      if (/^[[{]/.test(o.value)) assertHjson(`${name} ${o.key}`, o.value);
    }
  }
});

test('the section snippets together are a configuration dbnd loads without errors', () => {
  const sections = ['[run] environments', 'Environment with a remote engine', 'Kubernetes engine section'];
  const engineBody = ['secrets', 'pod_error_cfg_source_dict', 'resources', 'GPU limits'];
  const text = [...sections, ...engineBody].map((n) => expand(snippets[n].body)).join('\n');
  const errors = lintFiles([{ path: 'databand-system.cfg', text }], { env: { DBND_HOME: '/project' } }).filter(
    (d) => d.severity === 'error',
  );
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
    [],
    text,
  );
});
