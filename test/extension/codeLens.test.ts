// The CodeLenses above environment and engine sections in a real VS Code: where they are and what they say (the
// commands they run are the ones the Pod spec and effective config suites test).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { SYSTEM_CFG, lineOf, openWorkspaceFile } from './workspaceFiles';

/** The lenses VS Code shows: openWorkspaceFile waits for activation, which waits for the server to run. */
async function lensesOf(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
}

suite('CodeLens above environment and engine sections', () => {
  test('"Show Pod spec" and "Show effective config" above [kubernetes_cluster_env] and [your_kubernetes_engine]', async function () {
    // The first lenses wait for the project's analysis, which a loaded machine may take a while to build.
    this.timeout(180_000);
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const lenses = await lensesOf(doc);
    const at = (line: number) => lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title);
    assert.deepEqual(at(lineOf(doc, '[kubernetes_cluster_env]')), ['Show Pod spec', 'Show effective config']);
    assert.deepEqual(at(lineOf(doc, '[your_kubernetes_engine]')), ['Show Pod spec', 'Show effective config']);
    assert.deepEqual(at(lineOf(doc, '[core]')), [], 'no lens on a settings section');
  });
});
