// Which environment "Show Effective Pod Spec" shows when none is given: the selected one (else dbnd's default,
// `[databand] env`) — unless its engine builds no pod (dbnd's default `local` runs tasks on this machine). Then
// the project's Kubernetes environments are offered instead of a document that says "No Pod", and the one picked
// becomes the folder's selected environment, as if picked in the status bar: the Pod document follows that
// selection, so the two never disagree.
import { EnvironmentsRequest, type EnvironmentsResult } from '../../../protocol/customRequests';
import type { CommandContext } from './command';
import type { Target } from './resolveTarget';
import { environmentItems, pickEnvironment } from './selectEnvironment';

/** Why `name` has no Pod spec, in the picker's words; undefined when it has one (or dbnd fails: the document says why). */
export function noPodReason(result: EnvironmentsResult, name: string): string | undefined {
  const info = result.environments.find((e) => e.name === name);
  if (result.error || !info || info.error || info.kubernetes) return undefined;
  const engine = info.engine
    ? `its engine ${info.engine} (${info.engineClass ?? 'not Kubernetes'})`
    : 'it has no engine';
  return `Environment '${name}' submits no pod: ${engine} runs tasks where dbnd runs.`;
}

/**
 * The environment to render, `{ env }` (undefined env: dbnd's default), or undefined when the user dismissed the
 * picker. Asks only when the target's environment submits no pod and the project has Kubernetes environments.
 */
export async function podEnvironment(
  context: CommandContext,
  target: Target,
): Promise<{ readonly env: string | undefined } | undefined> {
  let result: EnvironmentsResult;
  try {
    result = await context.server.request(EnvironmentsRequest.type, { uri: target.project.uri.toString() });
  } catch {
    return { env: target.env }; // the server does not run: the document says so, as before
  }
  const current = target.env ?? result.defaultEnv;
  const reason = noPodReason(result, current);
  const kubernetes = result.environments.filter((e) => e.kubernetes && !e.error);
  if (!reason || kubernetes.length === 0) return { env: target.env };
  const items = environmentItems({ ...result, environments: kubernetes }, target.env);
  const picked = await pickEnvironment(items, kubernetes[0].name, {
    title: 'Show Effective Pod Spec: a Kubernetes environment',
    placeholder: `${reason} Pick one that does (it becomes the selected environment)`,
  });
  if (!picked) return undefined;
  await context.environments.set(target.project.key, picked.env);
  return { env: picked.env };
}
