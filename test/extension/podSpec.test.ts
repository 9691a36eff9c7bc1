// "Databand: Show Effective Pod Spec" in a real VS Code: the driver pod as a read-only YAML document, a task pod
// with a task_config, the document following an unsaved edit, dbnd's error with a link to the line that causes
// it, the palette route where Enter goes through every question, and Escape cancelling quietly.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { answerEveryQuestion } from './quickInputs';
import { waitForEvent } from './waitFor';
import { SYSTEM_CFG, lineOf, openWorkspaceFile, replaceLine, restore, restoresAfterSuite } from './workspaceFiles';

const SHOW_POD_SPEC = 'databand.showPodSpec';

/** Waits until `doc`'s text satisfies `accept` (re-checked on every change of any document). */
function textOf(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string): Promise<string> {
  return waitForEvent(
    vscode.workspace.onDidChangeTextDocument,
    () => (accept(doc.getText()) ? doc.getText() : undefined),
    what,
  );
}

suite('Databand: Show Effective Pod Spec', () => {
  const committed = restoresAfterSuite(SYSTEM_CFG);

  test('the driver pod opens as a read-only YAML document of its own scheme', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' });
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'dbnd-pod');
    assert.equal(doc.languageId, 'yaml');
    const text = doc.getText();
    assert.match(
      text,
      /^# The Pod dbnd would submit for the driver \(environment kubernetes_cluster_env, engine your_kubernetes_engine\)\./,
    );
    assert.match(text, /^kind: Pod$/m);
    assert.match(text, /^ {2}namespace: databand$/m);
    assert.match(text, /serviceAccountName: databand/);
  });

  test('a task pod carries what its task_config adds', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, {
      mode: 'task',
      taskName: 'prepare_data',
      taskConfig: { kubernetes: { limit_memory: '3Gi' } },
    });
    const text = editor.document.getText();
    assert.match(editor.document.uri.path, /prepare_data-pod\.yaml$/);
    assert.match(text, /# The Pod dbnd would submit for task prepare_data/);
    assert.match(text, /limits:\n\s+memory: 3Gi/);
  });

  test('the document follows an unsaved edit of a project file', async () => {
    const { doc: cfg } = await openWorkspaceFile(SYSTEM_CFG());
    const pod = (await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' })).document;
    assert.match(pod.getText(), /namespace: databand$/m);
    await replaceLine(cfg, lineOf(cfg, 'namespace ='), 'namespace = team-a');
    await textOf(pod, (t) => /namespace: team-a$/m.test(t), 'the Pod spec to show the edited namespace');
  });

  test('when dbnd would fail, the document shows its error and links to the line that causes it', async () => {
    const { doc: cfg } = await openWorkspaceFile(SYSTEM_CFG());
    const pod = (await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' })).document;
    const broken = lineOf(cfg, 'docker_build =');
    await replaceLine(cfg, broken, 'docker_build = maybe');
    const text = await textOf(pod, (t) => t.startsWith('# dbnd would fail'), "the Pod spec to turn into dbnd's error");
    assert.match(text, /^# dbnd would fail at the engine stage, so it would submit no pod for the driver/);
    assert.match(text, /DatabandBuildError: Failed to calculate value from 'maybe' for parameter 'docker_build'/);
    assert.doesNotMatch(text, /kind: Pod/, 'no stale Pod under the error');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', pod.uri);
    const link = links.find((l) => l.target?.path === cfg.uri.path);
    assert.ok(link, `a link to databand-system.cfg among ${JSON.stringify(links.map((l) => l.target?.toString()))}`);
    assert.equal(link.target?.fragment, `L${broken + 1},1`);
    assert.match(pod.getText(link.range), new RegExp(`databand-system\\.cfg:${broken + 1}$`));
  });

  test('the Pod comes back once the file is fixed', async () => {
    const { doc: cfg } = await openWorkspaceFile(SYSTEM_CFG());
    const pod = (await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' })).document;
    await restore(cfg, committed());
    await textOf(
      pod,
      (t) => /^kind: Pod$/m.test(t) && /namespace: databand$/m.test(t),
      'the committed Pod to come back',
    );
  });

  test('from the palette, Enter at every question shows the driver pod', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const editor = await answerEveryQuestion(
      vscode.commands.executeCommand<vscode.TextEditor | undefined>(SHOW_POD_SPEC),
      'workbench.action.acceptSelectedQuickOpenItem',
    );
    assert.ok(editor, 'a document was shown');
    assert.match(editor.document.uri.path, /driver-pod\.yaml$/);
  });

  test('Escape at the first question cancels quietly: nothing opens, nothing fails', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'dbnd-pod').length;
    const result = await answerEveryQuestion(
      vscode.commands.executeCommand(SHOW_POD_SPEC),
      'workbench.action.closeQuickOpen',
    );
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'dbnd-pod').length, before);
  });
});
