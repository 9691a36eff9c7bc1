// Completion and hover from the language server in a real VS Code, through the same provider commands the editor
// uses: the Kubernetes engine's keys on a new line of its section, the effective value of a key with the file and
// line it comes from (and which file beats a line), and a credential's value never shown in a hover.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { untilAnswered } from './waitFor';
import {
  PROJECT_CFG,
  SYSTEM_CFG,
  lineOf,
  openWorkspaceFile,
  replaceLine,
  restore,
  restoresAfterSuite,
} from './workspaceFiles';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The completion labels at `position`, once the server's provider answers with key items. */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await untilAnswered(
    () =>
      vscode.commands
        .executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)
        .then((l) => (l.items.length > 0 ? l : undefined)),
    `completion items at ${uri.path}:${position.line + 1}`,
  );
  return list.items.map(labelOf);
}

/** The hover text (all parts, markdown source) at `position`, once the server answers. */
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

suite('completion and hover from the language server', () => {
  const systemCommitted = restoresAfterSuite(SYSTEM_CFG);

  test('a new line of the Kubernetes engine section offers the engine keys it does not set yet', async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    // The blank line after `_type = kubernetes` belongs to [your_kubernetes_engine].
    const blank = lineOf(doc, '_type = kubernetes') + 1;
    assert.equal(doc.lineAt(blank).text, '', 'a blank line inside the engine section');
    const labels = await completionLabels(doc.uri, new vscode.Position(blank, 0));
    for (const key of ['limit_cpu', 'startup_timeout_seconds', 'node_selectors', 'tolerations', 'pod_yaml'])
      assert.ok(labels.includes(key), `${key} is offered among ${labels.join(', ')}`);
    for (const set of ['namespace', 'container_repository', '_type'])
      assert.ok(!labels.includes(set), `${set}, already set in the section, is not offered again`);
  });

  test('a hover on a key shows the effective value and the file and line it comes from', async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const line = lineOf(doc, 'namespace =');
    const text = await hoverText(doc.uri, new vscode.Position(line, 2));
    assert.match(text, /\*\*namespace\*\*/);
    assert.match(
      text,
      new RegExp(
        // Relative to the project root, a link to the file's line (VS Code's `#L` fragment).
        `\\*\\*Effective for \\[your_kubernetes_engine\\]:\\*\\* \`databand\` from \\[\\.dbnd/databand-system\\.cfg:${line + 1}\\]\\(file://\\S*/\\.dbnd/databand-system\\.cfg#L${line + 1}\\)`,
      ),
    );
    assert.doesNotMatch(text, /This line is overridden/);
  });

  test('a line that a later file beats says so and names the line that wins', async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const project = await vscode.workspace.openTextDocument(PROJECT_CFG());
    const winning = lineOf(project, 'keep_failed_pods =');
    // An unsaved edit: project.cfg (read after databand-system.cfg) sets keep_failed_pods = True.
    const line = lineOf(doc, 'service_account_name =');
    await replaceLine(doc, line, 'service_account_name = databand\nkeep_failed_pods = False');
    const text = await untilAnswered(
      () => hoverText(doc.uri, new vscode.Position(line + 1, 2)).then((t) => /keep_failed_pods/.test(t) && t),
      'the hover of the inserted line',
    );
    assert.match(
      text,
      new RegExp(`\`True\` from \\[project\\.cfg:${winning + 1}\\]\\(file://\\S*/project\\.cfg#L${winning + 1}\\)`),
    );
    assert.match(text, /\*\*This line is overridden:\*\*/);
    await restore(doc, systemCommitted());
  });

  test("a credential's value never appears in a hover, on its key or on its value", async () => {
    const { doc } = await openWorkspaceFile(SYSTEM_CFG());
    const secret = 'dbnd-s3cr3t-t0ken-4711';
    const line = lineOf(doc, 'databand_url =');
    await replaceLine(doc, line, `databand_url = https://databand.example.com\ndataband_access_token = ${secret}`);
    const tokenLine = line + 1;
    for (const character of [2, 'databand_access_token = '.length + 3]) {
      const text = await untilAnswered(
        () =>
          hoverText(doc.uri, new vscode.Position(tokenLine, character)).then(
            (t) => /databand_access_token/.test(t) && t,
          ),
        'the hover of the token line',
      );
      assert.match(text, /Effective for \[core\]:\*\* `\(hidden: may be a credential\)`/);
      assert.ok(!text.includes(secret), `the token is not in the hover: ${text}`);
      assert.ok(!text.includes('s3cr3t'), 'not even part of it');
    }
    // `secrets` names Kubernetes secrets and their keys, never values: the hover lists just those names.
    const secretsText = await hoverText(doc.uri, new vscode.Position(lineOf(doc, 'secrets ='), 2));
    assert.match(secretsText, /secrets databand-secret\/airflow_sql_alchemy_conn, databand-secret\/airflow_fernet_key/);
    await restore(doc, systemCommitted());
  });
});
