// The `[databand]conf` layers dbnd pushes when its context starts (docs/dbnd-rules.md §1.5 item 3), through the
// run API: `[databand] conf_file` files (and `--conf-file`, `DBND__DATABAND__CONF_FILE`) and the `conf` dict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type RunRequest, runDbnd } from '../../../server/src/core/run';
import type { ConfFile } from '../../../server/src/core/resolve/contextConf';

const PROJECT = `[run]
environments = ['local', 'k8s_env']

[k8s_env]
_from = local
remote_engine = k8s_engine

[k8s_engine]
_type = kubernetes
container_repository = repo
container_tag = v1
namespace = from_project
`;

function request(confFiles: Record<string, string>, extra: Partial<RunRequest> = {}): RunRequest {
  return {
    files: [{ path: '/p/project.cfg', text: PROJECT }],
    environment: { DBND_HOME: '/p', HOME: '/h' },
    envName: 'k8s_env',
    readConfFile: (path): ConfFile | undefined => (path in confFiles ? { path, text: confFiles[path] } : undefined),
    ...extra,
  };
}

function namespace(r: ReturnType<typeof runDbnd>): unknown {
  return r.engine?.params.get('namespace')?.value;
}

// ports dbnd test_cmdline.py::test_from_extra_config (a task parameter read from the file given with --conf-file)
test('--conf-file: the file is read when the context starts and its values are used', () => {
  const result = runDbnd(
    request({ 'extra.cfg': '[k8s_engine]\nnamespace = value_from_config\n' }, { confFile: 'extra.cfg' }),
  );
  assert.equal(result.failure, null);
  assert.equal(namespace(result), 'value_from_config');
  assert.ok(result.files.some((f) => f.source === 'extra.cfg'));
});

test('a conf_file value beats --set for the same key (the layer sits above the command line, verified in dbnd)', () => {
  const result = runDbnd(
    request(
      { 'extra.cfg': '[k8s_engine]\nnamespace = from_conf_file\n' },
      { confFile: 'extra.cfg', set: ['k8s_engine.namespace=from_set'] },
    ),
  );
  assert.equal(namespace(result), 'from_conf_file');
  assert.equal(result.engine?.params.get('namespace')?.source, 'config[extra.cfg]');
});

test('DBND__DATABAND__CONF_FILE and [databand] conf_file name the files; comma-separated, in order', () => {
  const files = { 'a.cfg': '[k8s_engine]\nnamespace = a\n', 'b.cfg': '[k8s_engine]\nnamespace = b\n' };
  const viaVar = runDbnd(
    request(files, { environment: { DBND_HOME: '/p', DBND__DATABAND__CONF_FILE: 'a.cfg,b.cfg' } }),
  );
  assert.equal(namespace(viaVar), 'b');
  const viaFile = runDbnd(
    request(files, { files: [{ path: '/p/project.cfg', text: `${PROJECT}\n[databand]\nconf_file = b.cfg,a.cfg\n` }] }),
  );
  assert.equal(namespace(viaFile), 'a');
});

test('env and conf_file set inside a conf_file have no effect: the context read them before', () => {
  const result = runDbnd(
    request(
      {
        'extra.cfg': '[databand]\nenv = nosuch\nconf_file = other.cfg\n[k8s_engine]\nnamespace = x\n',
        'other.cfg': '[k8s_engine]\nnamespace = never\n',
      },
      { confFile: 'extra.cfg', envName: undefined },
    ),
  );
  assert.equal(result.failure, null);
  assert.equal(result.settings?.envName, 'local');
});

test('[databand] conf: a {section: {key: value}} dict in the same place; conf_file files sit above it', () => {
  const text = `${PROJECT}\n[databand]\nconf = {"k8s_engine": {"namespace": "from_conf"}}\n`;
  const result = runDbnd(request({}, { files: [{ path: '/p/project.cfg', text }] }));
  assert.equal(namespace(result), 'from_conf');
  const both = runDbnd(
    request(
      { 'c.cfg': '[k8s_engine]\nnamespace = from_file\n' },
      { files: [{ path: '/p/project.cfg', text }], confFile: 'c.cfg' },
    ),
  );
  assert.equal(namespace(both), 'from_file');
});

test('a missing conf_file fails the run with dbnd words; a bad value in one fails the build at its line', () => {
  const missing = runDbnd(request({}, { confFile: 'nope.cfg' }));
  assert.equal(missing.failure?.stage, 'env');
  assert.equal(missing.failure?.error.type, 'DatabandConfigError');
  assert.equal(missing.failure?.error.message, 'Failed to read configuration file at nope.cfg, file not found!');

  const bad = runDbnd(request({ 'bad.cfg': '[k8s_engine]\ndebug = maybe\n' }, { confFile: 'bad.cfg' }));
  assert.equal(bad.failure?.stage, 'engine');
  assert.equal(bad.failure?.error.type, 'DatabandBuildError');
  const origin = bad.failure?.error.origin;
  assert.equal(origin?.kind, 'file');
  assert.deepEqual(origin?.kind === 'file' ? [origin.path, origin.valueRange.start.line] : null, ['bad.cfg', 1]);

  const broken = runDbnd(request({ 'broken.cfg': '[k8s_engine]\nnot a line\n' }, { confFile: 'broken.cfg' }));
  assert.equal(broken.failure?.error.type, 'DatabandConfigError');
  assert.match(broken.failure?.error.message ?? '', /^Failed to read configuration file at broken\.cfg: /);
});
