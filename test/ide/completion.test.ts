// Completion on small fixtures: `$0` is the cursor, the expected labels are beside each case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionList, completions } from '../../server/src/ide/completion';
import type { CompletionEntry } from '../../server/src/ide/completion/completionItem';
import { analysisFixture } from '../support/fixture';

function labels(spec: string, env?: Record<string, string>): string[] {
  const f = analysisFixture(spec, env);
  return completions(f.analysis, f.uri, f.position).map((c) => c.label);
}

function entries(spec: string, env?: Record<string, string>) {
  const f = analysisFixture(spec, env);
  return completions(f.analysis, f.uri, f.position);
}

test("section headers: families, sections of other files, referenced but undefined names; not this file's", () => {
  const got = labels(`
//- /home/.dbnd/databand-system.cfg
[base_engine]
_type = kubernetes
[my_env]
_type = env
remote_engine = future_engine
//- /home/project.cfg
[my_env]
[$0
`);
  assert.ok(got.includes('base_engine'), 'defined in another file');
  assert.ok(got.includes('future_engine'), 'referenced, not defined');
  assert.ok(got.includes('kubernetes') && got.includes('docker') && got.includes('run'), 'families');
  assert.ok(got.includes('local'), 'from the packaged defaults');
  assert.ok(!got.includes('my_env'), 'already a section of this file');
});

test('a header completion closes the bracket unless one is there', () => {
  const [open] = entries('//- /p.cfg\n[kubern$0\n').filter((e) => e.label === 'kubernetes');
  assert.equal(open.insertText, 'kubernetes]');
  assert.deepEqual(open.replace, { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } });
  const [closed] = entries('//- /p.cfg\n[kub$0]\n').filter((e) => e.label === 'kubernetes');
  assert.equal(closed.insertText, 'kubernetes');
});

test('keys of the class resolved through _from in another file; present and obsolete keys left out', () => {
  const got = entries(`
//- /a/databand-system.cfg
[base]
_type = kubernetes
//- /a/project.cfg
[mine]
_from = base
namespace = x
$0
`);
  const names = got.map((e) => e.label);
  assert.ok(names.includes('container_repository') && names.includes('image_pull_policy'));
  assert.ok(!names.includes('namespace'), 'already set in [mine]');
  assert.ok(!names.includes('_from'), 'already set');
  assert.ok(names.includes('_type'));
  assert.ok(!names.includes('pod_exit_code_to_retry_count'), 'obsolete');
  const secrets = got.find((e) => e.label === 'secrets')!;
  assert.equal(secrets.snippet, true);
  assert.match(secrets.insertText!, /^secrets = \[\{"type": "\$\{1\|env,volume\|\}"/);
  const policy = got.find((e) => e.label === 'image_pull_policy')!;
  assert.match(policy.detail!, /str = IfNotPresent/);
  assert.ok(policy.documentation!.length > 0);
});

test('a section of an unmodelled class offers only _type and _from', () => {
  const got = entries('//- /p.cfg\n[gcp_prod]\n_type = dbnd_gcp.env.GcpEnvConfig\n$0\n');
  assert.deepEqual(
    got.filter((e) => e.kind !== 'snippet').map((e) => e.label),
    ['_from'],
  );
});

test('values: booleans, image_pull_policy, engine and env references, _type classes', () => {
  const project = `
//- /p/databand-system.cfg
[my_engine]
_type = kubernetes
[prod]
_type = env
`;
  assert.deepEqual(labels(`${project}[kubernetes]\nkeep_finished_pods = $0\n`), ['True', 'False']);
  assert.deepEqual(labels(`${project}[kubernetes]\nimage_pull_policy = If$0\n`), ['Always', 'IfNotPresent', 'Never']);
  const engines = labels(`${project}//- /p/project.cfg\n[prod]\nremote_engine = $0\n`);
  assert.ok(engines.includes('my_engine') && engines.includes('kubernetes') && !engines.includes('prod'));
  const envs = entries(`${project}[run]\nenvironments = ["local", $0\n`);
  assert.ok(
    envs.some((e) => e.label === 'prod' && e.insertText === '"prod"'),
    'quoted inside a JSON list',
  );
  const types = labels(`${project}[x]\n_type = $0\n`);
  assert.ok(
    types.includes('kubernetes') &&
      types.includes('dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig') &&
      types.includes('my_engine'),
  );
});

test('pod_error_cfg_source_dict: reason keys at the top, retry_count inside an entry', () => {
  const reasons = labels('//- /p.cfg\n[kubernetes]\npod_error_cfg_source_dict = {"$0\n');
  assert.deepEqual(reasons, ['255', '137', 'err_image_pull', 'err_config_error', 'err_pod_deleted', 'err_pod_evicted']);
  assert.deepEqual(labels('//- /p.cfg\n[kubernetes]\npod_error_cfg_source_dict = {"255": {$0\n'), ['retry_count']);
});

test('secrets: entry fields, then env/volume for "type"', () => {
  assert.deepEqual(labels('//- /p.cfg\n[kubernetes]\nsecrets = [{$0\n'), ['type', 'target', 'secret', 'key']);
  assert.deepEqual(labels('//- /p.cfg\n[kubernetes]\nsecrets = [{"type": "$0\n'), ['env', 'volume']);
});

test("cluster_context: contexts of KUBECONFIG files merged, and of the section's config_file", () => {
  const kube = (ctxs: string[], current: string) =>
    `current-context: ${current}\ncontexts:\n${ctxs.map((c) => `- name: ${c}\n  context: {cluster: c}`).join('\n')}\n`;
  const spec = `
//- /kube/a
${kube(['dev', 'shared'], 'dev')}
//- /kube/b
${kube(['prod', 'shared'], 'prod')}
//- /kube/own
${kube(['own-ctx'], 'own-ctx')}
//- /p.cfg
[kubernetes]
cluster_context = $0
`;
  const merged = entries(spec, { KUBECONFIG: '/kube/a:/kube/b' });
  assert.deepEqual(
    merged.map((e) => e.label),
    ['dev', 'shared', 'prod'],
  );
  assert.equal(
    merged.find((e) => e.label === 'dev')!.detail,
    'current context',
    "the first file's current-context wins",
  );
  const own = labels(spec.replace('cluster_context = $0', 'config_file = /kube/own\ncluster_context = $0'), {
    KUBECONFIG: '/kube/a',
  });
  assert.deepEqual(own, ['own-ctx']);
});

/** The cursor's line after accepting `label` as an editor does: the entry's text replaces its range. */
function accept(spec: string, label: string, trigger?: string): { line: string; entry: CompletionEntry } {
  const f = analysisFixture(spec);
  const entry = completions(f.analysis, f.uri, f.position, trigger).find((e) => e.label === label);
  assert.ok(entry, `${label} is offered`);
  assert.equal(entry.replace.start.line, f.position.line, 'the range stays on the cursor line');
  assert.ok(
    entry.replace.start.character <= f.position.character && f.position.character <= entry.replace.end.character,
    'the range holds the cursor, as VS Code requires',
  );
  const text = f.analysis.fileByUri(f.uri)!.text.split('\n')[f.position.line];
  const inserted = entry.insertText ?? entry.label;
  const line = text.slice(0, entry.replace.start.character) + inserted + text.slice(entry.replace.end.character);
  return { line, entry };
}

test('a partial key is replaced by `key = `; a key with a value list reopens completion, others do not', () => {
  const policy = accept('//- /p.cfg\n[kubernetes]\nimage_pu$0\n', 'image_pull_policy');
  assert.equal(policy.line, 'image_pull_policy = ');
  assert.equal(policy.entry.reopen, true);
  assert.ok(!policy.entry.snippet, 'plain text: no snippet choice competes with the value list');
  const namespace = accept('//- /p.cfg\n[kubernetes]\nnamesp$0\n', 'namespace');
  assert.equal(namespace.line, 'namespace = ');
  assert.ok(!namespace.entry.reopen, 'no value list for a free string');
  assert.equal(accept('//- /p.cfg\n[kubernetes]\ndocker_b$0\n', 'docker_build').entry.reopen, true);
  assert.equal(accept('//- /p.cfg\n[my_engine]\n_ty$0\n', '_type').line, '_type = ');
  const secrets = accept('//- /p.cfg\n[kubernetes]\nsecr$0\n', 'secrets');
  assert.match(secrets.line, /^secrets = \[\{"type": /, 'a JSON skeleton for a list of dicts');
  assert.equal(secrets.entry.snippet, true);
});

test('on an existing key only the name is replaced, whole word, without reopening', () => {
  const { line, entry } = accept('//- /p.cfg\n[kubernetes]\nnames$0pa = dev\n', 'namespace');
  assert.equal(line, 'namespace = dev');
  assert.ok(!entry.reopen);
});

test('values replace the typed prefix; right after `=` the value brings its space', () => {
  assert.equal(
    accept('//- /p.cfg\n[kubernetes]\nimage_pull_policy = IfN$0\n', 'IfNotPresent').line,
    'image_pull_policy = IfNotPresent',
  );
  assert.equal(accept('//- /p.cfg\n[kubernetes]\ndocker_build =$0\n', 'True', '=').line, 'docker_build = True');
  assert.equal(accept('//- /p.cfg\n[kubernetes]\ndocker_build = $0\n', 'False').line, 'docker_build = False');
  assert.equal(
    accept(
      '//- /p.cfg\n[x]\n_type = dbnd_docker.kub$0\n',
      'dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig',
    ).line,
    '_type = dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig',
  );
});

test('section names replace what follows `[`, up to an auto-closed `]`; the header being typed still offers its name', () => {
  assert.equal(accept('//- /p.cfg\n[kub$0]\n', 'kubernetes').line, '[kubernetes]');
  assert.equal(accept('//- /p.cfg\n[kub$0\n', 'kubernetes').line, '[kubernetes]');
  assert.equal(accept('//- /p.cfg\n[$0]\n', 'kubernetes', '[').line, '[kubernetes]');
  assert.equal(accept('//- /p.cfg\n[kubernetes$0]\n', 'kubernetes').line, '[kubernetes]');
});

test('JSON keys and values: inside quotes the word is replaced, outside the quotes come with the item', () => {
  const spec = (value: string) => `//- /p.cfg\n[kubernetes]\n${value}\n`;
  assert.equal(
    accept(spec('pod_error_cfg_source_dict = {"255": {$0}}'), 'retry_count').line,
    'pod_error_cfg_source_dict = {"255": {"retry_count": }}',
  );
  assert.equal(
    accept(spec('pod_error_cfg_source_dict = {"255": {"retry_c$0"}}'), 'retry_count', undefined).line,
    'pod_error_cfg_source_dict = {"255": {"retry_count"}}',
  );
  assert.equal(accept(spec('secrets = [{$0}]'), 'type').line, 'secrets = [{"type": }]');
  assert.equal(accept(spec('secrets = [{"type": "$0"}]'), 'volume', '"').line, 'secrets = [{"type": "volume"}]');
  assert.equal(accept(spec('secrets = [{"type": "en$0"}]'), 'env').line, 'secrets = [{"type": "env"}]');
});

test('a trigger character opens a list only where it starts something: `=` as the delimiter, `"` in JSON', () => {
  const got = (spec: string, trigger: string) => {
    const f = analysisFixture(spec);
    return completions(f.analysis, f.uri, f.position, trigger).map((e) => e.label);
  };
  assert.deepEqual(got('//- /p.cfg\n[kubernetes]\nimage_pull_policy =$0\n', '='), ['Always', 'IfNotPresent', 'Never']);
  assert.deepEqual(got('//- /p.cfg\n[kubernetes]\nimage_pull_policy = Always=$0\n', '='), []);
  assert.deepEqual(got('//- /p.cfg\n[kubernetes]\nimage_pull_policy = "$0\n', '"'), []);
  assert.deepEqual(got('//- /p.cfg\n[kubernetes]\nsecrets = [{"$0\n', '"'), ['type', 'target', 'secret', 'key']);
  assert.ok(got('//- /p.cfg\n[$0\n', '[').includes('kubernetes'));
});

test('every list is complete: it depends on the place of the cursor, not on the letters typed', () => {
  const f = analysisFixture('//- /p.cfg\n[kubernetes]\nnames$0\n');
  const list = completionList(f.analysis, f.uri, f.position);
  assert.equal(list.isIncomplete, false);
  assert.ok(list.entries.some((e) => e.label === 'namespace'));
});

test('a key reopens completion exactly when its value list after `key = ` has items', () => {
  const kube = 'current-context: dev\ncontexts:\n- name: dev\n  context: {cluster: c}\n';
  const base = `//- /kube/config\n${kube}//- /p/databand-system.cfg\n[prod]\n_type = env\n//- /p/project.cfg\n[kubernetes]\n`;
  const env = { KUBECONFIG: '/kube/config' };
  const keys = entries(`${base}$0\n`, env);
  assert.ok(keys.filter((k) => k.reopen).length >= 5, 'bools, enums, references, contexts');
  for (const key of keys) {
    if (key.snippet) continue; // a JSON skeleton, completed inside its quotes
    const values = labels(`${base}${key.label} = $0\n`, env);
    assert.equal(Boolean(key.reopen), values.length > 0, `${key.label}: reopen ${key.reopen}, values ${values}`);
  }
});

test('a partial key in a section whose class comes from _type or _from offers that class (the line does not parse)', () => {
  const viaType = labels('//- /p.cfg\n[your_kubernetes_engine]\n_type = kubernetes\nnamesp$0\n');
  assert.ok(viaType.includes('namespace'), `via _type: ${viaType}`);
  const viaFrom = labels(`
//- /a/databand-system.cfg
[base]
_type = kubernetes
//- /a/project.cfg
[mine]
_from = base
namesp$0
`);
  assert.ok(viaFrom.includes('namespace'), `via _from in another file: ${viaFrom}`);
});

test('snippets only where they fit: sections on a line of their own or after `[`, keys of the class, never in a value', () => {
  const snippets = (spec: string) =>
    entries(spec)
      .filter((e) => e.kind === 'snippet')
      .map((e) => e.label);
  assert.deepEqual(snippets('//- /p.cfg\n$0\n'), ['kubernetes-engine', 'env-remote-engine', 'run-environments']);
  const engine = snippets('//- /p.cfg\n[kubernetes]\nres$0\n');
  for (const label of ['kubernetes-engine', 'secrets', 'pod_error_cfg_source_dict', 'resources', 'limits-gpu'])
    assert.ok(engine.includes(label), `${label} in ${engine}`);
  assert.ok(!snippets('//- /p.cfg\n[kubernetes]\nsecrets = x\n$0\n').includes('secrets'), 'secrets is set already');
  assert.ok(!snippets('//- /p.cfg\n[core]\n$0\n').includes('secrets'), 'not a key of [core]');
  assert.deepEqual(snippets('//- /p.cfg\n[kubernetes]\nimage_pull_policy = $0\n'), []);
  assert.deepEqual(snippets('//- /p.cfg\n[kubernetes]\nnamespace = $0\n'), []);
  assert.deepEqual(snippets('//- /p.cfg\n[kubernetes]\nsecrets = [\n    $0\n    ]\n'), ['secret-env', 'secret-volume']);
  assert.deepEqual(snippets('//- /p.cfg\n[kubernetes]\nnames$0 = x\n'), [], 'on an existing key');
  const header = accept('//- /p.cfg\n[ku$0]\n', '[kubernetes engine]');
  assert.equal(header.line, `${header.entry.insertText}`, 'the `[` typed and the closing `]` are replaced');
  assert.ok(header.entry.insertText!.startsWith('[${1:my_kubernetes_engine}]\n_type = kubernetes'));
});
