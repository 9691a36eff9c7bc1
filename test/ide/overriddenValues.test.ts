// A bad value that loses to another value for every object that reads it is a warning (dbnd parses only the
// value that wins), and stays an error as soon as one object reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectDiagnostics } from '../../server/src/ide/diagnostics';
import { projectOf } from '../support/fixture';

const SYSTEM = '.dbnd/databand-system.cfg';
const ENV =
  "[databand]\nenv = k8s\n[run]\nenvironments = ['local', 'k8s']\n[k8s]\n_from = local\nremote_engine = eng\n";
const ENGINE = '[eng]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\n';

function findings(files: Record<string, string>): string[] {
  return projectDiagnostics(projectOf(files))
    .filter((d) => d.code === 'invalid-value')
    .map((d) => `${d.path.replace('/proj/', '')}:${d.range.start.line + 1}: ${d.severity}`);
}

test('a bad value in the system file replaced key by key by project.cfg is a warning naming the winner', () => {
  const files = {
    [SYSTEM]: `${ENV}${ENGINE}keep_failed_pods = maybe\n`,
    'project.cfg': '[eng]\nkeep_failed_pods = True\n',
  };
  assert.deepEqual(findings(files), [`${SYSTEM}:12: warning`]);
  const d = projectDiagnostics(projectOf(files)).find((x) => x.code === 'invalid-value')!;
  assert.match(
    d.message,
    /overridden: 'keep_failed_pods' comes from \/proj\/project\.cfg:2 .*would fail if that value went away/,
  );
  // Without the override it is the error dbnd raises.
  assert.deepEqual(findings({ [SYSTEM]: files[SYSTEM] }), [`${SYSTEM}:12: error`]);
});

test("a bad value in a family section that every reader's own section overrides is a warning", () => {
  const files = { [SYSTEM]: `${ENV}[kubernetes]\nkeep_failed_pods = maybe\n${ENGINE}keep_failed_pods = False\n` };
  assert.deepEqual(findings(files), [`${SYSTEM}:9: warning`]);
});

test('a bad value that one built object still reads stays an error (the selected env builds it)', () => {
  const twoEngines =
    "[databand]\nenv = k8s2\n[run]\nenvironments = ['local', 'k8s', 'k8s2']\n" +
    '[k8s]\n_from = local\nremote_engine = eng\n[k8s2]\n_from = local\nremote_engine = eng2\n' +
    `[kubernetes]\nkeep_failed_pods = maybe\n${ENGINE}keep_failed_pods = False\n` +
    '[eng2]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\n';
  assert.deepEqual(findings({ [SYSTEM]: twoEngines }), [`${SYSTEM}:12: error`]);
});
