// "Databand: Add Kubernetes Engine" in a real VS Code: the section it appends to the active dbnd file, written as
// dbnd reads it, lints clean through the language server (which does report a bad value on those lines), the
// palette route where Enter takes every default, and Escape cancelling quietly.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { answerEveryQuestion } from './quickInputs';
import { untilAnswered, waitForDiagnostics } from './waitFor';
import { PROJECT_CFG, lineOf, openWorkspaceFile, replaceLine, restore, restoresAfterSuite } from './workspaceFiles';

const ADD_KUBERNETES_ENGINE = 'databand.addKubernetesEngine';

interface Added {
  readonly name: string;
  readonly line: number;
}

/** The diagnostics of `doc` on lines `from` and below. */
const below = (from: number) => (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.range.start.line >= from);

suite('Databand: Add Kubernetes Engine', () => {
  const committedText = restoresAfterSuite(PROJECT_CFG);

  test('the section it appends is the one asked for and lints clean through the server', async function () {
    // Five waits on the server in a row: on a loaded 2-core host they outlast mocha's default 60 s together.
    this.timeout(180_000);
    const { doc } = await openWorkspaceFile(PROJECT_CFG());
    const added = await vscode.commands.executeCommand<Added>(ADD_KUBERNETES_ENGINE, {
      name: 'gke_engine',
      namespace: 'pipelines',
      containerRepository: 'eu.gcr.io/acme/pipelines%v2',
      clusterContext: 'gke_acme_europe-west1_main',
    });
    assert.deepEqual(added, { name: 'gke_engine', line: doc.lineCount - 10 });
    assert.equal(
      doc.getText(),
      `${committedText()}\n` +
        [
          '[gke_engine]',
          '_type = kubernetes',
          'cluster_context = gke_acme_europe-west1_main',
          'namespace = pipelines',
          // configparser interpolates `%`: a literal one is written doubled.
          'container_repository = eu.gcr.io/acme/pipelines%%v2',
          '# Empty: dbnd builds the image and pushes it to container_repository when a run is submitted.',
          'container_tag =',
          'docker_build = True',
          'docker_build_push = True',
          '',
        ].join('\n'),
    );
    // The server has read the new section once its hover knows the value, `%%` read back as one `%`.
    const repo = lineOf(doc, 'container_repository = eu.gcr.io');
    await untilAnswered(
      () =>
        vscode.commands
          .executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(repo, 2))
          .then((hs) =>
            hs.some((h) =>
              h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('`eu.gcr.io/acme/pipelines%v2`')),
            ),
          ),
      "the server's hover on the new container_repository",
    );
    // The server lints these lines: a bad value there is reported (a warning while no environment uses the
    // engine, as dbnd fails only when a run builds it) ...
    const build = lineOf(doc, 'docker_build = True');
    await replaceLine(doc, build, 'docker_build = maybe');
    await waitForDiagnostics(
      doc.uri,
      (ds) => below(added.line)(ds).some((d) => d.range.start.line === build && /docker_build/.test(d.message)),
      'a finding on the broken docker_build line',
    );
    // ... and the section as the command wrote it has no finding at all.
    await replaceLine(doc, build, 'docker_build = True');
    const clean = await waitForDiagnostics(
      doc.uri,
      (ds) => below(added.line)(ds).length === 0,
      'no finding in the added section',
    );
    assert.deepEqual(below(added.line)(clean), []);
    await restore(doc, committedText());
  });

  test('from the palette, Enter at every question takes the defaults', async () => {
    const { doc } = await openWorkspaceFile(PROJECT_CFG());
    const added = await answerEveryQuestion(
      vscode.commands.executeCommand<Added | undefined>(ADD_KUBERNETES_ENGINE),
      'workbench.action.acceptSelectedQuickOpenItem',
    );
    assert.ok(added, 'the section was added');
    assert.equal(added.name, 'kubernetes_engine');
    const text = doc.getText();
    assert.match(text, /\n\[kubernetes_engine\]\n_type = kubernetes\n/);
    assert.match(text, /\nnamespace = default\n/);
    assert.match(text, /\ncontainer_repository = workspace\n/, 'the workspace folder names the repository');
    await waitForDiagnostics(doc.uri, (ds) => below(added.line)(ds).length === 0, 'no finding in the added section');
    await restore(doc, committedText());
  });

  test('Escape at the first question cancels quietly: the file is unchanged', async () => {
    const { doc } = await openWorkspaceFile(PROJECT_CFG());
    const before = doc.getText();
    const result = await answerEveryQuestion(
      vscode.commands.executeCommand(ADD_KUBERNETES_ENGINE),
      'workbench.action.closeQuickOpen',
    );
    assert.equal(result, undefined);
    assert.equal(doc.getText(), before);
  });
});
