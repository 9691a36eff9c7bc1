// A line half-typed in a real VS Code: `namesp` typed letter by letter on a new line of the sample's
// [your_kubernetes_engine] (a `_type = kubernetes` section). dbnd refuses the file until the line is finished,
// and the editor says so on that line; meanwhile the rest of the file reads as before: the hover on
// container_repository keeps its docs and effective value (it used to say the class is not modelled), the
// CodeLenses stay, and so do the other lines' warnings.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, untilAnswered, waitForDiagnostics } from './waitFor';
import { SYSTEM_CFG, lineOf, openWorkspaceFile, restore, restoresAfterSuite } from './workspaceFiles';

/** Types `text` letter by letter at the cursor of the active editor, as the keyboard does. */
async function typeLetters(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

/** `line code` of each diagnostic, sorted, to compare sets of findings. */
function describe(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();
}

/** Each lens as `line title`: where VS Code shows it and what it says. */
async function lensesOf(doc: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return (lenses ?? []).map((l) => `${l.range.start.line + 1} ${l.command?.title}`).sort();
}

/** The server's first hover at `position` (all parts, markdown source). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return untilAnswered(
    () =>
      vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position).then((hovers) =>
        hovers
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n'),
      ),
    `a hover at ${uri.path}:${position.line + 1}`,
  );
}

suite('a half-typed line in the editor', () => {
  const committed = restoresAfterSuite(SYSTEM_CFG);

  test('while `namesp` is typed, the hover on container_repository, the CodeLenses and the warnings stay', async function () {
    // The first suite to open a file may wait for the server's first analysis on a loaded machine.
    this.timeout(180_000);
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const editor = await vscode.window.showTextDocument(doc);
    // The finished file: dbnd's warnings on the retry delays of pod_error_cfg_source_dict, and its lenses.
    const finished = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((d) => codeOf(d) === 'retry-delay-ignored').length === 3,
      "the sample's three retry-delay-ignored warnings",
    );
    const lensesBefore = await untilAnswered(
      () => lensesOf(doc).then((l) => (l.length > 0 ? l : undefined)),
      'the CodeLenses of the finished file',
    );

    const blank = lineOf(doc, '_type = kubernetes') + 1;
    assert.equal(doc.lineAt(blank).text, '', 'a blank line inside the engine section');
    editor.selection = new vscode.Selection(blank, 0, blank, 0);
    await vscode.commands.executeCommand('editor.action.insertLineAfter');
    const typed = editor.selection.active.line;
    await typeLetters('namesp');
    assert.equal(doc.lineAt(typed).text, 'namesp');

    // The half-typed line is flagged: dbnd (configparser) refuses a line that is neither a header nor a key.
    const halfTyped = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => d.range.start.line === typed && codeOf(d) === 'invalid-line'),
      'the invalid-line error on the half-typed line',
    );
    const shifted = (ds: readonly vscode.Diagnostic[]) =>
      describe(ds)
        .map((d) => {
          const [line, code] = d.split(' ');
          return `${Number(line) > typed ? Number(line) + 1 : line} ${code}`;
        })
        .sort();
    assert.deepEqual(
      describe(halfTyped.filter((d) => d.range.start.line !== typed)),
      shifted(finished),
      "the other lines' findings are those of the finished file",
    );

    const repository = lineOf(doc, 'container_repository =');
    const text = await hoverText(doc.uri, new vscode.Position(repository, 3));
    assert.match(text, /\*\*container_repository\*\*/, 'the key docs');
    assert.match(
      text,
      new RegExp(
        `\\*\\*Effective for \\[your_kubernetes_engine\\]:\\*\\* \`databand_examples\` from \\S*\\.dbnd/databand-system\\.cfg:${repository + 1}\\b`,
      ),
    );
    assert.doesNotMatch(text, /not modelled/);

    const lensesAfter = await lensesOf(doc);
    assert.deepEqual(
      lensesAfter,
      lensesBefore
        .map((l) => {
          const [line, ...title] = l.split(' ');
          return `${Number(line) > typed ? Number(line) + 1 : line} ${title.join(' ')}`;
        })
        .sort(),
      'the CodeLenses of the finished file, at the same headers',
    );
    await restore(doc, committed());
  });
});
