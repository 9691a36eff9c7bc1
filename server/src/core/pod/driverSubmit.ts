// The driver submission of `dbnd run` (RunExecutor.run_submitter → submit_to_engine_task → DockerRunTask →
// KubernetesTaskRunCtrl.docker_run; FORMAT.md §6.2): the `driver_submit` record, the engine object that really
// builds the pod, and the pod's command.
import type { Environment } from '../values/expandVars';
import { cloneEngine, parseStrParameter } from './engineClone';
import { fullImage } from './env';
import type { Json } from './json';
import { pythonStr, pythonTypeName } from '../values/pythonValues';
import { list2cmdline, shlexSplit } from './shell';
import { fail, ok, type EngineValues, type Outcome } from './types';

export interface DriverSubmitRecord {
  /** engine.dbnd_executable + the `dbnd run` arguments. */
  readonly args: string[];
  /** The DockerRunTask `command` parameter: list2cmdline(args) after dbnd's str-parameter parsing. */
  readonly command: string;
  /** The DockerRunTask `image` parameter: `repository:tag`, parsed the same way. */
  readonly image: string;
  readonly task_name: string;
}

export interface DriverSubmitInput {
  /** The `dbnd run` arguments after the executable, starting with "run". */
  readonly runArgs: readonly string[];
  /** `[run] interactive`: without it the engine is cloned with auto_remove=True, detach_run=True. */
  readonly interactive: boolean;
  /** The process environment `$VAR`s are expanded against. */
  readonly env: Environment;
  /** Always `dbnd_driver_run` for a real driver. */
  readonly taskName?: string;
}

export interface DriverSubmission {
  readonly driverSubmit: DriverSubmitRecord;
  /** The engine values of the object that builds the pod (after both clones). */
  readonly podEngine: EngineValues;
  /** The pod's command before trap/debug rewriting: shlex.split of the command (backslashes are eaten here). */
  readonly cmds: string[];
  readonly logWarnings: readonly string[];
}

/** `repository, tag = image.split(":")`, with dbnd's ParseParameterError around Python's unpacking error. */
export function splitImage(image: string): Outcome<{ repository: string; tag: string }> {
  const parts = image.split(':');
  if (parts.length === 2) return ok({ repository: parts[0], tag: parts[1] });
  const reason =
    parts.length > 2 ? 'too many values to unpack (expected 2)' : `not enough values to unpack (expected 2, got ${parts.length})`;
  return fail('ParseParameterError', `Received image ${image} is not in image format! Expected repo:tag. Exception: ${reason}`);
}

export function prepareDriverSubmission(engine: EngineValues, input: DriverSubmitInput): Outcome<DriverSubmission> {
  const executable: Json = engine.dbnd_executable ?? null;
  if (!Array.isArray(executable)) {
    return fail('TypeError', `can only concatenate ${pythonTypeName(executable)} (not "list") to ${pythonTypeName(executable)}`);
  }
  const args = [...executable.map((a) => pythonStr(a)), ...input.runArgs];
  const taskName = input.taskName ?? 'dbnd_driver_run';
  const logWarnings: string[] = [];

  let submitEngine = engine;
  if (!input.interactive) {
    const cloned = cloneEngine(engine, { auto_remove: true, detach_run: true }, input.env);
    if (!cloned.ok) return cloned;
    submitEngine = cloned.value.engine;
    logWarnings.push(...cloned.value.logWarnings);
  }

  // DockerRunTask(command=list2cmdline(args), image=self.full_image): both are str parameters.
  const command = parseStrParameter(list2cmdline(args), 'command', 'DockerRunTask()', input.env);
  if (!command.ok) return command;
  const image = parseStrParameter(fullImage(engine), 'image', 'DockerRunTask()', input.env);
  if (!image.ok) return image;
  if (command.value === null || image.value === null) {
    return fail('TypeError', "expected string or bytes-like object, got 'NoneType'");
  }
  const driverSubmit: DriverSubmitRecord = { args, command: command.value, image: image.value, task_name: taskName };

  const cmds = shlexSplit(command.value);
  if (!cmds.ok) return fail(cmds.error.type, cmds.error.message);
  const split = splitImage(image.value);
  if (!split.ok) return split;
  // A second clone with the split repository and tag; with unchanged values dbnd's task cache returns the same
  // object, so only the re-parse matters here (its warnings were already logged by the first clone).
  const podEngine = cloneEngine(submitEngine, { container_repository: split.value.repository, container_tag: split.value.tag }, input.env);
  if (!podEngine.ok) return podEngine;
  return ok({ driverSubmit, podEngine: podEngine.value.engine, cmds: cmds.tokens, logWarnings });
}
