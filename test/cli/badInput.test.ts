// The bundled `dbnd-cfg` with the inputs a new user gets wrong: every one ends in a clear message and exit 2
// (cannot read) or 1 (dbnd would fail / nothing to render), never a stack trace or exit 70.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS } from '../support/paths';

const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-bad-'));

function dbndCfg(...args: string[]) {
  // cwd is the temp folder, so discovery finds no project and the user's environment plays no part.
  const env = { PATH: process.env.PATH ?? '', HOME: dir, DBND_HOME: dir, USER: 'me' };
  const r = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  assert.notEqual(r.status, 70, `dbnd-cfg ${args.join(' ')}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at /m, `a stack trace from dbnd-cfg ${args.join(' ')}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const K8S = file(
  'k8s.cfg',
  `[run]
environments = ['local', 'k8s_env']

[k8s_env]
_from = local
remote_engine = k8s_engine

[k8s_engine]
_type = kubernetes
container_repository = repo
container_tag = v1
namespace = ns
`,
);
const folder = join(dir, 'a-folder');
mkdirSync(folder);

test('--file that is missing or a folder: exit 2 naming the file, for effective and render-pod like lint', () => {
  for (const command of ['effective', 'render-pod']) {
    const missing = dbndCfg(command, '--file', join(dir, 'missing.cfg'));
    assert.equal(missing.code, 2, missing.stderr);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, new RegExp(`^dbnd-cfg ${command}: cannot read .*missing\\.cfg: ENOENT`));
    const isFolder = dbndCfg(command, '--file', folder);
    assert.equal(isFolder.code, 2);
    assert.match(isFolder.stderr, /cannot read .*a-folder: EISDIR/);
  }
  assert.match(dbndCfg('lint', folder).stderr, /^dbnd-cfg lint: cannot read .*a-folder: EISDIR/);
});

test('an endless or huge input is refused with its size, not read to the end', () => {
  const r = dbndCfg('lint', '/dev/zero');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read \/dev\/zero: larger than 16 MiB/);
});

test('render-pod for an env that submits no pod says exactly that', () => {
  for (const args of [['--env', 'local'], []]) {
    const r = dbndCfg('render-pod', '--file', K8S, ...args);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^dbnd-cfg render-pod: the env 'local' submits no pod: its engine 'local_machine_engine' is a LocalMachineEngineConfig/,
    );
    assert.doesNotMatch(r.stderr, /container_tag/);
  }
});

test('--task-config applies in effective, is refused for the driver pod, and must be an object', () => {
  const plain = JSON.parse(dbndCfg('effective', '--file', K8S, '--env', 'k8s_env').stdout);
  assert.equal(plain.engine_config.params.limit_memory.value, null);
  const withTask = dbndCfg(
    'effective',
    '--file',
    K8S,
    '--env',
    'k8s_env',
    '--task-config',
    '{"kubernetes": {"limit_memory": "2Gi"}}',
  );
  const param = JSON.parse(withTask.stdout).engine_config.params.limit_memory;
  assert.deepEqual([param.value, param.source, param.defined_at], ['2Gi', 'task[task_config]', ['task[task_config]']]);

  const driver = dbndCfg('render-pod', '--file', K8S, '--env', 'k8s_env', '--task-config', '{"kubernetes": {}}');
  assert.equal(driver.code, 2);
  assert.match(driver.stderr, /--task-config applies to task pods only/);
  const task = dbndCfg(
    'render-pod',
    '--mode',
    'task',
    '--file',
    K8S,
    '--env',
    'k8s_env',
    '--task-config',
    '{"kubernetes": {"limit_memory": "2Gi"}}',
  );
  assert.equal(task.code, 0, task.stderr);
  assert.match(task.stdout, /memory: 2Gi/);

  for (const bad of ['[1]', '"x"', '3', 'null']) {
    const r = dbndCfg('effective', '--file', K8S, '--task-config', bad);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--task-config must be a JSON object/, bad);
  }
  const nullSection = dbndCfg(
    'render-pod',
    '--mode',
    'task',
    '--file',
    K8S,
    '--env',
    'k8s_env',
    '--task-config',
    '{"kubernetes": null}',
  );
  assert.equal(nullSection.code, 1);
  assert.match(
    nullSection.stderr,
    /engine stage: DatabandConfigError: can't convert '\{'kubernetes': None\}' to configuration/,
  );
});

test("--set takes dbnd's JSON form too", () => {
  const r = dbndCfg('effective', '--file', K8S, '--env', 'k8s_env', '--set', '{"k8s_engine.namespace": "from-json"}');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).engine_config.params.namespace.value, 'from-json');
});

test('the driver pod runs what dbnd submits, and a comment names the placeholders', () => {
  const r = dbndCfg('render-pod', '--file', K8S, '--env', 'k8s_env', '--', 'prepare_data', '--env', 'k8s_env');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^# Placeholders until submission/);
  assert.match(r.stdout, /^# {3}runUid = '00000000-0000-0000-0000-000000000000': the run uid dbnd generates/m);
  const command = /command:\n((?: {8}- .*\n)+)/
    .exec(r.stdout)?.[1]
    .split('\n')
    .filter(Boolean)
    .map((l) => l.trim().slice(2));
  assert.deepEqual(command?.slice(0, 7), [
    'dbnd',
    'run',
    'prepare_data',
    '--env',
    'k8s_env',
    '--run-driver',
    '00000000-0000-0000-0000-000000000000',
  ]);
  assert.equal(command?.[7], '--set');
  assert.match(
    command?.[8] ?? '',
    /^run\.run_result_json_path=.*\/dbnd\/log\/1970-01-01\/1970-01-01T000000\.000000_prepare_data_run\/0{8}-.*\.json$/,
  );
  assert.deepEqual(command?.slice(9), ['--set', 'run_info.execution_date=1970-01-01T000000.000000']);
});

test('invalid UTF-8 fails as dbnd fails to read the file; a BOM is named', () => {
  const bad = file(
    'bad.cfg',
    Buffer.concat([Buffer.from('[k8s_engine]\nnamespace = data'), Buffer.from([0xff]), Buffer.from('band\n')]),
  );
  const lint = dbndCfg('lint', bad);
  assert.equal(lint.code, 1);
  assert.match(
    lint.stdout,
    /bad\.cfg:2:1: error not-utf8 .*UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 29: invalid start byte/,
  );
  const pod = dbndCfg('render-pod', '--file', K8S, '--file', bad, '--env', 'k8s_env');
  assert.equal(pod.code, 1);
  assert.match(
    pod.stderr,
    /load stage: DatabandConfigError: Failed to read configuration file at .*bad\.cfg: 'utf-8' codec/,
  );

  const bom = file('bom.cfg', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[run]\nx = 1\n')]));
  assert.match(
    dbndCfg('lint', bom).stdout,
    /bom\.cfg:1:1: error missing-section-header The file starts with a UTF-8 byte order mark \(BOM/,
  );
});

test('output is bounded: findings are capped and a long bad line is cut', () => {
  const many = file('many.cfg', `[a]\n${'bad line\n'.repeat(3000)}`);
  const r = dbndCfg('lint', many);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1001);
  assert.match(lines[1000], /^dbnd-cfg: \d+ more findings not shown \(the first 1000 are\)$/);
  const json = JSON.parse(dbndCfg('lint', '--json', many).stdout);
  assert.equal(json.diagnostics.length, 1000);
  assert.ok(json.omitted > 0);

  const long = file('long.cfg', `[k8s_engine]\nnamespace = %${'x'.repeat(100_000)}\n`);
  const cut = dbndCfg('lint', long);
  assert.ok(cut.stdout.length < 10_000, `${cut.stdout.length} characters`);
  assert.match(cut.stdout, /… \(\d+ more characters\)/);
});

test('deep nesting ends in RecursionError, as in dbnd, not a JS stack overflow', () => {
  const chain = ['[run]', "environments = ['local', 'e']", '[e]', '_from = local', 'remote_engine = s0'];
  for (let i = 0; i < 5000; i++) chain.push(`[s${i}]`, `_from = s${i + 1}`);
  chain.push('[s5000]', '_type = kubernetes');
  const deep = file('deep.cfg', `${chain.join('\n')}\n`);
  const lint = dbndCfg('lint', '--env', 'e', deep);
  assert.equal(lint.code, 1);
  assert.match(
    lint.stdout,
    /^.*deep\.cfg:7:9: error from-chain-too-deep dbnd fails building \[s0\] with RecursionError/m,
  );
  // A run of the default env (local) never builds [s0]: one verdict, so no error there.
  const local = dbndCfg('lint', deep);
  assert.equal(local.code, 0, local.stdout);
  assert.match(local.stdout, /deep\.cfg:7:9: warning from-chain-too-deep .*does not fail on this/);
  const effective = JSON.parse(dbndCfg('effective', '--file', deep, '--env', 'e').stdout);
  assert.deepEqual([effective.error.stage, effective.error.type], ['engine', 'RecursionError']);

  const brackets = file('brackets.cfg', `[kubernetes]\nlabels = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
  const out = dbndCfg('lint', brackets).stdout;
  assert.match(out, /RecursionError|maximum recursion depth exceeded/);
  assert.doesNotMatch(out, /Maximum call stack size exceeded/);
});
