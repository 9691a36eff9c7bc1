// Completion on small fixtures: `$0` is the cursor, the expected labels are beside each case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completions } from '../../server/src/ide/completion';
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
  assert.deepEqual(labels('//- /p.cfg\n[gcp_prod]\n_type = dbnd_gcp.env.GcpEnvConfig\n$0\n'), ['_from']);
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
