// The extension in a real VS Code: it activates on a dbnd file, the language server's diagnostics reach the editor
// and follow edits, and "Databand: Restart Language Server" brings back a working server.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, until, waitForDiagnostics, waitForEvent } from './waitFor';

const EXTENSION_ID = 'databand-vscode.databand-vscode';
const RESTART_SERVER_COMMAND = 'databand.restartServer';

function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with test/workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Replaces the whole text of an open document, as typing would. */
async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

const hasDuplicateSectionAt = (line: number) => (ds: readonly vscode.Diagnostic[]) =>
  ds.some(
    (d) =>
      codeOf(d) === 'duplicate-section' &&
      d.range.start.line === line &&
      d.severity === vscode.DiagnosticSeverity.Error,
  );

suite('activation and the language server', () => {
  test('a dbnd file of the workspace opens as dbnd-cfg and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded as the extension under development`);
    const doc = await vscode.workspace.openTextDocument(workspaceFile('project.cfg'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'dbnd-cfg');
    // Activation follows the language (onLanguage:dbnd-cfg) asynchronously and no event announces it. Calling
    // extension.activate() here would activate it anyway and prove nothing about the activation event.
    await until(() => extension.isActive, 'the extension to activate on a dbnd-cfg document');
  });

  test('the server reports dbnd errors and clears them when the text is fixed', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'dbnd-cfg', content: '[a]\nx = 1\n[a]\n' });
    await vscode.window.showTextDocument(doc);
    const [duplicate] = (
      await waitForDiagnostics(doc.uri, hasDuplicateSectionAt(2), 'a duplicate-section error on line 3')
    ).filter((d) => codeOf(d) === 'duplicate-section');
    assert.match(duplicate.message, /Section \[a\] is already defined on line 1/);

    await setText(doc, '[a]\nx = 1\n[b]\n');
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'the diagnostics to clear after the fix');
  });

  test('Restart Language Server gives a server that lints again', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'dbnd-cfg', content: '[a]\nx = 1\n' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
    // Only a running server can report this error: the text gets it after the restart has finished.
    await setText(doc, '[a]\nx = 1\n\n[a]\n');
    await waitForDiagnostics(doc.uri, hasDuplicateSectionAt(3), 'a duplicate-section error from the restarted server');
  });

  test('the restart command is contributed and registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(RESTART_SERVER_COMMAND));
    // waitForEvent is the helper the suite relies on: it must fail, not hang, when nothing happens.
    const never = new vscode.EventEmitter<void>();
    await assert.rejects(
      waitForEvent(never.event, () => undefined, 'nothing', 50),
      /timed out after 50 ms waiting for nothing/,
    );
    never.dispose();
  });
});
