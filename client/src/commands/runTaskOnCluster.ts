// "Databand: Run Task on Cluster": pick a Kubernetes environment (the selected one first), check at once that its
// cluster can be used (kubeconfig context and API server; Select Kubernetes Context / Retry when not), then a
// task (history and the dbnd tasks of the workspace's Python files) and optional --set overrides; save the
// project's dbnd files (a run reads the disk, as dbnd does); ask the language server for the run
// `dbnd run TASK --env ENV --interactive` would make (dbnd/prepareClusterRun: the server prepares it from the
// saved files; dbnd's error links to its line);
// show it and, on confirmation (a server-side dry run offered first), submit it once, stream its log into the
// run's output channel and clean up. Needs a trusted workspace: it runs code on a cluster with the user's
// credentials. Every prompt has a default, so Enter goes through; Escape anywhere cancels quietly.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import {
  EnvironmentsRequest,
  PrepareClusterRunRequest,
  type ClusterRunPlan,
  type PrepareClusterRunResult,
} from '../../../protocol/customRequests';
import { dryRunPod, openCluster } from '../../../server/src/runIo';
import type { KubeconfigSettings } from '../cluster/clusterCheck';
import { clusterUsable } from '../cluster/clusterCheckPrompt';
import { openRunLog, runPlan, type FinishedRun } from '../cluster/clusterRunner';
import { buildRunImage } from '../cluster/imageBuildProgress';
import { fromProtocolLocation, placeText } from '../views/viewText';
import { findPythonTasks } from '../cluster/pythonTasks';
import { runEndNotice } from '../cluster/runEndNotice';
import { RETRY, runFailureNotice, SELECT_CONTEXT, SHOW_OUTPUT } from '../cluster/runFailureNotice';
import { setArguments, setValueError } from '../cluster/setValues';
import { refusedUntrusted } from '../cluster/trustGuard';
import { RUN_TASK_ON_CLUSTER_COMMAND, SELECT_CLUSTER_CONTEXT_COMMAND } from '../commandIds';
import { LANGUAGE_ID } from '../languageClient';
import type { CommandContext, DatabandCommand } from './command';
import { argsOf, type ProjectArgs } from './commandArgs';
import { resolveTarget, type Target } from './resolveTarget';

export interface RunTaskArgs extends ProjectArgs {
  readonly task?: string;
  /** `--set` values, `S.K=V` each. */
  readonly set?: readonly string[];
  /** The folder `dbnd run` starts in (DBND_HOME is found from it); default: the project's workspace folder. */
  readonly folder?: string;
  /** Skip the confirmation: 'submit' (tests, scripted callers). */
  readonly confirm?: 'submit';
}

const TASK_HISTORY_KEY = 'databand.run.taskHistory';
const SET_HISTORY_KEY = 'databand.run.lastSetValues';

function envOfProcess(folder: vscode.Uri): NodeJS.ProcessEnv {
  const extra = vscode.workspace
    .getConfiguration('databand', folder)
    .get<Record<string, string>>('environmentVariables', {});
  return { ...process.env, ...extra };
}

async function pickEnvironment(
  context: CommandContext,
  uri: vscode.Uri,
  preferred: string | undefined,
): Promise<string | undefined> {
  const result = await context.server.request(EnvironmentsRequest.type, { uri: uri.toString() });
  const k8s = result.environments.filter((e) => e.kubernetes);
  if (k8s.length === 0) {
    void vscode.window.showWarningMessage(
      'No environment of [run] environments runs on Kubernetes. Add one whose remote_engine is a section with _type = kubernetes.',
    );
    return undefined;
  }
  const first = preferred ?? result.defaultEnv;
  const items = k8s
    .map((e) => ({
      label: e.name,
      description: `engine ${e.engine ?? '?'}${e.name === first ? ' (selected)' : ''}`,
      env: e.name,
    }))
    .sort((a, b) => Number(b.env === first) - Number(a.env === first));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Run Task on Cluster (1/3): environment',
    placeHolder: 'dbnd run --env',
  });
  return picked?.env;
}

async function pickTask(
  context: CommandContext,
  folder: vscode.WorkspaceFolder | undefined,
): Promise<string | undefined> {
  const history = context.workspaceState.get<string[]>(TASK_HISTORY_KEY, []);
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem>();
  picker.title = 'Run Task on Cluster (2/3): task';
  picker.placeholder = 'The task dbnd runs: a name from the list, or type one (module.function works too)';
  picker.busy = true;
  const fromHistory = history.map((label) => ({ label, description: 'recent' }));
  picker.items = fromHistory;
  const found = findPythonTasks(folder).then((names) => {
    picker.items = [
      ...fromHistory,
      ...names.filter((n) => !history.includes(n)).map((label) => ({ label, description: 'found in Python files' })),
    ];
    picker.busy = false;
  });
  return new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => {
      resolve((picker.selectedItems[0]?.label ?? picker.value).trim() || undefined);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
    void found;
  });
}

async function askSet(context: CommandContext): Promise<string[] | undefined> {
  // One value per input, as `dbnd run --set` takes one per flag: a value keeps its spaces, quotes and JSON.
  const last = context.workspaceState.get<unknown>(SET_HISTORY_KEY);
  const previous = Array.isArray(last) ? last.filter((v): v is string => typeof v === 'string') : [];
  const entries: string[] = [];
  for (;;) {
    const text = await vscode.window.showInputBox({
      title: `Run Task on Cluster (3/3): --set override ${entries.length + 1} (optional)`,
      prompt:
        'One SECTION.KEY=VALUE, as dbnd run --set takes it (spaces, quotes and JSON stay in the value); empty to finish',
      value: previous[entries.length] ?? '',
      validateInput: setValueError,
    });
    if (text === undefined) return undefined;
    if (text.trim() === '') break;
    entries.push(text);
  }
  const set = setArguments(entries);
  await context.workspaceState.update(SET_HISTORY_KEY, set);
  return set;
}

async function confirmSubmit(plan: ClusterRunPlan, processEnv: NodeJS.ProcessEnv): Promise<boolean> {
  const pod = plan.pod;
  for (;;) {
    const where = `${plan.kubeconfig.context ?? plan.kubeconfig.clusterContext ?? 'the current context'}, namespace ${plan.kubeconfig.namespace}`;
    const choice = await vscode.window.showInformationMessage(
      `Submit pod ${pod.metadata.name} (env ${plan.envName}, engine ${plan.engineName}) to ${where}?`,
      { modal: true },
      'Submit',
      'Dry Run First',
      'Show Pod',
    );
    if (choice === 'Submit') return true;
    if (choice === 'Show Pod') {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: stringify(pod) });
      await vscode.window.showTextDocument(doc, { preview: true });
      continue;
    }
    if (choice === 'Dry Run First') {
      try {
        const api = await openCluster({ ...plan.kubeconfig, env: processEnv });
        await dryRunPod(api, pod);
        const next = await vscode.window.showInformationMessage(
          'The API server accepted the pod (dryRun=All; nothing was created).',
          { modal: true },
          'Submit',
        );
        return next === 'Submit';
      } catch (err) {
        void vscode.window.showErrorMessage(`Dry run refused: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    }
    return false;
  }
}

/** dbnd's error (with a button that opens the line that causes it), or why no pod would be submitted. */
function showPrepareFailure(result: PrepareClusterRunResult): void {
  const error = result.error;
  if (!error) {
    void vscode.window.showErrorMessage(`dbnd would submit no pod: ${result.noPod ?? 'no pod was rendered'}`);
    return;
  }
  const location = error.location ? fromProtocolLocation(error.location) : undefined;
  const where = location ? ` (${placeText(location)})` : '';
  const open = location ? [`Open ${placeText(location)}`] : [];
  void vscode.window
    .showErrorMessage(`dbnd would fail at the ${error.stage} stage: ${error.type}: ${error.message}${where}`, ...open)
    .then((choice) => {
      if (choice && location) void vscode.window.showTextDocument(location.uri, { selection: location.range });
    });
}

/**
 * The kubeconfig settings the run of `env` would use: the server prepares the run from the saved files, as it will
 * for the real run (the task does not change them), with the project's context choice. Undefined when dbnd would
 * fail or submit no pod: the run's own preparation then says why, in dbnd's words.
 */
async function runKubeconfig(
  context: CommandContext,
  target: Target,
  folder: string,
  env: string,
): Promise<KubeconfigSettings | undefined> {
  const choice = context.clusterTarget.get(target.project.key);
  const prepared = await context.server.request(PrepareClusterRunRequest.type, {
    uri: vscode.Uri.file(folder).toString(),
    env,
    task: 'databand_cluster_check',
    set: [],
    context: choice.context ?? null,
    namespace: choice.namespace ?? null,
  });
  return prepared.plan?.kubeconfig;
}

/** The buttons of a run's closing notification, whatever shows them: another context, the same run again, logs. */
function onRunAction(choice: string | undefined, target: Target, again: RunTaskArgs, log?: FinishedRun['log']): void {
  if (choice === SELECT_CONTEXT)
    void vscode.commands.executeCommand(SELECT_CLUSTER_CONTEXT_COMMAND, { uri: target.project.uri.toString() });
  if (choice === RETRY) void vscode.commands.executeCommand(RUN_TASK_ON_CLUSTER_COMMAND, again);
  if (choice === 'Open Full Log' && log) void vscode.window.showTextDocument(vscode.Uri.file(log.filePath));
  if (choice === SHOW_OUTPUT) log?.channel.show(true);
}

async function saveProjectDocuments(folder: string): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter(
    (d) => d.isDirty && d.languageId === LANGUAGE_ID && d.uri.fsPath.startsWith(folder),
  );
  await Promise.all(dirty.map((d) => d.save()));
}

export const runTaskOnCluster: DatabandCommand = {
  id: RUN_TASK_ON_CLUSTER_COMMAND,
  async run(context, ...rawArgs): Promise<FinishedRun | undefined> {
    if (refusedUntrusted('run', vscode.workspace.isTrusted, (m) => void vscode.window.showWarningMessage(m)))
      return undefined;
    const args = argsOf<RunTaskArgs>(rawArgs);
    const target = resolveTarget(context, args);
    if (!target) return undefined;
    const wsFolder = vscode.workspace.getWorkspaceFolder(target.project.uri);
    const folder = args.folder ?? wsFolder?.uri.fsPath ?? dirname(target.project.uri.fsPath);
    const env = args.env ?? (await pickEnvironment(context, target.project.uri, target.env));
    if (!env) return undefined;
    const processEnv = envOfProcess(vscode.Uri.file(folder));
    const usable = await clusterUsable({
      env,
      processEnv,
      settings: () => runKubeconfig(context, target, folder, env),
      selectContext: () =>
        vscode.commands.executeCommand(SELECT_CLUSTER_CONTEXT_COMMAND, { uri: target.project.uri.toString() }),
    });
    if (!usable) return undefined;
    const task = args.task ?? (await pickTask(context, wsFolder));
    if (!task) return undefined;
    const set = args.set ? [...args.set] : await askSet(context);
    if (!set) return undefined;
    const history = context.workspaceState.get<string[]>(TASK_HISTORY_KEY, []);
    await context.workspaceState.update(TASK_HISTORY_KEY, [task, ...history.filter((t) => t !== task)].slice(0, 20));

    await saveProjectDocuments(folder);
    const choice = context.clusterTarget.get(target.project.key);
    const prepare = (extraSet: readonly string[]) =>
      context.server.request(PrepareClusterRunRequest.type, {
        uri: vscode.Uri.file(folder).toString(),
        env,
        task,
        set: [...set, ...extraSet],
        context: choice.context ?? null,
        namespace: choice.namespace ?? null,
      });
    const prepared = await prepare([]);
    const plan = prepared.plan;
    if (!plan) {
      showPrepareFailure(prepared);
      return undefined;
    }
    if (args.confirm !== 'submit' && !(await confirmSubmit(plan, processEnv))) return undefined;
    // dbnd builds and pushes the image first when container_tag is empty and docker_build is on.
    const buildLog = plan.imageBuild ? openRunLog(plan, task, context.logDir) : undefined;
    if (buildLog && !(await buildRunImage(plan, { folder, processEnv, log: buildLog }))) return undefined;
    // Retry runs the same run again (the answers kept, the confirmation asked again as the user had it).
    const again: RunTaskArgs = { ...args, uri: target.project.uri.toString(), folder, env, task, set };
    try {
      const finished = await runPlan(plan, { task, processEnv, logDir: context.logDir, log: buildLog });
      const { result, log } = finished;
      const notice = runEndNotice(`${task} on ${env}`, result);
      const buttons = [...notice.actions, ...(log.didSpill ? ['Open Full Log', SHOW_OUTPUT] : [SHOW_OUTPUT])];
      const show =
        notice.severity === 'information' ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(notice.message, ...buttons).then((c) => onRunAction(c, target, again, log));
      return finished;
    } catch (err) {
      const notice = runFailureNotice(`${task} on ${env}`, err);
      const show = notice.cancelled ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
      void show(notice.message, ...notice.actions).then((c) =>
        c === SHOW_OUTPUT ? notice.showOutput?.() : onRunAction(c, target, again),
      );
      return undefined;
    }
  },
};
