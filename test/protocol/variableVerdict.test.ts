// A value from the server's environment that fails the run shows in the editor as `dbnd-cfg lint` shows it: a
// DBND__SECTION__KEY variable has no line, so its error sits at the header of the section it sets (else at the
// top of the first file) and names the variable; a `$VAR` that is not set, inside a path, fails at the line
// that uses it. Checked against the real server over stdio, started with the variables in its environment, and
// against the CLI run in the same folder with the same environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { RenderPodRequest } from '../../protocol/customRequests';
import { CLI_JS } from '../support/paths';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { withTimeout } from './waitFor';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[databand]
env = k8s

[run]
environments = ['local', 'k8s']

[k8s]
_from = local
remote_engine = eng

[eng]
_type = kubernetes
container_repository = r
container_tag = t
//- /project.cfg
[eng]
namespace = prod
`;

/** The server started in the fixture with `vars` added to its environment, and the system file's first
 *  publish that has an error (nothing is opened: the project's files are published from disk). */
async function errorsWith(t: { after: (fn: () => void) => void }, spec: string, vars: Record<string, string>) {
  const fixture = writeFixture(spec);
  const env = { ...fixtureEnv(fixture), ...vars };
  const server = LspServerProcess.start(env);
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const system = fixture.file('/.dbnd/databand-system.cfg');
  const project = fixture.file('/project.cfg');
  await server.open(project.uri, project.text);
  const published = await server.nextDiagnostics(system.uri, 'an error on the system file', (p) =>
    p.diagnostics.some((d) => d.severity === 1),
  );
  const lint = spawnSync(process.execPath, [CLI_JS, 'lint'], { cwd: fixture.root, env, encoding: 'utf8' });
  return { server, fixture, system, errors: published.diagnostics.filter((d) => d.severity === 1), lint };
}

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);
const where = (d: Diagnostic) => [d.range.start.line, d.code];
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

test('DBND__ENG__DEBUG=maybe in the server environment: an error at [eng] naming the variable, as lint says', async (t) => {
  const { server, system, errors, lint } = await errorsWith(t, PROJECT, { DBND__ENG__DEBUG: 'maybe' });
  assert.deepEqual(errors.map(where), [[lineOf(system.text, '[eng]'), 'run-failure']]);
  assert.match(
    messageOf(errors[0]),
    /DatabandBuildError: Failed to calculate value from 'maybe' for parameter 'debug'/,
  );
  assert.match(messageOf(errors[0]), /\(the value comes from the variable \$DBND__ENG__DEBUG\)/);
  // The CLI in the same folder with the same environment: the same line, the same words.
  assert.equal(lint.status, 1, lint.stderr);
  const header = lineOf(system.text, '[eng]') + 1;
  assert.ok(
    lint.stdout
      .split('\n')
      .some((l) => l.endsWith(messageOf(errors[0])) && l.includes(`databand-system.cfg:${header}:`)),
    lint.stdout,
  );
  // And the Pod view fails with dbnd's error.
  const pod = await withTimeout(
    server.connection.sendRequest(RenderPodRequest.type, { uri: system.uri, mode: 'driver' }),
    'dbnd/renderPod',
  );
  assert.equal(pod.error?.type, 'DatabandBuildError');
});

test('a variable for a section no project file declares: at the top of the first file, naming the variable', async (t) => {
  const { errors } = await errorsWith(t, PROJECT, { DBND__KUBERNETES__DEBUG: 'maybe' });
  assert.deepEqual(errors.map(where), [[0, 'run-failure']]);
  assert.match(messageOf(errors[0]), /\$DBND__KUBERNETES__DEBUG/);
});

test('an unset $VAR in pod_yaml: the error is at the pod_yaml line, as in lint', async (t) => {
  const spec = PROJECT.replace('container_tag = t\n', 'container_tag = t\npod_yaml = $UNSET_TEMPLATE_DIR/pod.yaml\n');
  const { system, errors, lint } = await errorsWith(t, spec, {});
  assert.deepEqual(errors.map(where), [
    [lineOf(system.text, 'pod_yaml = $UNSET_TEMPLATE_DIR/pod.yaml'), 'run-failure'],
  ]);
  assert.match(messageOf(errors[0]), /FileNotFoundError: .*'\$UNSET_TEMPLATE_DIR\/pod\.yaml'/);
  assert.equal(lint.status, 1);
  assert.ok(lint.stdout.includes(messageOf(errors[0])), lint.stdout);
});
