// Completion as a user meets it in a real VS Code: the letters are typed into the editor (the `type` command the
// keyboard uses, so VS Code's quick suggestions ask the server after each letter, on a line that does not parse
// yet), the suggestion VS Code selects is accepted as Enter accepts it, and the resulting line is read back; then
// the value list the accepted key opens by itself, and no snippet of ours among the values.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { untilAnswered } from './waitFor';
import { SYSTEM_CFG, lineOf, openWorkspaceFile, restore, restoresAfterSuite } from './workspaceFiles';

/** Types `text` letter by letter at the cursor of the active editor, as the keyboard does. */
async function typeLetters(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/**
 * Presses Enter on the suggest widget (`acceptSelectedSuggestion`) until the cursor's line reads `expected`: the
 * widget shows once the server has answered, and accepting before that does nothing, so each try re-checks the line.
 */
async function acceptUntil(editor: vscode.TextEditor, expected: string): Promise<void> {
  const line = () => editor.document.lineAt(editor.selection.active.line).text;
  await untilAnswered(
    () => vscode.commands.executeCommand('acceptSelectedSuggestion').then(() => line() === expected || undefined),
    `the suggest widget to turn the line into ${JSON.stringify(expected)} (it reads ${JSON.stringify(line())})`,
  );
}

/** Opens the sample system file with the cursor on a new empty line after `[your_kubernetes_engine]`'s `_type`. */
async function newLineInEngineSection(): Promise<vscode.TextEditor> {
  const { doc } = await openWorkspaceFile(SYSTEM_CFG());
  const editor = await vscode.window.showTextDocument(doc);
  const blank = lineOf(doc, '_type = kubernetes') + 1;
  assert.equal(doc.lineAt(blank).text, '', 'a blank line inside the engine section');
  editor.selection = new vscode.Selection(blank, 0, blank, 0);
  await vscode.commands.executeCommand('editor.action.insertLineAfter');
  return editor;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion while typing, in the editor', () => {
  const committed = restoresAfterSuite(SYSTEM_CFG);
  // The testbed turns VS Code's suggestions-while-typing off for the other suites; a user has them on (VS Code's
  // default), and they are what this suite is about.
  let quickSuggestions: unknown;
  suiteSetup(async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    quickSuggestions = editorConfig.inspect('quickSuggestions')?.globalValue;
    const userDefault = { other: 'on', comments: 'off', strings: 'off' };
    await editorConfig.update('quickSuggestions', userDefault, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('quickSuggestions', quickSuggestions, vscode.ConfigurationTarget.Global);
  });

  test('typing `image_pull_po` and Enter gives `image_pull_policy = `, whose values open by themselves', async function () {
    // The first suite to open a file may wait for the server's first analysis on a loaded machine.
    this.timeout(180_000);
    const editor = await newLineInEngineSection();
    await typeLetters('image_pull_po');
    await acceptUntil(editor, 'image_pull_policy = ');
    // The accepted key's command opened the value list; Enter takes its first value without any typing.
    await acceptUntil(editor, 'image_pull_policy = Always');
    await restore(editor.document, committed());
  });

  test('after `key = ` the values are offered and no snippet of ours is', async () => {
    const editor = await newLineInEngineSection();
    await typeLetters('keep_fin');
    await acceptUntil(editor, 'keep_finished_pods = ');
    const position = editor.selection.active;
    const list = await untilAnswered(
      () =>
        vscode.commands
          .executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position)
          .then((l) => (l.items.some((i) => labelOf(i) === 'True') ? l : undefined)),
      'the values of keep_finished_pods',
    );
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('False'), labels.join(', '));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.deepEqual(snippets, [], 'section and key snippets belong on a line of their own, not in a value');
    await typeLetters('Fa');
    await acceptUntil(editor, 'keep_finished_pods = False');
    await restore(editor.document, committed());
  });

  test('typing `"` inside a JSON value offers its keys, then the values of "type"; Enter takes them', async () => {
    const editor = await newLineInEngineSection();
    // VS Code closes the brackets and quotes as they are typed: the line reads `secrets = [{""}]` after the `"`,
    // which is the trigger character that asks the server.
    await typeLetters('secrets = [{"ty');
    await acceptUntil(editor, 'secrets = [{"type"}]');
    await typeLetters('": "vol');
    await acceptUntil(editor, 'secrets = [{"type": "volume"}]');
    await restore(editor.document, committed());
  });

  test('typing `[` on a new line and `dock`, then Enter, gives `[docker]`', async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineCount - 1;
    editor.selection = new vscode.Selection(end, doc.lineAt(end).text.length, end, doc.lineAt(end).text.length);
    await vscode.commands.executeCommand('editor.action.insertLineAfter');
    await typeLetters('[dock');
    await acceptUntil(editor, '[docker]');
    await restore(editor.document, committed());
  });
});
