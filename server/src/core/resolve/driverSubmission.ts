// How `dbnd run` hands the driver to Kubernetes (RunExecutor.run_submitter → DockerRunTask →
// KubernetesTaskRunCtrl.docker_run): the argument list becomes one command string (pyList2cmdline), which is a
// dbnd str parameter (so `$VAR` is expanded), then shlex-split again; the image is split on ':' and must give
// exactly repository and tag — a registry port breaks it.
import { expandEnvVar } from '../values/expandVars';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import type { Environment } from '../environment';
import type { Json } from '../json';
import { pyList2cmdline, pyShlexSplit } from '../python';

export interface DriverSubmit {
  readonly args: readonly string[];
  readonly command: string;
  readonly image: string;
  readonly task_name: string;
}

/** A DockerRunTask str parameter: `$VAR` expanded anywhere; an `@` reference only at the very start. */
function strParameter(name: string, value: string, env: Environment): DbndResult<string, BuildError> {
  const expanded = expandEnvVar(value, env).value;
  if (!expanded.startsWith('@')) return ok(expanded);
  if (expanded.startsWith('@@')) return ok(expanded.slice(1));
  return failWith({
    type: 'DatabandBuildError',
    message: `Failed to calculate value from '${value}' for parameter '${name}' at DockerRunTask()`,
    nested: [{ type: 'FileNotFoundError', message: `[Errno 2] No such file or directory: '${expanded.slice(1)}'` }],
  });
}

export function driverSubmission(
  executable: Json,
  command: readonly string[],
  image: string,
  taskName: string,
  env: Environment,
): DbndResult<DriverSubmit, BuildError> {
  const args = [...(Array.isArray(executable) ? executable.map(String) : []), ...command];
  const cmd = strParameter('command', pyList2cmdline(args), env);
  if (!cmd.ok) return cmd;
  const img = strParameter('image', image, env);
  if (!img.ok) return img;
  return ok({ args, command: cmd.value, image: img.value, task_name: taskName });
}

/** `repo, tag = image.split(":")` in KubernetesTaskRunCtrl. */
export function splitImage(image: string): DbndResult<{ repository: string; tag: string }, BuildError> {
  const parts = image.split(':');
  if (parts.length !== 2) {
    const reason =
      parts.length > 2
        ? 'too many values to unpack (expected 2)'
        : `not enough values to unpack (expected 2, got ${parts.length})`;
    return failWith({
      type: 'ParseParameterError',
      message: `Received image ${image} is not in image format! Expected repo:tag. Exception: ${reason}`,
      param: 'container_repository',
    });
  }
  return ok({ repository: parts[0], tag: parts[1] });
}

/** The container command dbnd sends: `shlex.split` of the command string. */
export function driverCommandList(command: string): DbndResult<string[], BuildError> {
  return pyShlexSplit(command);
}
