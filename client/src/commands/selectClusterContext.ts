// "Databand: Select Kubernetes Context": the kubeconfig context and namespace that runs and the Pods view of the
// active project's folder use. The first entry keeps dbnd's own choice (the engine's cluster_context, else the
// kubeconfig's current-context), so Enter changes nothing surprising; Escape changes nothing at all.
import * as vscode from 'vscode';
import { kubeconfigContexts } from '../cluster/clusterTarget';
import { refusedUntrusted } from '../cluster/trustGuard';
import { SELECT_CLUSTER_CONTEXT_COMMAND } from '../commandIds';
import type { DatabandCommand } from './command';
import { argsOf, type ProjectArgs } from './commandArgs';
import { resolveTarget } from './resolveTarget';

export const selectClusterContext: DatabandCommand = {
  id: SELECT_CLUSTER_CONTEXT_COMMAND,
  async run(context, ...rawArgs) {
    if (refusedUntrusted('selectContext', vscode.workspace.isTrusted, (m) => void vscode.window.showWarningMessage(m)))
      return undefined;
    const target = resolveTarget(context, argsOf<ProjectArgs>(rawArgs));
    if (!target) return undefined;
    const current = context.clusterTarget.get(target.project.key);
    const found = await kubeconfigContexts(process.env);
    if (found.error) void vscode.window.showWarningMessage(`Cannot read the kubeconfig: ${found.error}`);
    const dbndDefault = {
      label: '$(settings-gear) As dbnd does',
      description: "engine's cluster_context, else current-context",
      context: null as string | null,
    };
    const items = [
      dbndDefault,
      ...found.names.map((name) => ({
        label: name,
        description: name === found.current ? 'current-context' : '',
        context: name as string | null,
      })),
    ];
    const picker = await vscode.window.showQuickPick(
      items.map((i) => ({ ...i, picked: i.context === current.context })),
      { title: 'Kubernetes context for Databand runs', placeHolder: current.context ?? 'as dbnd does' },
    );
    if (!picker) return undefined;
    const namespace = await vscode.window.showInputBox({
      title: "Namespace (empty: the engine's namespace)",
      value: current.namespace ?? '',
      validateInput: (v) =>
        v === '' || /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v)
          ? undefined
          : 'A namespace is a DNS label: lower-case letters, digits and -',
    });
    if (namespace === undefined) return undefined;
    const choice = { context: picker.context, namespace: namespace === '' ? null : namespace };
    await context.clusterTarget.set(target.project.key, choice);
    return choice;
  },
};
