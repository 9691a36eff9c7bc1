// "Databand: Select Environment" and the status bar item in a real VS Code: the item shows dbnd's default
// environment of the active file's project, the picker lists `[run] environments` with their engines (Kubernetes
// marked), the choice is remembered for the folder and drives the Pod spec.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { DatabandApi } from '../../client/src/extension';
import { waitForEvent } from './waitFor';
import { SYSTEM_CFG, openWorkspaceFile } from './workspaceFiles';

const SELECT_ENVIRONMENT = 'databand.selectEnvironment';

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

    // The Pod spec now uses the selected environment, whose engine builds no pod.
    const pod = await vscode.commands.executeCommand<vscode.TextEditor>('databand.showPodSpec', { mode: 'driver' });
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
