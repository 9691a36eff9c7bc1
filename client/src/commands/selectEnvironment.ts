// "Databand: Select Environment": pick the dbnd environment of the active project's folder from its
// `[run] environments`, each with the engine it uses and Kubernetes ones marked. The current choice is the
// active item, so Enter keeps it; Escape changes nothing. Remembered per workspace folder.
import * as vscode from 'vscode';
import { EnvironmentsRequest, type EnvironmentInfo, type EnvironmentsResult } from '../../../protocol/customRequests';
import { SELECT_ENVIRONMENT_COMMAND } from '../commandIds';
import type { DatabandCommand } from './command';
import { argsOf, type ProjectArgs } from './commandArgs';
import { resolveTarget } from './resolveTarget';

export interface EnvironmentItem extends vscode.QuickPickItem {
  readonly env: string;
}

function engineText(e: EnvironmentInfo): string {
  if (e.error) return `cannot be used: ${e.error.type}: ${e.error.message.split('\n')[0]}`;
  if (!e.engine) return 'no engine';
  return `${e.kubernetes ? 'Kubernetes' : (e.engineClass ?? 'engine')}: ${e.engine}`;
}

export function environmentItems(result: EnvironmentsResult, selected: string | undefined): EnvironmentItem[] {
  return result.environments.map((e) => ({
    env: e.name,
    label: `${e.kubernetes ? '$(cloud) ' : '$(vm) '}${e.name}`,
    description: [
      e.name === result.defaultEnv ? "dbnd's default ([databand] env)" : '',
      e.name === selected ? 'selected' : '',
    ]
      .filter(Boolean)
      .join(', '),
    detail: engineText(e),
  }));
}

/** Hook for the extension's tests: the picker as it is shown. */
export const pickerShown = new vscode.EventEmitter<vscode.QuickPick<EnvironmentItem>>();

const SELECT_TEXTS = {
  title: 'Select the dbnd environment',
  placeholder: 'The environment `dbnd run` uses (its --env), for the Pod spec and the effective config',
};

/** Shows a picker of environments (`active` is the item Enter takes); undefined when it is dismissed. */
export function pickEnvironment(
  items: EnvironmentItem[],
  active: string,
  texts: { readonly title: string; readonly placeholder: string } = SELECT_TEXTS,
): Promise<EnvironmentItem | undefined> {
  const picker = vscode.window.createQuickPick<EnvironmentItem>();
  picker.title = texts.title;
  picker.placeholder = texts.placeholder;
  picker.matchOnDetail = true;
  picker.items = items;
  picker.activeItems = items.filter((i) => i.env === active);
  return new Promise((resolve) => {
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0] ?? picker.activeItems[0]);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
    pickerShown.fire(picker);
  });
}

export const selectEnvironment: DatabandCommand = {
  id: SELECT_ENVIRONMENT_COMMAND,
  async run(context, ...rawArgs) {
    const args = argsOf<ProjectArgs>(rawArgs);
    const target = resolveTarget(context, args);
    if (!target) return undefined;
    if (args.env) {
      await context.environments.set(target.project.key, args.env);
      return args.env;
    }
    const result = await context.server.request(EnvironmentsRequest.type, { uri: target.project.uri.toString() });
    if (result.error) {
      void vscode.window.showErrorMessage(
        `dbnd cannot read this project's configuration: ${result.error.message.split('\n')[0]}`,
      );
      return undefined;
    }
    if (result.environments.length === 0) {
      void vscode.window.showInformationMessage('This project lists no environments in [run] environments.');
      return undefined;
    }
    const picked = await pickEnvironment(environmentItems(result, target.env), target.env ?? result.defaultEnv);
    if (!picked) return undefined;
    await context.environments.set(target.project.key, picked.env);
    return picked.env;
  },
};
