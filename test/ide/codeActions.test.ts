// Quick fixes: each applied to its fixture (cursor `$0` on the diagnostic), the text compared with the expected
// one, and the result linted again to show the diagnostic is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../server/src/ide/codeActions';
import { lintFiles } from '../../server/src/core/diagnostics/lintFiles';
import { applyEdits } from '../support/applyEdits';
import { cursorProject } from '../support/fixture';

const FILE = 'databand-system.cfg';

/** Applies the fix titled like `title` at the cursor; returns the new text. */
function fix(marked: string, title: RegExp): string {
  const p = cursorProject({ [FILE]: marked });
  const actions = codeActions(p.analysis, p.uri, { start: p.position, end: p.position });
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(p.texts.get(p.uri)!, action.edit.get(p.uri) ?? []);
}

function codes(text: string): string[] {
  return lintFiles([{ path: `/proj/${FILE}`, text }]).map((d) => d.code);
}

const ENGINE = '[eng]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\n';

test('did-you-mean for an unknown key', () => {
  const fixed = fix(`${ENGINE}namesp$0cae = x\n`, /Change to 'namespace'/);
  assert.equal(fixed, `${ENGINE}namespace = x\n`);
  assert.deepEqual(codes(fixed), []);
});

test('did-you-mean for a section name in _from and remote_engine', () => {
  const text = '[alpha]\nx = 1\n[gamma]\n_from = al$0ph\n';
  assert.equal(fix(text, /Change to 'alpha'/), '[alpha]\nx = 1\n[gamma]\n_from = alpha\n');
  const env = `[k8s]\n_from = local\nremote_engine = en$0gg\n${ENGINE}`;
  const fixed = fix(env, /Change to 'eng'/);
  assert.ok(fixed.includes('remote_engine = eng\n'));
  assert.deepEqual(codes(fixed), []);
});

test('a _from one transposition off an existing section in an enabled environment: the error names the missing section, and a fix', () => {
  const text = "[run]\nenvironments = ['local', 'k8s']\n[k8s]\n_from = lc$0oal\n";
  const p = cursorProject({ [FILE]: text });
  const error = lintFiles([{ path: `/proj/${FILE}`, text: p.texts.get(p.uri)! }]).find(
    (d) => d.code === 'unknown-type',
  );
  assert.equal(error?.severity, 'error');
  assert.match(error.message, /^There is no section \[lcoal\] .*did you mean 'local'/);
  const fixed = fix(text, /Change to 'local'/);
  assert.equal(fixed, "[run]\nenvironments = ['local', 'k8s']\n[k8s]\n_from = local\n");
  assert.deepEqual(codes(fixed), []);
});

test('near-miss bool and enum values get their fix; a value far from every valid one gets none', () => {
  const bool = fix(`${ENGINE}keep_failed_pods = Fl$0ase\n`, /Change to 'False'/);
  assert.equal(bool, `${ENGINE}keep_failed_pods = False\n`);
  assert.deepEqual(codes(bool), []);
  assert.ok(fix(`${ENGINE}debug = tru$0\n`, /Change to 'True'/).endsWith('debug = True\n'));
  const enumFixed = fix(`${ENGINE}validate_no_extra_params = Wa$0rn\n`, /Change to 'warn'/);
  assert.deepEqual(codes(enumFixed), []);
  const p = cursorProject({ [FILE]: `${ENGINE}keep_failed_pods = may$0be\n` });
  assert.deepEqual(
    codeActions(p.analysis, p.uri, { start: p.position, end: p.position }).map((a) => a.title),
    [],
  );
});

test('escape a lone %', () => {
  const fixed = fix('[core]\ndataband_access_token = p%$040ss\n', /Escape/);
  assert.equal(fixed, '[core]\ndataband_access_token = p%%40ss\n');
  assert.deepEqual(codes(fixed), []);
});

test('dedent a swallowed indented section', () => {
  const fixed = fix("[run]\nenvironments = ['local']\n    [k8s$0]\n    _from = local\n", /Dedent \[k8s\]/);
  assert.equal(fixed, "[run]\nenvironments = ['local']\n[k8s]\n_from = local\n");
  assert.deepEqual(codes(fixed), []);
});

test('Python literal → JSON', () => {
  const fixed = fix(`${ENGINE}labels = {"a": No$0ne}\n`, /Write null/);
  assert.equal(fixed, `${ENGINE}labels = {"a": null}\n`);
  assert.deepEqual(codes(fixed), []);
});

test('move [core] environments to [run]: a new section, or merged into the existing list', () => {
  const alone = fix(
    "[core]\nenviron$0ments = ['local', 'k8s']\n[k8s]\n_from = local\n",
    /Move 'environments' to \[run\]/,
  );
  assert.equal(alone, "[core]\n[k8s]\n_from = local\n\n[run]\nenvironments = ['local', 'k8s']\n");
  assert.deepEqual(codes(alone), []);
  const merged = fix("[run]\nenvironments = ['local', 'staging']\n[core]\nenviron$0ments = ['local', 'k8s']\n", /Move/);
  assert.equal(merged, "[run]\nenvironments = ['local', 'staging', 'k8s']\n[core]\n");
});

/** Applies the fix titled like `title` at the cursor of a multi-file project; returns every file's new text. */
function fixProject(files: Record<string, string>, title: RegExp): Record<string, string> {
  const p = cursorProject(files);
  const actions = codeActions(p.analysis, p.uri, { start: p.position, end: p.position });
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return Object.fromEntries(
    [...p.texts].map(([uri, text]) => [uri.replace('file:///proj/', ''), applyEdits(text, action.edit.get(uri) ?? [])]),
  );
}

function projectErrors(files: Record<string, string>): string[] {
  return lintFiles(Object.entries(files).map(([name, text]) => ({ path: `/proj/${name}`, text })))
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.path}: ${d.code}: ${d.message}`);
}

const SYSTEM = '.dbnd/databand-system.cfg';

test("moving [core] environments keeps every environment the project enables (the system file's [run] list)", () => {
  const files = {
    [SYSTEM]: "[databand]\nenv = k8s\n[run]\nenvironments = ['local', 'k8s']\n[k8s]\n_from = local\n",
    'project.cfg': "[core]\nenviron$0ments = ['local', 'staging']\n[staging]\n_from = local\n",
  };
  const fixed = fixProject(files, /Move 'environments' to \[run\]/);
  assert.equal(fixed[SYSTEM], files[SYSTEM]);
  assert.equal(
    fixed['project.cfg'],
    "[core]\n[staging]\n_from = local\n\n[run]\nenvironments = ['local', 'k8s', 'staging']\n",
  );
  assert.deepEqual(projectErrors(fixed), []);
});

test('moving [core] environments edits the winning [run] list when a later file holds it', () => {
  const files = {
    [SYSTEM]: "[core]\nenviron$0ments = ['local', 'staging']\n[staging]\n_from = local\n",
    'project.cfg': "[run]\nenvironments = ['local', 'k8s']\n[k8s]\n_from = local\n",
  };
  const fixed = fixProject(files, /Move 'environments' to \[run\]/);
  assert.equal(fixed[SYSTEM], '[core]\n[staging]\n_from = local\n');
  assert.equal(fixed['project.cfg'], "[run]\nenvironments = ['local', 'k8s', 'staging']\n[k8s]\n_from = local\n");
});

test('a [core] environments that does not parse is not moved, and its warning does not say nothing is lost', () => {
  const text = "[core]\nenviron$0ments = {'local'\n";
  const p = cursorProject({ [FILE]: text });
  const actions = codeActions(p.analysis, p.uri, { start: p.position, end: p.position });
  assert.deepEqual(
    actions.map((a) => a.title),
    [],
  );
  const legacy = lintFiles([{ path: `/proj/${FILE}`, text: p.texts.get(p.uri)! }]).find((d) => d.code === 'legacy-key');
  assert.ok(legacy);
  assert.doesNotMatch(legacy.message, /nothing is lost/);
  assert.match(legacy.message, /not a list dbnd can parse/);
});

test('[core] tracker_url is renamed to databand_url', () => {
  const fixed = fix('[core]\ntracker$0_url = http://x\n', /Rename to 'databand_url'/);
  assert.equal(fixed, '[core]\ndataband_url = http://x\n');
  assert.deepEqual(codes(fixed), []);
});

test('a missing required key is added with an empty value, the cursor there, and dbnd still fails until it is typed', () => {
  const p = cursorProject({ [FILE]: '[eng$0]\n_type = kubernetes\ncontainer_tag = t\n' });
  const actions = codeActions(p.analysis, p.uri, { start: p.position, end: p.position });
  const action = actions.find((a) => /Add 'container_repository'/.test(a.title));
  assert.ok(action);
  const edits = action.edit.get(p.uri)!;
  const fixed = applyEdits(p.texts.get(p.uri)!, edits);
  assert.equal(fixed, '[eng]\n_type = kubernetes\ncontainer_tag = t\ncontainer_repository = \n');
  assert.deepEqual(
    edits.map((e) => e.snippet),
    ['container_repository = $0\n'],
  );
  const errors = lintFiles([{ path: `/proj/${FILE}`, text: fixed }]).filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0, 'an empty required value still fails');
});

test('drop retry_delay, with its comma', () => {
  const fixed = fix(
    `${ENGINE}pod_error_cfg_source_dict = {"255": {"retry_count": 3, "retry_d$0elay": "3m"}}\n`,
    /Remove 'retry_delay'/,
  );
  assert.equal(fixed, `${ENGINE}pod_error_cfg_source_dict = {"255": {"retry_count": 3}}\n`);
  assert.deepEqual(codes(fixed), []);
});

test('a secret type did-you-mean, quotes removed, a closing bracket indented', () => {
  const secret = fix(
    `${ENGINE}secrets = [{"type": "en$0vv", "target": "A", "secret": "s", "key": "k"}]\n`,
    /Change to 'env'/,
  );
  assert.ok(secret.includes('"type": "env"'));
  assert.deepEqual(codes(secret), []);
  const quoted = fix(
    '[eng]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\nnamespace = "pr$0od"\n',
    /Remove the quotes/,
  );
  assert.ok(quoted.endsWith('namespace = prod\n'));
  const bracket = fix(
    `${ENGINE}secrets = [\n    {"type": "env", "target": "A", "secret": "s"}\n]$0\n`,
    /Indent the bracket/,
  );
  assert.ok(bracket.endsWith('\n    ]\n'));
  assert.deepEqual(codes(bracket), []);
});

test('quick fixes read the document as the user sees it: a half-typed line elsewhere, or a BOM, keeps them', () => {
  // While a line is half-typed dbnd cannot load the file, and a leading BOM makes configparser refuse it; the
  // other lines' findings stay (the tolerant model), so their fixes must stay too.
  const missing = '[eng$0]\n_type = kubernetes\ncontainer_tag = t\n';
  for (const text of [`${missing}[other]\nhalf_typ\n`, `\uFEFF${missing}`]) {
    const p = cursorProject({ [FILE]: text });
    const actions = codeActions(p.analysis, p.uri, { start: p.position, end: p.position });
    const action = actions.find((a) => /Add 'container_repository'/.test(a.title));
    assert.ok(action, `no fix in ${JSON.stringify(text)} among: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyEdits(p.texts.get(p.uri)!, action.edit.get(p.uri)!);
    assert.ok(fixed.includes('container_tag = t\ncontainer_repository = \n'), fixed);
  }
});
