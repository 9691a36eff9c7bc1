// The sample project (test/workspace) as the extension's suites use it: its files, edits made as typing would
// make them, and putting the files back afterwards so every suite starts from the committed text.
import * as assert from 'node:assert/strict';
import { suiteSetup, suiteTeardown } from 'mocha';
import * as vscode from 'vscode';
import type { DatabandApi } from '../../client/src/extension';

export const EXTENSION_ID = 'databand-vscode.databand-vscode';

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with test/workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export const SYSTEM_CFG = () => workspaceFile('.dbnd', 'databand-system.cfg');
export const PROJECT_CFG = () => workspaceFile('project.cfg');

/** Opens a workspace file in an editor and returns the extension's API once it is active. */
export async function openWorkspaceFile(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; api: DatabandApi }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const extension = vscode.extensions.getExtension<DatabandApi>(EXTENSION_ID);
  assert.ok(extension);
  // Activation follows onLanguage:dbnd-cfg; activate() resolves with the API once activation has finished.
  const api = await extension.activate();
  return { doc, api };
}

/** The 0-based line of the first line starting with `prefix`. */
export function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  assert.fail(`no line starting with ${prefix} in ${doc.uri.toString()}`);
}

/** Replaces line `line` with `text`, as typing would (the document becomes dirty; nothing is saved). */
export async function replaceLine(doc: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, doc.lineAt(line).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

/**
 * Edits stay unsaved: the browser workbench saves after a delay by default (desktop VS Code does not), which
 * would write test edits into test/workspace. Call in suiteSetup of every suite that edits workspace files.
 */
export async function keepEditsUnsaved(): Promise<void> {
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
}

/** The committed text of a workspace file, read before a suite edits it. */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Puts back `text` (read with diskText before the edits) and saves, so later suites see the committed project. */
export async function restore(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text && !doc.isDirty) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await doc.save();
}

/** The open read-only document of `scheme` whose tab path ends with `suffix`. */
export function openView(scheme: string, suffix: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === scheme && d.uri.path.endsWith(suffix));
}

/**
 * For a suite that edits `file` (call it inside the suite): edits stay unsaved, and the committed text, read before
 * the suite's tests, is put back after them. Returns a getter of that text.
 */
export function restoresAfterSuite(file: () => vscode.Uri): () => string {
  let committed = '';
  suiteSetup(async () => {
    await keepEditsUnsaved();
    committed = await diskText(file());
  });
  suiteTeardown(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file().toString());
    if (doc) await restore(doc, committed);
  });
  return () => committed;
}
