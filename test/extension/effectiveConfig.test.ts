// "Databand: Show Effective Config" in a real VS Code: the env and engine objects with every value and where it
// comes from (a link to the file line, a variable, the code default), and the document following an edit.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitForEvent } from './waitFor';
import { PROJECT_CFG, SYSTEM_CFG, lineOf, openWorkspaceFile, replaceLine, restoresAfterSuite } from './workspaceFiles';

const SHOW_EFFECTIVE_CONFIG = 'databand.showEffectiveConfig';

suite('Databand: Show Effective Config', () => {
  restoresAfterSuite(PROJECT_CFG);

  test('the env and engine objects, every value with where it comes from', async () => {
    const { doc: project } = await openWorkspaceFile(PROJECT_CFG());
    const system = await vscode.workspace.openTextDocument(SYSTEM_CFG());
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_EFFECTIVE_CONFIG);
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'dbnd-config');
    assert.equal(doc.languageId, 'yaml');
    const text = doc.getText();
    assert.match(text, /^# The effective config of `dbnd run --env kubernetes_cluster_env`/);
    assert.match(
      text,
      /^# The env object: class dbnd_run\.run_settings\.env\.LocalEnvConfig, read from sections kubernetes_cluster_env, local, /m,
    );
    assert.match(text, /^kubernetes_cluster_env:$/m);
    assert.match(text, /^# The engine object: class .*KubernetesEngineConfig/m);
    assert.match(text, /^your_kubernetes_engine:$/m);
    // A value from a file names the file and line, as a link to it.
    const namespaceLine = lineOf(system, 'namespace =');
    assert.match(text, new RegExp(`^  namespace: "databand"  # .*databand-system\\.cfg:${namespaceLine + 1}$`, 'm'));
    // project.cfg wins over databand-system.cfg for the same key.
    assert.match(
      text,
      new RegExp(`^  keep_failed_pods: true  # .*project\\.cfg:${lineOf(project, 'keep_failed_pods') + 1}$`, 'm'),
    );
    // A value nobody set is the class's code default.
    assert.match(text, /^ {2}debug: false {2}# code default$/m);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.ok(
      links.some((l) => l.target?.path === system.uri.path && l.target.fragment === `L${namespaceLine + 1},1`),
      'the namespace value links to its line',
    );
  });

  test('the document follows an edit of project.cfg', async () => {
    const { doc: project } = await openWorkspaceFile(PROJECT_CFG());
    const doc = (await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_EFFECTIVE_CONFIG)).document;
    await replaceLine(project, lineOf(project, 'keep_failed_pods'), 'keep_failed_pods = False');
    await waitForEvent(
      vscode.workspace.onDidChangeTextDocument,
      () => (/^ {2}keep_failed_pods: false {2}#/m.test(doc.getText()) ? true : undefined),
      'the effective config to show the edited value',
    );
  });
});
