// The container command: `trap_exit_file_flag` wraps it in `/bin/bash -c` with a script that touches the file
// on exit, and `debug_with_command` then replaces `command` (shlex-split) while the trap script stays in `args`.
import type { EngineValues } from './types';
import { type DbndResult, ok } from '../result';
import type { Json } from '../json';
import { pyDedent, pyList2cmdline, pyShlexSplit, pyStr, pyTruthy } from '../python';

export interface ContainerCommand {
  readonly command: string[];
  /** undefined = dbnd passes args=None, which the request omits. */
  readonly args: string[] | undefined;
}

/** The script dbnd formats into a triple-quoted block and then dedents (formatting first, so a multi-line command changes the margin). */
export function trapScript(trapFile: string, cmds: readonly string[]): string {
  const indent = ' '.repeat(16);
  const text = `\n${indent}trap "touch ${trapFile}" EXIT\n${indent}${pyList2cmdline(cmds)}\n${indent}`;
  return pyDedent(text);
}

export function buildCommand(
  engine: EngineValues,
  cmds: readonly string[],
  podName: string,
  taskRunRepr: string,
  logWarnings: string[],
): DbndResult<ContainerCommand> {
  let command = [...cmds];
  let args: string[] | undefined;
  const trapFile: Json = engine.trap_exit_file_flag ?? null;
  if (pyTruthy(trapFile)) {
    args = [trapScript(pyStr(trapFile), command)];
    command = ['/bin/bash', '-c'];
  }
  const debugCommand: Json = engine.debug_with_command ?? null;
  if (pyTruthy(debugCommand)) {
    const text = pyStr(debugCommand);
    logWarnings.push(
      `${taskRunRepr} replacing pod ${podName} command with '${text}', original command=\`${pyList2cmdline(command)}\``,
    );
    const split = pyShlexSplit(text);
    if (!split.ok) return split;
    command = split.value;
  }
  return ok({ command, args });
}
