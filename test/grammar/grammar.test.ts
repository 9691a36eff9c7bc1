// The TextMate grammar, tokenized by VS Code's own engine: what is a comment, a section, a key, a value, and
// where a multi-line value ends (docs/dbnd-rules.md §1.1 and §1.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopesOf, tokenize } from './tokenize';

/** True when `scopes` holds `scope` or a more specific one (`comment.line` matches `comment.line.semicolon.x`). */
function has(scopes: readonly string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

async function expectScope(text: string, line: number, needle: string, scope: string, present = true) {
  const scopes = scopesOf(await tokenize(text), line, needle);
  assert.equal(
    has(scopes, scope),
    present,
    `"${needle}" on line ${line}: expected ${present ? '' : 'no '}${scope} in ${scopes.join(' ')}`,
  );
}

test('whole-line comments with # and ; are comments, indented or not', async () => {
  const text = '# top\n  ; indented\n[run]\n';
  await expectScope(text, 0, ' top', 'comment.line.number-sign');
  await expectScope(text, 1, ' indented', 'comment.line.semicolon');
});

test('a section header names the section; text after the closing bracket is ignored like a comment', async () => {
  const text = '[kubernetes_engine] # note\n';
  await expectScope(text, 0, 'kubernetes_engine', 'entity.name.section');
  await expectScope(text, 0, ' # note', 'comment.line.ignored');
});

test('keys, both delimiters, and _type/_from as special keys', async () => {
  const text = '[e]\n_type = kubernetes\nurl: http://x:8080\nnamespace = databand\n';
  await expectScope(text, 1, '_type', 'keyword.other.special-key');
  await expectScope(text, 2, 'url', 'support.type.property-name');
  await expectScope(text, 2, ':', 'punctuation.separator.key-value');
  // The first delimiter splits: the rest of the line, colons included, is the value.
  await expectScope(text, 2, 'http://x:8080', 'string.unquoted.value');
  await expectScope(text, 3, 'namespace', 'support.type.property-name');
});

test('an inline # in a plain value is part of the value, not a comment', async () => {
  const text = '[k]\nnamespace = databand # prod\n';
  await expectScope(text, 1, 'databand # prod', 'string.unquoted.value');
  await expectScope(text, 1, 'databand # prod', 'comment', false);
});

test('interpolation: %(key)s, %% and a lone % (which fails the whole file in configparser)', async () => {
  const text = '[k]\na = %(root)s/x 100%% p%40ss\n';
  await expectScope(text, 1, 'root', 'variable.other.interpolation');
  await expectScope(text, 1, '%%', 'constant.character.escape.percent');
  const tokens = await tokenize(text);
  const lone = tokens.find((t) => t.line === 1 && t.text === '%' && has(t.scopes, 'invalid.illegal.lone-percent'));
  assert.ok(lone, 'the % of p%40ss is marked invalid');
});

test('environment variables: ${VAR} and $VAR', async () => {
  const text = '[local]\nroot = ${DBND_HOME}/data/$USER\n';
  await expectScope(text, 1, 'DBND_HOME', 'variable.other.environment');
  await expectScope(text, 1, 'USER', 'variable.other.environment');
});

test('@None and @@ at the start of a value', async () => {
  const text = '[k]\nin_cluster = @None\nlabel = @@literal\n';
  await expectScope(text, 1, '@None', 'constant.language.none');
  await expectScope(text, 2, '@@', 'constant.character.escape.at');
});

test('booleans and numbers as whole values', async () => {
  const text = '[k]\ndebug = False\nretries = 3\n';
  await expectScope(text, 1, 'False', 'constant.language.boolean');
  await expectScope(text, 2, '3', 'constant.numeric');
});

test('JSON-ish values: keys, strings, numbers, true/false/null, hjson comments, Python literals flagged', async () => {
  const text = [
    '[k]',
    'limits = {"nvidia.com/gpu": 1, \'cpu\': "500m", "x": true, "y": null} # hjson comment',
    'labels = {"a": True}',
  ].join('\n');
  await expectScope(text, 1, '"nvidia.com/gpu"', 'support.type.property-name');
  await expectScope(text, 1, '500m', 'string.quoted.double');
  await expectScope(text, 1, '1', 'constant.numeric');
  await expectScope(text, 1, 'true', 'constant.language');
  await expectScope(text, 1, 'null', 'constant.language');
  await expectScope(text, 1, '# hjson comment', 'comment.line.number-sign');
  await expectScope(text, 2, 'True', 'invalid.illegal.python-literal');
});

test('a # inside a JSON string is not a comment', async () => {
  const text = '[k]\nenv_vars = {"A": "x # y"}\n';
  await expectScope(text, 1, 'x # y', 'string.quoted.double');
  await expectScope(text, 1, 'x # y', 'comment', false);
});

test('continuation lines belong to the value until a line at the key indentation', async () => {
  const text = [
    '[k]',
    'secrets = [',
    '   { "type": "env", "secret": "s" },',
    '# a whole-line comment inside the value is dropped by configparser',
    '',
    '   ]',
    'namespace = databand',
  ].join('\n');
  await expectScope(text, 2, '"secret"', 'meta.value');
  await expectScope(text, 2, '"secret"', 'support.type.property-name');
  await expectScope(text, 3, ' a whole-line', 'comment.line.number-sign');
  await expectScope(text, 5, ']', 'punctuation.definition.array');
  await expectScope(text, 6, 'namespace', 'support.type.property-name');
  await expectScope(text, 6, 'namespace', 'meta.value', false);
});

test('an indented section header after a key is swallowed by the value (the pasted-doc trap)', async () => {
  const text = '[run]\n    environments = local\n        [kubernetes_cluster_env]\n';
  await expectScope(text, 2, 'kubernetes_cluster_env', 'entity.name.section', false);
  await expectScope(text, 2, 'kubernetes_cluster_env', 'meta.value');
});

test('a closing bracket at the key indentation is a line without delimiter', async () => {
  const text = '[k]\nlabels = {\n  "a": "b"\n}\n';
  await expectScope(text, 3, '}', 'invalid.illegal.line-without-delimiter');
});
