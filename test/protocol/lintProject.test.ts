// `dbnd-cfg lint` without files lints the dbnd project of the current folder and prints exactly what the
// language server publishes for that project's files: the bundled CLI and the bundled server over stdio, on
// the same multi-file fixture, with the same process environment and the same selected dbnd environment
// (`--env` on one side, the `databand.defaultEnvironment` setting on the other).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CLI_JS } from '../support/paths';
import { LspServerProcess } from './lspServerProcess';
import { type Fixture, fixtureEnv, writeFixture } from '../support/fixture';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[databand]
env = prod

[core]
environments = ["legacy_env"]

[run]
environments = ["local", "prod"]

[prod]
_from = local
remote_engine = prod_engine
//- /project.cfg
[prod_engine]
_type = kubernetes
keep_finished_pods = maybe

[spare_engine]
_type = kubernetes
container_repository = spare
keep_failed_pods = nope

[legacy_env]
_from = local
remote_engine = legacy_engine

[plugin_env]
_type = dbnd_gcp.env.GcpEnvConfig
//- /src/pipelines/README.md
A folder below the project: dbnd walks up from here to the folder with .dbnd/.
`;

/** A finding in a form both sides can be compared in: the file, 0-based range, severity name, code, message. */
interface Finding {
  readonly path: string;
  readonly range: Diagnostic['range'];
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

/** The editor does not order a file's diagnostics; the CLI prints them by position. Compare in one order. */
function inOrder(findings: readonly Finding[]): string {
  const key = (f: Finding) => [f.range.start.line, f.range.start.character, f.code, f.message].join('\u0000');
  return JSON.stringify([...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];
const CONFIG_FILES = ['/.dbnd/databand-system.cfg', '/project.cfg'];

function lintCli(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI_JS, 'lint', ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliFindings(
  cwd: string,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): { code: number | null; found: Finding[] } {
  const r = lintCli(cwd, env, '--json', ...args);
  assert.equal(r.stderr, '');
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Finding[] };
  return {
    code: r.code,
    found: diagnostics.map(({ path, range, severity, code, message }) => ({ path, range, severity, code, message })),
  };
}

/** What the server publishes for each project file once it settles on the CLI's answer (settings are pulled
 *  after `initialized`, so an earlier publish may predate them); a mismatch fails with everything received. */
async function serverAgrees(
  fixture: Fixture,
  env: NodeJS.ProcessEnv,
  settings: object,
  expected: readonly Finding[],
): Promise<void> {
  const server = LspServerProcess.start(env);
  try {
    server.settings = () => settings;
    await server.initialize({
      workspaceFolders: [fixture.rootUri],
      capabilities: { workspace: { configuration: true } },
    });
    for (const name of CONFIG_FILES) {
      const file = fixture.file(name);
      await server.open(file.uri, file.text);
    }
    for (const name of CONFIG_FILES) {
      const file = fixture.file(name);
      const want = inOrder(expected.filter((f) => f.path === file.path));
      await server.nextDiagnostics(file.uri, `the CLI's findings for ${name}: ${want}`, (p) => {
        const got = p.diagnostics.map((d) => ({
          path: file.path,
          range: d.range,
          severity: SEVERITY_NAMES[d.severity ?? 0],
          code: String(d.code),
          message: String(d.message),
        }));
        return inOrder(got) === want;
      });
    }
  } finally {
    server.dispose();
  }
}

test('dbnd-cfg lint with no FILE reports what the server publishes for the project, DBND__ variables included', async (t) => {
  const fixture = writeFixture(PROJECT);
  t.after(() => fixture.remove());
  const env = fixtureEnv(fixture);

  const { code, found } = cliFindings(fixture.root, env);
  assert.equal(code, 1, 'errors: exit 1');
  assert.deepEqual(
    [...new Set(found.map((f) => f.path))],
    [join(fixture.root, '.dbnd', 'databand-system.cfg'), join(fixture.root, 'project.cfg')],
  );
  const codes = found.map((f) => `${f.severity} ${f.code}`);
  assert.ok(codes.includes('error missing-required-key'), codes.join('\n'));
  assert.ok(codes.includes('warning legacy-key'), codes.join('\n'));
  // The editor's lazy-build rule: a bad value in an engine no enabled environment uses is a warning.
  const spare = found.find((f) => f.code === 'invalid-value' && f.range.start.line === 7);
  assert.equal(spare?.severity, 'warning');
  assert.match(spare.message, /no enabled environment does now/);
  await serverAgrees(fixture, env, {}, found);

  // From a folder below the project, dbnd (and so lint) walks up to the same DBND_HOME.
  assert.deepEqual(cliFindings(join(fixture.root, 'src', 'pipelines'), env).found, found);

  // A DBND__SECTION__KEY variable of the process sets the missing key, for the CLI and the server alike.
  const withVariable = { ...env, DBND__PROD_ENGINE__CONTAINER_REPOSITORY: 'registry.example/prod' };
  const set = cliFindings(fixture.root, withVariable).found;
  assert.ok(!set.some((f) => f.code === 'missing-required-key'), JSON.stringify(set));
  await serverAgrees(fixture, withVariable, {}, set);
});

test('dbnd-cfg lint --env NAME selects the environment as the databand.defaultEnvironment setting does', async (t) => {
  const fixture = writeFixture(PROJECT);
  t.after(() => fixture.remove());
  const env = fixtureEnv(fixture);

  const { code, found } = cliFindings(fixture.root, env, '--env', 'legacy_env');
  assert.equal(code, 1);
  const legacy = found.find((f) => f.code === 'legacy-key');
  assert.equal(legacy?.severity, 'error', 'the selected environment depends on the ignored [core] environments');
  assert.match(legacy.message, /The selected environment 'legacy_env' is one of them/);
  assert.equal(found.find((f) => f.code === 'unknown-engine')?.severity, 'error');
  await serverAgrees(fixture, env, { defaultEnvironment: 'legacy_env' }, found);
});

test('dbnd-cfg lint exit codes: 0 clean or warnings only, 1 errors, 2 bad arguments or no project here', (t) => {
  const fixture = writeFixture(`
//- /project.cfg
[spare_engine]
_type = kubernetes
container_repository = spare
keep_failed_pods = nope
//- /elsewhere/notes.txt
no dbnd file here
`);
  t.after(() => fixture.remove());
  const env = fixtureEnv(fixture);

  const warned = lintCli(fixture.root, env);
  assert.equal(warned.code, 0, warned.stdout + warned.stderr);
  assert.match(warned.stdout, /project\.cfg:4:20: warning invalid-value /);

  fixture.write('/project.cfg', '[run]\nenvironments = ["local"]\n');
  assert.deepEqual(lintCli(fixture.root, env), { code: 0, stdout: '', stderr: '' });

  fixture.write('/project.cfg', '[a]\nx = 1\n[a]\n');
  const broken = lintCli(fixture.root, env);
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /project\.cfg:3:\d+: error duplicate-section /);

  for (const args of [['--jsn'], ['--env'], ['--env', ' ']]) {
    const r = lintCli(fixture.root, env, ...args);
    assert.equal(r.code, 2, `lint ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /usage: dbnd-cfg lint/);
  }

  // No dbnd project from this folder up, and HOME (dbnd's fallback DBND_HOME) has no config either.
  const home = join(fixture.root, 'elsewhere');
  const none = lintCli(home, { ...env, HOME: home, DBND_HOME: home });
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^dbnd-cfg lint: no dbnd config file found for .*elsewhere.*dbnd-cfg lint FILE\.\.\./s);
});
