// "Databand: Show Effective Pod Spec": the Pod dbnd would submit in the selected environment, as a read-only
// YAML document that follows the project's files and the environment selected in the status bar. When that
// environment submits no pod (dbnd's default `local`), the project's Kubernetes environments are offered. The driver pod unless a task pod is asked for; every
// question has a default (the driver, the last task name, the last task_config), so Enter goes through, and
// Escape at any question cancels quietly.
import * as vscode from 'vscode';
import type { JsonValue } from '../../../protocol/customRequests';
import { SHOW_POD_SPEC_COMMAND } from '../commandIds';
import type { CommandContext, DatabandCommand } from './command';
import { argsOf, type PodSpecArgs } from './commandArgs';
import { podEnvironment } from './podEnvironment';
import { resolveTarget } from './resolveTarget';

const LAST_TASK_NAME = 'databand.podSpec.lastTaskName';
const LAST_TASK_CONFIG = 'databand.podSpec.lastTaskConfig';

type TaskConfig = NonNullable<PodSpecArgs['taskConfig']>;

/** A task_config as `@task(task_config=...)` takes it: {section: {key: value}}; '' is none. */
export function parseTaskConfig(text: string): { value?: TaskConfig; error?: string } {
  if (text.trim() === '') return {};
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text) as JsonValue;
  } catch (err) {
    return { error: `Not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const isObject = (v: JsonValue): v is { [k: string]: JsonValue } =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(parsed) || !Object.values(parsed).every(isObject)) {
    return { error: 'task_config maps sections to {key: value} objects, e.g. {"kubernetes": {"limit_memory": "2Gi"}}' };
  }
  return { value: parsed as TaskConfig };
}

async function askWhichPod(context: CommandContext): Promise<PodSpecArgs | undefined> {
  const lastName = context.workspaceState.get<string>(LAST_TASK_NAME);
  const driver = {
    label: 'Driver pod',
    description: 'the pod `dbnd run` submits to run the driver',
    mode: 'driver' as const,
  };
  const task = { label: 'Task pod…', description: 'the pod of one task, with its task_config', mode: 'task' as const };
  const picked = await vscode.window.showQuickPick([driver, task], {
    title: 'Show Effective Pod Spec',
    placeHolder: 'Which pod?',
  });
  if (!picked) return undefined;
  if (picked.mode === 'driver') return { mode: 'driver' };
  const taskName = await vscode.window.showInputBox({
    title: 'Show Effective Pod Spec: task name',
    prompt: 'The task whose pod to show (its name also names the pod)',
    value: lastName ?? 'my_task',
    validateInput: (v) => (v.trim() === '' ? 'A task name is needed' : undefined),
  });
  if (taskName === undefined) return undefined;
  const configText = await vscode.window.showInputBox({
    title: 'Show Effective Pod Spec: task_config (optional)',
    prompt: 'What @task(task_config=...) adds, as JSON; empty for none',
    placeHolder: '{"kubernetes": {"limit_memory": "2Gi"}}',
    value: context.workspaceState.get<string>(LAST_TASK_CONFIG) ?? '',
    validateInput: (v) => parseTaskConfig(v).error,
  });
  if (configText === undefined) return undefined;
  await context.workspaceState.update(LAST_TASK_NAME, taskName.trim());
  await context.workspaceState.update(LAST_TASK_CONFIG, configText);
  const taskConfig = parseTaskConfig(configText).value;
  return { mode: 'task', taskName: taskName.trim(), ...(taskConfig ? { taskConfig } : {}) };
}

export const showPodSpec: DatabandCommand = {
  id: SHOW_POD_SPEC_COMMAND,
  async run(context, ...rawArgs) {
    const given = argsOf<PodSpecArgs>(rawArgs);
    const target = resolveTarget(context, given);
    if (!target) return undefined;
    // Without an environment given the document follows the selected one, and one that submits no pod is
    // replaced by a Kubernetes environment the user picks (podEnvironment.ts).
    const chosen = given.env || given.engine ? { env: target.env } : await podEnvironment(context, target);
    if (!chosen) return undefined; // cancelled
    const args = given.mode ? given : { ...given, ...(await askWhichPod(context)) };
    if (!args.mode) return undefined; // cancelled
    return context.views.showPodSpec({
      uri: target.project.uri.toString(),
      mode: args.mode,
      ...(given.env ? {} : { followsSelection: true }),
      ...(chosen.env ? { env: chosen.env } : {}),
      ...(args.engine ? { engine: args.engine } : {}),
      ...(args.taskName ? { taskName: args.taskName } : {}),
      ...(args.taskConfig ? { taskConfig: args.taskConfig } : {}),
    });
  },
};
