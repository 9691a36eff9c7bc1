// The bundled `dbnd-cfg` CLI as a user runs it: output format, --json, exit codes, messages on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_JS, REPO_ROOT as ROOT } from '../support/paths';

function dbndCfg(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'dbnd-cfg-cli-'));
const broken = join(dir, 'databand-system.cfg');
writeFileSync(broken, '[a]\nx = 1\n[a]\n');
const clean = join(dir, 'project.cfg');
writeFileSync(clean, '[a]\nx = 1\n');

test('lint prints file:line:col: severity code message (1-based) and exits 1 on errors', () => {
  const r = dbndCfg('lint', broken);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(
    // Line 3 holds the second [a]; the column is wherever the core puts the range (1-based too).
    lines.some((l) => /^(.+):3:[1-9]\d*: error duplicate-section \S.*$/.exec(l)?.[1] === broken),
    `expected "${broken}:3:COL: error duplicate-section ..." in:\n${r.stdout}`,
  );
  for (const l of lines) assert.match(l, /^.+:\d+:\d+: (error|warning|information|hint) [a-z0-9-]+ \S/);
});

test('lint of a clean file prints nothing and exits 0', () => {
  const r = dbndCfg('lint', clean);
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
});

test('lint --json prints the core diagnostics with 0-based ranges', () => {
  const r = dbndCfg('lint', '--json', clean, broken);
  assert.equal(r.code, 1, r.stderr);
  const { diagnostics } = JSON.parse(r.stdout) as {
    diagnostics: { path: string; code: string; range: { start: { line: number } } }[];
  };
  const dup = diagnostics.find((d) => d.code === 'duplicate-section');
  assert.equal(dup?.path, broken);
  assert.equal(dup?.range.start.line, 2);
});

test('the sample workspace lints without errors', () => {
  const r = dbndCfg('lint', 'test/workspace/.dbnd/databand-system.cfg', 'test/workspace/project.cfg');
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
});

test('an unreadable file is exit 2 with a message naming it', () => {
  const missing = join(dir, 'missing.cfg');
  const r = dbndCfg('lint', clean, missing);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
});

test('usage errors are exit 2: unknown option, unknown command, --env without a name', () => {
  for (const args of [['lint', '--jsn', clean], ['lnt', clean], [], ['lint', '--env', '', clean]]) {
    const r = dbndCfg(...args);
    assert.equal(r.code, 2, `dbnd-cfg ${args.join(' ')}`);
    assert.match(r.stderr, /usage: dbnd-cfg/, `dbnd-cfg ${args.join(' ')}`);
  }
});

test('--help lists the commands; lint --help explains output and exit codes', () => {
  const top = dbndCfg('--help');
  assert.equal(top.code, 0);
  assert.match(top.stdout, /^\s+lint\s+\S/m);
  const lint = dbndCfg('lint', '--help');
  assert.equal(lint.code, 0);
  assert.match(lint.stdout, /usage: dbnd-cfg lint \[--json\] \[--env NAME\] \[FILE\.\.\.\]/);
  assert.match(lint.stdout, /Without FILE: lints the dbnd project of the current folder/);
  assert.match(lint.stdout, /--env NAME +the dbnd environment a run selects/);
  assert.match(lint.stdout, /exit codes:/);
});

test('render-pod --label without "=" is a usage error naming the argument, not a label key cut short', () => {
  const r = dbndCfg('render-pod', '--mode', 'task', '--label', 'foo');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--label expects KEY=VALUE, got 'foo'/);
  assert.equal(r.stdout, '');
});

/** dbnd-cfg run in a folder, with the given extra variables (and no DBND_HOME of the caller's). */
function dbndCfgIn(cwd: string, env: Record<string, string>, ...args: string[]) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DBND')));
  const r = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...base, HOME: dir, ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WORKSPACE = join(ROOT, 'test', 'workspace');

test('one verdict: lint --env nosuch and render-pod --env nosuch both fail, lint at the [run] environments line', () => {
  const lint = dbndCfgIn(WORKSPACE, {}, 'lint', '--env', 'nosuch');
  assert.equal(lint.code, 1, lint.stdout);
  assert.match(lint.stdout, /databand-system\.cfg:10:\d+: error run-failure .*Unknown env name 'nosuch'/);
  const pod = dbndCfgIn(WORKSPACE, {}, 'render-pod', '--env', 'nosuch');
  assert.equal(pod.code, 1);
  assert.match(pod.stderr, /Unknown env name 'nosuch'/);
  const clean = dbndCfgIn(WORKSPACE, {}, 'lint');
  assert.equal(clean.code, 0, clean.stdout);
});

test('one verdict: a DBND__ variable that fails the build fails lint, at the header of the section it sets', () => {
  const env = { DBND__YOUR_KUBERNETES_ENGINE__DEBUG: 'maybe' };
  const lint = dbndCfgIn(WORKSPACE, env, 'lint');
  assert.equal(lint.code, 1, lint.stdout);
  const header = lineOf('[your_kubernetes_engine]');
  assert.match(
    lint.stdout,
    new RegExp(
      `^\\S*databand-system\\.cfg:${header}:1: error run-failure .*DatabandBuildError.*the variable \\$DBND__YOUR_KUBERNETES_ENGINE__DEBUG\\)$`,
      'm',
    ),
  );
  assert.equal(dbndCfgIn(WORKSPACE, env, 'render-pod').code, 1);
});

test("dbnd's scenario project example_project_with_custom_dbnd_system: setup.cfg finds the files", () => {
  const project = mkdtempSync(join(tmpdir(), 'dbnd-custom-system-'));
  mkdirSync(join(project, 'customer_package', 'dbnd_config'), { recursive: true });
  writeFileSync(
    join(project, 'setup.cfg'),
    '[databand]\ndbnd_home = ./\ndbnd_system = customer_package/dbnd_config\ndbnd_config = customer_package/dbnd_project.cfg\n',
  );
  const system = join(project, 'customer_package', 'dbnd_config', 'databand-system.cfg');
  writeFileSync(system, "[core]\ndataband_url = http://localhost:8080\n[run]\nenvironments = ['local']\n");
  const effective = dbndCfgIn(project, {}, 'effective');
  assert.equal(effective.code, 0, effective.stderr);
  assert.deepEqual(Object.keys(JSON.parse(effective.stdout).files), [system]);
  const lint = dbndCfgIn(project, {}, 'lint');
  assert.equal(lint.code, 0, `${lint.stdout}${lint.stderr}`);
  const setup = dbndCfgIn(project, {}, 'lint', join(project, 'setup.cfg'));
  assert.doesNotMatch(setup.stdout, /unknown-key/);
});

test('a databand-system.cfg at DBND_HOME: lint says where it belongs; render-pod adds the hint to dbnd error', () => {
  const project = mkdtempSync(join(tmpdir(), 'dbnd-misplaced-'));
  writeFileSync(join(project, 'databand-system.cfg'), "[run]\nenvironments = ['local', 'k8s']\n");
  const lint = dbndCfgIn(project, {}, 'lint');
  assert.equal(lint.code, 0, lint.stderr);
  assert.match(lint.stdout, /databand-system\.cfg:1:1: warning misplaced-system-file .*\.dbnd\/databand-system\.cfg/);
  const pod = dbndCfgIn(project, {}, 'render-pod', '--env', 'k8s');
  assert.equal(pod.code, 1);
  assert.match(
    pod.stderr,
    /Unknown env name 'k8s'.*\n.*is never read: dbnd reads databand-system\.cfg only from \$DBND_SYSTEM/,
  );
});

test('--conf-file on effective: its value beats --set; a missing one is dbnd failure (exit 1)', () => {
  const extra = join(dir, 'extra.cfg');
  writeFileSync(extra, '[your_kubernetes_engine]\nnamespace = from_conf_file\n');
  const r = dbndCfgIn(WORKSPACE, {}, 'effective', '--conf-file', extra, '--set', 'your_kubernetes_engine.namespace=x');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).engine_config.params.namespace.value, 'from_conf_file');
  const missing = dbndCfgIn(WORKSPACE, {}, 'effective', '--conf-file', join(dir, 'nope.cfg'));
  assert.equal(missing.code, 1);
  assert.match(JSON.parse(missing.stdout).error.message, /file not found!/);
});

test('render-pod -- ARGS are applied as dbnd run applies them, or refused', () => {
  const pod = dbndCfgIn(
    WORKSPACE,
    {},
    'render-pod',
    '--',
    'prepare_data',
    '--interactive',
    '--set',
    'your_kubernetes_engine.namespace=other',
  );
  assert.equal(pod.code, 0, pod.stderr);
  assert.match(pod.stdout, /namespace: other/);
  assert.doesNotMatch(pod.stdout, /DBND__AUTO_REMOVE_POD/);
  assert.match(pod.stdout, /- prepare_data\n\s*- --interactive/);
  const local = dbndCfgIn(WORKSPACE, {}, 'render-pod', '--', 'prepare_data', '--env', 'local');
  assert.equal(local.code, 1);
  assert.match(local.stderr, /the env 'local' submits no pod/);
  const refused = dbndCfgIn(WORKSPACE, {}, 'render-pod', '--', 'prepare_data', '--extend', 'a.b=1');
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--extend: not a `dbnd run` option this tool can apply/);
  assert.equal(dbndCfgIn(WORKSPACE, {}, 'render-pod', '--build-time', 'yesterday').code, 2);
});

test('--version prints the package version; lint - reads the standard input', () => {
  const version = dbndCfg('--version');
  assert.equal(version.code, 0);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `dbnd-cfg ${pkg.version}\n`);
  const r = spawnSync(process.execPath, [CLI_JS, 'lint', '-'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '[a]\nx = 1\n[a]\n',
    timeout: 30_000,
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^-:3:\d+: error duplicate-section /m);
});

test("effective names the project's files relative to DBND_HOME, as the editor's hover does", () => {
  const r = dbndCfgIn(WORKSPACE, {}, 'effective', '--env', 'kubernetes_cluster_env');
  assert.equal(r.code, 0, r.stderr);
  const engine = JSON.parse(r.stdout).engine_config.params;
  assert.deepEqual(engine.namespace.defined_at, [`.dbnd/databand-system.cfg:${lineOf('namespace =')}`]);
  const texts = Object.values(engine as Record<string, { defined_at: string[] }>).flatMap((p) => p.defined_at);
  assert.ok(
    texts.some((t) => /^package default dbnd-run\.cfg:\d+$/.test(t)),
    'packaged defaults keep their name',
  );
  assert.ok(!texts.some((t) => t.startsWith('/')), `no absolute path among ${texts.join(', ')}`);
});

/** The 1-based line of the sample workspace's system file that starts with `prefix`. */
function lineOf(prefix: string): number {
  const lines = readFileSync(join(WORKSPACE, '.dbnd', 'databand-system.cfg'), 'utf8').split('\n');
  return lines.findIndex((l) => l.startsWith(prefix)) + 1;
}
