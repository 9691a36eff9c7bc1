// "Databand: Select Environment" and the status bar item in a real VS Code: the item shows dbnd's default
// environment of the active file's project, the picker lists `[run] environments` with their engines (Kubernetes
// marked), the choice is remembered for the folder and drives the Pod spec: a selected environment that submits
// no pod makes Show Pod Spec offer the Kubernetes ones, and an open Pod document follows the selection.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { DatabandApi } from '../../client/src/extension';
import { waitForEvent } from './waitFor';
import { SYSTEM_CFG, openWorkspaceFile } from './workspaceFiles';

const SELECT_ENVIRONMENT = 'databand.selectEnvironment';
const SHOW_POD_SPEC = 'databand.showPodSpec';

/** The next environment picker the extension shows (Select Environment's, or Show Pod Spec's offer). */
function nextPicker(api: DatabandApi): Promise<vscode.QuickPick<vscode.QuickPickItem & { env: string }>> {
  return new Promise((resolve) => {
    const sub = api.onDidShowEnvironmentPicker((picker) => {
      sub.dispose();
      resolve(picker);
    });
  });
}

/** Waits until `doc`'s text satisfies `accept` (re-checked on every change of any document). */
function textOf(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string): Promise<string> {
  return waitForEvent(
    vscode.workspace.onDidChangeTextDocument,
    () => (accept(doc.getText()) ? doc.getText() : undefined),
    what,
  );
}

function statusText(api: DatabandApi, expected: string): Promise<string> {
  const item = api.environmentStatus.item;
  return waitForEvent(
    api.environmentStatus.onDidUpdate,
    () => (item.text.endsWith(expected) ? item.text : undefined),
    `the status item to show ${expected}`,
  );
}

suite('Databand: Select Environment and the status bar item', () => {
  suiteTeardown(async () => {
    // Back to dbnd's default, so other suites see the project's own [databand] env.
    await vscode.commands.executeCommand(SELECT_ENVIRONMENT, { env: 'kubernetes_cluster_env' });
  });

  test("the status item shows the project's default environment and opens the picker", async () => {
    const { api } = await openWorkspaceFile(SYSTEM_CFG());
    await statusText(api, 'kubernetes_cluster_env');
    const item = api.environmentStatus.item;
    assert.equal(item.command, SELECT_ENVIRONMENT);
    assert.match(String(item.tooltip), /Kubernetes your_kubernetes_engine/);
  });

  test('the picker lists [run] environments with their engines, Kubernetes marked; picking one is remembered', async () => {
    const { api } = await openWorkspaceFile(SYSTEM_CFG());
    const shown = new Promise<vscode.QuickPick<vscode.QuickPickItem & { env: string }>>((resolve) => {
      const sub = api.onDidShowEnvironmentPicker((picker) => {
        sub.dispose();
        resolve(picker);
      });
    });
    const picked = vscode.commands.executeCommand<string | undefined>(SELECT_ENVIRONMENT);
    const picker = await shown;
    assert.deepEqual(
      picker.items.map((i) => [i.env, i.label, i.detail]),
      [
        ['local', '$(vm) local', 'LocalMachineEngineConfig: local_machine_engine'],
        ['kubernetes_cluster_env', '$(cloud) kubernetes_cluster_env', 'Kubernetes: your_kubernetes_engine'],
      ],
    );
    assert.deepEqual(
      picker.activeItems.map((i) => i.env),
      ['kubernetes_cluster_env'],
      "dbnd's default is the active item, so Enter keeps it",
    );
    // Move up to `local` as a user would, and accept once the picker reports it active.
    const activeLocal = waitForEvent(
      picker.onDidChangeActive,
      () => (picker.activeItems[0]?.env === 'local' ? true : undefined),
      'local to become active',
    );
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious');
    await activeLocal;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picked, 'local');
    await statusText(api, 'local');

    // Asked for with no environment, the Pod spec would use the selected one, whose engine builds no pod: the
    // project's Kubernetes environments are offered instead, and the one picked becomes the selection.
    const offered = nextPicker(api);
    const opened = vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, { mode: 'driver' });
    const podPicker = await offered;
    assert.match(podPicker.placeholder ?? '', /^Environment 'local' submits no pod: its engine local_machine_engine/);
    assert.deepEqual(
      podPicker.items.map((i) => i.env),
      ['kubernetes_cluster_env'],
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const pod = (await opened).document;
    assert.match(pod.getText(), /^# The Pod dbnd would submit for the driver \(environment kubernetes_cluster_env,/);
    await statusText(api, 'kubernetes_cluster_env');

    // The open Pod document follows the environment picked in the status bar, both ways.
    await vscode.commands.executeCommand(SELECT_ENVIRONMENT, { env: 'local' });
    const noPod = await textOf(pod, (t) => t.startsWith('# No Pod'), 'the Pod document to follow local');
    assert.match(noPod, /^# No Pod for the driver \(environment local, engine local_machine_engine\)/);
    assert.match(noPod, /^# Kubernetes environments of this project: kubernetes_cluster_env \(select one/m);
    await vscode.commands.executeCommand(SELECT_ENVIRONMENT, { env: 'kubernetes_cluster_env' });
    await textOf(pod, (t) => /^kind: Pod$/m.test(t), 'the Pod document to follow kubernetes_cluster_env');
  });

  test('a Pod spec asked for a given environment that submits no pod says so, without a question', async () => {
    await openWorkspaceFile(SYSTEM_CFG());
    const pod = await vscode.commands.executeCommand<vscode.TextEditor>(SHOW_POD_SPEC, {
      mode: 'driver',
      env: 'local',
    });
    assert.match(pod.document.getText(), /^# No Pod for the driver \(environment local, engine local_machine_engine\)/);
  });

  test('Escape in the picker changes nothing', async () => {
    const { api } = await openWorkspaceFile(SYSTEM_CFG());
    await vscode.commands.executeCommand(SELECT_ENVIRONMENT, { env: 'kubernetes_cluster_env' });
    await statusText(api, 'kubernetes_cluster_env');
    const shown = new Promise<vscode.QuickPick<vscode.QuickPickItem>>((resolve) => {
      const sub = api.onDidShowEnvironmentPicker((picker) => {
        sub.dispose();
        resolve(picker);
      });
    });
    const picked = vscode.commands.executeCommand<string | undefined>(SELECT_ENVIRONMENT);
    (await shown).hide();
    assert.equal(await picked, undefined);
    assert.match(api.environmentStatus.item.text, /kubernetes_cluster_env$/);
  });
});
