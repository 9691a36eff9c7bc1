// The pitfall checks (docs/dbnd-rules.md §3.10, §8): each finding at its line, with its code and severity —
// errors only where dbnd itself fails, warnings (with the reason) where dbnd is silent but the run is hurt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import type { CoreDiagnostic } from '../../../server/src/core/diagnostics/types';

const PATH = '/p/databand-system.cfg';

function lint(lines: readonly string[]): CoreDiagnostic[] {
  return lintFiles([{ path: PATH, text: lines.join('\n') + '\n' }]);
}

/** `line:severity:code` of every finding, 0-based lines, sorted. */
function findings(lines: readonly string[]): string[] {
  return lint(lines)
    .map((d) => `${d.range.start.line}:${d.severity}:${d.code}`)
    .sort();
}

const ENGINE = ['[eng]', '_type = kubernetes', 'container_repository = r', 'container_tag = t'];

test('booleans and numbers inside volumes, volume_mounts and security_context are stringified by dbnd', () => {
  const lines = [
    ...ENGINE,
    'volume_mounts = [{"name": "data", "mountPath": "/data", "readOnly": true}]',
    'security_context = {',
    '    "runAsUser": 1000,',
    '    "runAsNonRoot": "true"',
    '    }',
  ];
  assert.deepEqual(findings(lines), ['4:warning:stringified-pod-field', '6:warning:stringified-pod-field']);
  const readOnly = lint(lines).find((d) => d.range.start.line === 4)!;
  assert.equal(lines[4].slice(readOnly.range.start.character, readOnly.range.end.character), '"readOnly": true');
  assert.match(readOnly.message, /string 'True'/);
});

test('numbers in env_vars and annotations reach the API unquoted', () => {
  assert.deepEqual(findings([...ENGINE, 'env_vars = {"A": 1, "B": "2"}', 'annotations = {"x": true}']), [
    '4:warning:unquoted-pod-value',
    '5:warning:unquoted-pod-value',
  ]);
});

test('pod_error_cfg_source_dict: retry_delay is ignored, unknown reasons are never looked up, retry_count is needed', () => {
  const lines = [
    ...ENGINE,
    'pod_error_cfg_source_dict = {',
    '    "255": {"retry_count": 3, "retry_delay": "3m"},',
    '    "err_image_pul": {"retry_count": 0},',
    '    "137": {}',
    '    }',
  ];
  assert.deepEqual(findings(lines), [
    '5:warning:retry-delay-ignored',
    '6:warning:unknown-pod-failure-reason',
    '7:error:missing-retry-count',
  ]);
  const unknown = lint(lines).find((d) => d.code === 'unknown-pod-failure-reason')!;
  assert.match(unknown.message, /Did you mean 'err_image_pull'/);
  const delay = lint(lines).find((d) => d.code === 'retry-delay-ignored')!;
  assert.equal(lines[5].slice(delay.range.start.character, delay.range.end.character), '"retry_delay": "3m"');
});

test('Kubernetes quantities in request_*/limit_* and requests/limits', () => {
  assert.deepEqual(
    findings([
      ...ENGINE,
      'request_cpu = 250m',
      'limit_memory = 1 GB',
      'limits = {"nvidia.com/gpu": 1, "memory": "12mb"}',
      'request_memory =',
    ]),
    ['5:warning:invalid-quantity', '6:warning:invalid-quantity'],
  );
});

test('label and annotation keys must be qualified names', () => {
  assert.deepEqual(
    findings([
      ...ENGINE,
      'labels = {"team": "a", "bad key": "x", "Example.com/x": "y"}',
      'annotations = {"example.com/ok": "1", "-x": "2"}',
    ]),
    ['4:warning:invalid-metadata-key', '4:warning:invalid-metadata-key', '5:warning:invalid-metadata-key'],
  );
});

test('quotes kept in a scalar, and a registry port in container_repository', () => {
  assert.deepEqual(
    findings([
      '[eng]',
      '_type = kubernetes',
      'container_repository = localhost:5000/app',
      'container_tag = t',
      'namespace = "prod"',
    ]),
    ['2:warning:registry-port-in-repository', '4:warning:quoted-value'],
  );
});

test('a secret with "type": "envv" or a key without target fails every pod build', () => {
  const lines = [
    ...ENGINE,
    'secrets = [',
    '    {"type": "envv", "target": "A", "secret": "s", "key": "k"},',
    '    {"type": "env", "secret": "s", "key": "k"}',
    '    ]',
  ];
  assert.deepEqual(findings(lines), ['5:error:invalid-secret-type', '6:error:secret-key-without-target']);
  assert.match(lint(lines).find((d) => d.code === 'invalid-secret-type')!.message, /Did you mean "env"/);
});

test('remote_engine naming a missing section: an error for an enabled environment, a warning otherwise', () => {
  const enabled = [
    '[run]',
    "environments = ['local', 'k8s']",
    '[k8s]',
    '_from = local',
    'remote_engine = my_engin',
    ...ENGINE,
  ];
  assert.deepEqual(findings(enabled), ['4:error:unknown-engine']);
  assert.match(lint(enabled)[0].message, /did you mean 'eng'|TaskClassNotFoundException/);
  assert.deepEqual(findings(['[k8s]', '_from = local', 'remote_engine = nowhere']), ['2:warning:unknown-engine']);
  const selected = lintFiles([{ path: PATH, text: '[k8s]\n_from = local\nremote_engine = nowhere\n' }], {
    environmentName: 'k8s',
  });
  assert.deepEqual(
    selected.map((d) => `${d.severity}:${d.code}`),
    ['error:unknown-engine'],
  );
  assert.deepEqual(findings(['[k8s]', '_from = local', 'remote_engine = eng', ...ENGINE]), []);
});

test('[core] environments: moved to [run]; an error when the selected environment depends on it', () => {
  const warned = lint(['[core]', "environments = ['local', 'k8s']", '[k8s]', '_from = local']);
  assert.deepEqual(
    warned.map((d) => `${d.range.start.line}:${d.severity}:${d.code}`),
    ['1:warning:legacy-key'],
  );
  assert.match(warned[0].message, /moved from \[core\] to \[run\]/);
  assert.match(warned[0].message, /'k8s' is not enabled/);
  assert.deepEqual(warned[0].data, { moveTo: { section: 'run', key: 'environments' } });
  const broken = findings([
    '[databand]',
    'env = k8s',
    '[core]',
    "environments = ['local', 'k8s']",
    '[k8s]',
    '_from = local',
  ]);
  assert.deepEqual(broken, ['3:error:legacy-key']);
  // The environment chosen outside the files (`dbnd run --env`, the editor's setting) counts the same.
  const chosen = lintFiles([{ path: PATH, text: "[core]\nenvironments = ['local', 'k8s']\n" }], {
    environmentName: 'k8s',
  });
  assert.deepEqual(
    chosen.map((d) => `${d.severity}:${d.code}`),
    ['error:legacy-key'],
  );
});

test('[core] tracker_url names its new home, not a did-you-mean', () => {
  const [d] = lint(['[core]', 'tracker_url = http://x']);
  assert.equal(d.code, 'legacy-key');
  assert.match(d.message, /\[core\] databand_url/);
  assert.doesNotMatch(d.message, /tracker_api/);
  assert.deepEqual(d.data, { moveTo: { section: 'core', key: 'databand_url' } });
});

test('a Python True/None inside a JSON value is pointed at in the file and named', () => {
  const lines = [...ENGINE, 'labels = {"a": "b", "c": None}'];
  const [d] = lint(lines);
  assert.equal(d.code, 'python-literal-in-json');
  assert.equal(d.severity, 'error');
  assert.deepEqual([d.range.start.line, lines[4].slice(d.range.start.character, d.range.end.character)], [4, 'None']);
  assert.match(d.message, /Write null/);
  assert.deepEqual(d.data, { literal: 'None', replaceWith: 'null' });
  // Across lines hjson reads it as the string "True": silent in dbnd, so a warning.
  assert.deepEqual(findings([...ENGINE, 'labels = {', '    "a": True', '    }']), ['5:warning:python-literal-in-json']);
});

test('a value that starts like JSON and does not parse is a warning even where the class is unknown', () => {
  const lines = [
    '[your_kubernetes_engine]',
    'secrets = [ { "type":"volume", "target": "/var/secrets/google", "secret" : "gcp-secrets" }]]',
  ];
  const [d] = lint(lines);
  assert.deepEqual([d.severity, d.code, d.range.start.line], ['warning', 'invalid-json', 1]);
  assert.equal(lines[1].slice(d.range.start.character), ']', 'the extra closing bracket');
  // Logging formats in known sections are plain text, not JSON.
  assert.deepEqual(findings(['[log]', 'formatter = [%%(asctime)s] %%(message)s']), []);
});

test('a class from a plugin is information; a typo in _from is a warning; an enabled environment fails for real', () => {
  assert.deepEqual(findings(['[gcp_env]', '_type = dbnd_gcp.env.GcpEnvConfig']), ['1:information:unmodelled-class']);
  assert.deepEqual(findings(['[alpha]', 'x = 1', '[gamma]', '_from = alpah']), ['3:warning:unknown-type']);
  assert.deepEqual(
    findings(['[run]', "environments = ['local', 'gcp_env']", '[gcp_env]', '_type = dbnd_gcp.env.GcpEnvConfig']),
    ['3:error:unknown-type'],
  );
});
