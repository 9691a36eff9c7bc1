// A line half-typed in a real VS Code: `namesp` typed letter by letter on a new line of the sample's
// [your_kubernetes_engine] (a `_type = kubernetes` section). dbnd refuses the file until the line is finished,
// and the editor says so on that line; meanwhile the rest of the file reads as before: the hover on
// container_repository keeps its docs and effective value (it used to say the class is not modelled), the
// CodeLenses stay, and so do the other lines' warnings. Then every mid-edit state of issue 13, typed at the end
// of project.cfg as VS Code lets a user type it (its auto-closed brackets and quotes included): the other lines'
// findings, the hover, the definition, the CodeLenses and the outline stay those of the finished file, and a
// partial key's completion offers the keys of the section's class.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, untilAnswered, waitForDiagnostics } from './waitFor';
import { PROJECT_CFG, SYSTEM_CFG, lineOf, openWorkspaceFile, restore, restoresAfterSuite } from './workspaceFiles';

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

/** A mid-edit state, typed letter by letter (`\n` is Enter) on a new last line of project.cfg, whose last section
 *  is [your_kubernetes_engine]. VS Code closes brackets and quotes as they are typed, as it does for a user. */
interface TypedState {
  readonly name: string;
  readonly typed: string;
  /** The typed lines as VS Code leaves them, when its auto-closing changed them. */
  readonly reads?: string;
  /** Then, to reach the state (the `]` VS Code added to an unclosed header). */
  readonly then?: 'deleteRight';
  /** dbnd refuses the file: this code on the cursor's line. */
  readonly flagged?: string;
  /** A completion at the cursor offers these keys. */
  readonly offers?: readonly string[];
  /** The document's line endings are CRLF while the state is typed. */
  readonly crlf?: true;
}

const TYPED_STATES: readonly TypedState[] = [
  { name: 'a partial key', typed: 'image_pu', flagged: 'invalid-line', offers: ['image_pull_policy'] },
  { name: '`key =` with no value', typed: 'image_pull_policy =' },
  { name: 'a dict value being typed', typed: 'labels = {"team": ', reads: 'labels = {"team": }' },
  {
    name: 'an unclosed [section header',
    typed: '[my_eng',
    reads: '[my_eng',
    then: 'deleteRight',
    flagged: 'invalid-line',
  },
  { name: 'a stray indented line after a header', typed: '[extra]\n  stray', flagged: 'invalid-line' },
  {
    name: 'a value continuation being typed',
    typed: 'labels = {\n"team": "da',
    // Enter between the brackets indents the line and keeps `}` after the cursor (language-configuration.json).
    reads: 'labels = {\n    "team": "da"}',
  },
  { name: 'a duplicate key while retyping it', typed: 'keep_failed_pods = Fal', flagged: 'duplicate-key' },
  {
    name: 'a partial key in a section that is a Kubernetes engine through _from',
    typed: '[my_engine]\n_from = your_kubernetes_engine\nnamesp',
    flagged: 'invalid-line',
    offers: ['namespace', 'container_repository'],
  },
  {
    name: 'CRLF endings and a partial key',
    typed: 'namesp',
    crlf: true,
    flagged: 'invalid-line',
    offers: ['namespace'],
  },
];

/** The server's answers on project.cfg's finished lines, which a half-typed line below them must not change. */
async function answersOn(doc: vscode.TextDocument) {
  const hover = await hoverText(doc.uri, new vscode.Position(lineOf(doc, 'keep_failed_pods'), 3));
  const envValue = new vscode.Position(lineOf(doc, 'env ='), 10);
  const definition = await untilAnswered(
    () =>
      vscode.commands
        .executeCommand<
          (vscode.Location | vscode.LocationLink)[]
        >('vscode.executeDefinitionProvider', doc.uri, envValue)
        .then((ls) =>
          ls?.length
            ? ls.map((l) => {
                const uri = 'uri' in l ? l.uri : l.targetUri;
                const range = 'range' in l ? l.range : l.targetRange;
                return `${uri.path}:${range.start.line + 1}`;
              })
            : undefined,
        ),
    'the definition of env = kubernetes_cluster_env',
  );
  return { hover, definition, lenses: await lensesOf(doc), outline: await outlineOf(doc) };
}

/** The outline as `line name`, every level flattened: sections and their keys. */
async function outlineOf(doc: vscode.TextDocument): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
    'vscode.executeDocumentSymbolProvider',
    doc.uri,
  );
  const out: string[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]) => {
    for (const s of list) {
      out.push(`${s.selectionRange.start.line + 1} ${s.name}`);
      walk(s.children);
    }
  };
  walk(symbols ?? []);
  return out;
}

suite('mid-edit states typed in the editor', () => {
  const committed = restoresAfterSuite(PROJECT_CFG);

  test("each state keeps the hover, definition, CodeLenses, outline and the other lines' findings of the finished file", async function () {
    this.timeout(300_000);
    const { doc } = await openWorkspaceFile(PROJECT_CFG());
    const editor = await vscode.window.showTextDocument(doc);
    // The finished file has a finding of its own (an unknown key), which must stay while a line is typed below it;
    // .dbnd/databand-system.cfg has its three retry-delay warnings, which must stay too.
    const finishedText = committed() + 'no_such_key = 1\n';
    const typedFrom = finishedText.split('\n').length - 1;
    const setText = async (text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await setText(finishedText);
    const finished = await waitForDiagnostics(
      doc.uri,
      (ds) => describe(ds).join() === `${typedFrom} unknown-key`,
      'the unknown key of the finished project.cfg, alone',
    );
    const systemFindings = describe(
      await waitForDiagnostics(
        SYSTEM_CFG(),
        (ds) => ds.filter((d) => codeOf(d) === 'retry-delay-ignored').length === 3,
        "databand-system.cfg's three retry-delay-ignored warnings",
      ),
    );
    const baseline = await answersOn(doc);
    assert.match(baseline.hover, /Effective for \[your_kubernetes_engine\]/);
    assert.ok(baseline.lenses.length >= 2, 'the engine section has its lenses');
    assert.ok(baseline.outline.includes(`${typedFrom} no_such_key`), `the outline lists the keys: ${baseline.outline}`);

    for (const state of TYPED_STATES) {
      const what = `${state.name} (${JSON.stringify(state.typed)})`;
      if (state.crlf) await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.CRLF));
      editor.selection = new vscode.Selection(typedFrom, 0, typedFrom, 0);
      await typeLetters(state.typed);
      if (state.then) await vscode.commands.executeCommand(state.then);
      const typedText = doc.getText(new vscode.Range(typedFrom, 0, doc.lineCount, 0)).replace(/\r\n/g, '\n');
      assert.equal(typedText, state.reads ?? state.typed, `${what}: the typed lines`);
      const cursor = editor.selection.active;

      const now = state.flagged
        ? await waitForDiagnostics(
            doc.uri,
            (ds) => ds.some((d) => d.range.start.line === cursor.line && codeOf(d) === state.flagged),
            `${what}: ${state.flagged} on the typed line`,
          )
        : vscode.languages.getDiagnostics(doc.uri);
      assert.deepEqual(
        describe(now.filter((d) => d.range.start.line < typedFrom)),
        describe(finished),
        `${what}: the other lines' findings are those of the finished file`,
      );
      assert.deepEqual(
        describe(vscode.languages.getDiagnostics(SYSTEM_CFG())),
        systemFindings,
        `${what}: databand-system.cfg`,
      );
      // What the typed lines add (a section's lenses, a key or a section in the outline) is theirs: what is above
      // them stays as it was.
      const answers = await answersOn(doc);
      const above = (items: readonly string[]) => items.filter((l) => Number(l.split(' ')[0]) <= typedFrom);
      assert.deepEqual(
        { ...answers, lenses: above(answers.lenses), outline: above(answers.outline) },
        baseline,
        `${what}: hover, definition, CodeLenses and outline`,
      );
      if (state.offers) {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          cursor,
        );
        const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        for (const key of state.offers) assert.ok(labels.includes(key), `${what}: completion offers ${key}`);
      }

      // Back to the finished file (LF), and its diagnostics, before the next state is typed.
      await setText(finishedText);
      if (state.crlf) await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.LF));
      await waitForDiagnostics(
        doc.uri,
        (ds) => describe(ds).join() === describe(finished).join(),
        `${what}: the finished file's findings again`,
      );
    }
    await restore(doc, committed());
  });
});
