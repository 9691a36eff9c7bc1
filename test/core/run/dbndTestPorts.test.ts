// Ports of dbnd's own tests of config layering, `_from`/`_type`, task_config and the command line, through the
// run API (what `effective` prints). Each test names the dbnd test it ports; the Python task is replaced by the
// engine object a task with that task_config gets (docs/dbnd-rules.md §1.6, §1.7, §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigLayer } from '../../../server/src/core/config/configLayers';
import { ConfigStore } from '../../../server/src/core/config/configStore';
import { configValue } from '../../../server/src/core/config/configValue';
import type { Json } from '../../../server/src/core/json';
import { type RunRequest, runDbnd } from '../../../server/src/core/run';

const ENV = { DBND_HOME: '/p', HOME: '/h' };

function engineOf(text: string, extra: Partial<RunRequest>) {
  const result = runDbnd({ files: [{ path: '/p/project.cfg', text }], environment: ENV, ...extra });
  assert.equal(result.failure, null, JSON.stringify(result.failure));
  const value = (key: string): Json | undefined => result.engine?.params.get(key)?.value;
  return { result, value };
}

// ports dbnd dbnd-docker tests/kubernetes/test_kubernetes_config.py::TestTaskConfig::test_task_config_override
test('task_config on [kubernetes]: override() beats the engine section, a plain value beats it by layer', () => {
  const cfg =
    '[gcp_k8s_engine]\n_type = kubernetes\ncontainer_repository = r\ncluster_context = from_file\nlimits = {"file": 1}\n';
  const { value } = engineOf(cfg, {
    engine: 'gcp_k8s_engine',
    taskConfig: { kubernetes: { cluster_context: { __override__: 'test' }, limits: { test_limits: 1 } } },
  });
  assert.equal(value('cluster_context'), 'test');
  assert.deepEqual(value('limits'), { test_limits: 1 });
});

// ports dbnd dbnd-docker tests/kubernetes/test_kubernetes_config.py::TestTaskConfig::test_extend_k8s_labels
for (const [name, labels] of [
  ['first_engine', '{"env_name":"first","special":"only_here"}'],
  ['second_engine', '{"env_name": "second"}'],
] as const) {
  test(`task_config extend() of [kubernetes] labels merges with [${name}] labels from the file`, () => {
    const cfg = `[${name}]\n_type = kubernetes\nlabels = ${labels}\ncontainer_repository = ""\n`;
    const { value } = engineOf(cfg, {
      engine: name,
      taskConfig: { kubernetes: { labels: { __extend__: { task_name: 'the one and only' } } } },
    });
    assert.deepEqual(value('labels'), { ...JSON.parse(labels), task_name: 'the one and only' });
    // configparser keeps the quotes: the repository is the two characters "".
    assert.equal(value('container_repository'), '""');
  });
}

// ports dbnd test_dbnd/configuration/test_task_config.py::TestTaskConfig::test_task_sub_config_override
test('a sub config (_from) gets task_config of its base section above its own file value (layer beats section)', () => {
  const cfg =
    '[tconfig]\n_type = kubernetes\ncontainer_repository = r\n' +
    '[sub_tconfig]\n_from = tconfig\nnamespace = file_value_s2\ncluster_context = file_value_s1\n';
  const { result, value } = engineOf(cfg, {
    engine: 'sub_tconfig',
    taskConfig: {
      tconfig: { cluster_context: { __override__: 'override_config_s1' }, namespace: 'task_config_regular_s2' },
    },
  });
  assert.equal(value('cluster_context'), 'override_config_s1');
  assert.equal(value('namespace'), 'task_config_regular_s2');
  assert.deepEqual(result.engine?.sections.slice(0, 3), ['sub_tconfig', 'tconfig', 'kubernetes']);
});

// ports dbnd test_dbnd/configuration/test_task_config.py::TestTaskConfig::test_task_config_override
test('task_config on the object section itself: override and regular values both win over the files', () => {
  const cfg = '[tconfig]\n_type = kubernetes\ncontainer_repository = r\nnamespace = from_file\n';
  const { value } = engineOf(cfg, {
    engine: 'tconfig',
    taskConfig: {
      tconfig: { cluster_context: { __override__: 'override_config_s1' }, namespace: 'task_config_regular_s2' },
    },
  });
  assert.equal(value('cluster_context'), 'override_config_s1');
  assert.equal(value('namespace'), 'task_config_regular_s2');
});

// ports dbnd test_dbnd/configuration/test_config_layers.py::TestDbndConfig::test_layers
test('an inner layer wins while it is there; the outer values stay visible under it', () => {
  const store = (values: Record<string, Record<string, Json>>) => {
    const s = new ConfigStore();
    for (const [section, kv] of Object.entries(values))
      for (const [k, v] of Object.entries(kv)) s.set(section, k, configValue(v, 'test', { kind: 'computed' }));
    return s;
  };
  const outer = ConfigLayer.root('system', store({ b: { a: 2 } })).push('set', store({ core: { a: '1', b: '1' } }));
  const inner = outer.push('inner', store({ core: { a: 5 } }));
  assert.equal(inner.get('core', 'a')?.value, 5);
  assert.equal(inner.get('core', 'b')?.value, '1');
  assert.equal(inner.get('b', 'a')?.value, 2);
  assert.equal(outer.get('core', 'a')?.value, '1');
});

// ports dbnd test_dbnd/task/task_configuration/test_cmdline.py::TestTaskCliSetConfig::test_from_extra_config
test('--conf-file: a value from the extra file reaches the object that reads it', () => {
  const cfg = "[run]\nenvironments = ['local']\n[my_engine]\n_type = kubernetes\ncontainer_repository = r\n";
  const { value } = engineOf(cfg, {
    engine: 'my_engine',
    confFile: 'test_cfg_switch.cfg',
    readConfFile: (path) =>
      path === 'test_cfg_switch.cfg' ? { path, text: '[my_engine]\nnamespace = value_from_config\n' } : undefined,
  });
  assert.equal(value('namespace'), 'value_from_config');
});

// ports the verified _type/_from rules of dbnd's task_registry._get_task_cls (docs/dbnd-rules.md §1.7)
test('_type in a registered family section is ignored; _type + _from gives the class of _type and the values of _from', () => {
  const ignored = engineOf('[kubernetes]\n_type = docker\ncontainer_repository = r\n', { engine: 'kubernetes' });
  assert.equal(ignored.result.engine?.cls.className, 'KubernetesEngineConfig');
  const both = engineOf('[e1]\n_type = kubernetes\n_from = docker\ncontainer_repository = r\n', { engine: 'e1' });
  assert.equal(both.result.engine?.cls.className, 'KubernetesEngineConfig');
  assert.ok(both.result.warnings.some((w) => w.key === 'sql_alchemy_conn'));
});

test("self-references and modules fail in dbnd's words", () => {
  const self = runDbnd({ files: [{ path: '/p/x.cfg', text: '[e]\n_from = e\n' }], environment: ENV, engine: 'e' });
  assert.equal(self.failure?.error.type, 'DatabandConfigError');
  assert.equal(
    self.failure?.error.message,
    "Your [_from] defined using _type=e. System can't handle recursive type resolving. Probably you are missing the module that has 'e' defined. ",
  );
  const missingClass = runDbnd({
    files: [{ path: '/p/x.cfg', text: '[e]\n_type = dbnd_docker.kubernetes.kubernetes_engine_config.NoSuchConfig\n' }],
    environment: ENV,
    engine: 'e',
  });
  assert.equal(missingClass.failure?.error.type, 'TaskClassNotFoundException');
  const plugin = runDbnd({
    files: [{ path: '/p/x.cfg', text: '[e]\n_type = dbnd_gcp.env.GcpEnvConfig\n' }],
    environment: ENV,
    engine: 'e',
  });
  assert.equal(plugin.failure?.error.type, 'DatabandError');
  assert.match(
    plugin.failure?.error.message ?? '',
    /^Module 'dbnd_gcp\.env' can not be loaded: Do you have 'dbnd-gcp' installed\? exception: ModuleNotFoundError: No module named 'dbnd_gcp'\.$/,
  );
});
