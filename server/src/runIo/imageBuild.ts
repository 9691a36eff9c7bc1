// The image build step of a cluster run, as dbnd's prepare_docker_for_executor runs it before it submits anything:
// `docker build`, then `docker push` when dbnd pushes (the commands: imageBuildCommands.ts). Each command's output
// is streamed line by line; a failure ends the step with the command's own last lines, and the caller submits no
// pod. `dbnd-cfg run` and the editor's "Run Task on Cluster" both run this, on the same plan.
import { stat } from 'node:fs/promises';
import { imageBuildCommands, type DockerCommand, type ImageBuildPlan } from './imageBuildCommands';
import type { OutputLine } from './commandOutput';
import {
  cancelled,
  commandFailed,
  dockerMissing,
  isNoDaemonLine,
  noDaemon,
  type FailureContext,
  type ImageBuildFailure,
} from './imageBuildFailure';
import { runCommand } from './runCommand';

export interface ImageBuildRequest {
  readonly build: ImageBuildPlan;
  /** The folder the run starts in (the push runs there; DBND_HOME when the plan has none). */
  readonly startDir: string;
  /** The environment docker runs with: PATH finds it, DOCKER_HOST / DOCKER_CONFIG choose daemon and registry login. */
  readonly env: NodeJS.ProcessEnv;
  /** The engine section, named in the advice when docker cannot run. */
  readonly engineName?: string;
  /** Abort = stop the running command and its children; the step ends as cancelled. */
  readonly signal?: AbortSignal;
  /** Before each command starts. */
  readonly onCommand?: (command: DockerCommand) => void;
  /** Each output line of the running command. */
  readonly onLine?: (line: OutputLine, command: DockerCommand) => void;
}

export type ImageBuildResult =
  | { readonly ok: true; readonly image: string }
  | { readonly ok: false; readonly failure: ImageBuildFailure };

export async function runImageBuild(request: ImageBuildRequest): Promise<ImageBuildResult> {
  const image = request.build.image;
  for (const command of imageBuildCommands(request.build, request.startDir)) {
    const ctx: FailureContext = { image, command, engineName: request.engineName, env: request.env };
    request.onCommand?.(command);
    let sawNoDaemon = false;
    const end = await runCommand({
      argv: command.argv,
      cwd: command.cwd,
      env: request.env,
      signal: request.signal,
      onLine: (line) => {
        if (line.stream === 'stderr' && isNoDaemonLine(line.text)) sawNoDaemon = true;
        request.onLine?.(line, command);
      },
    });
    if (end.kind === 'cancelled') return { ok: false, failure: cancelled(ctx, end.tail) };
    if (end.kind === 'not-started') {
      // A missing working directory is reported as ENOENT too: only a missing program means "no docker".
      if (end.code === 'ENOENT' && !(await isDirectory(command.cwd)))
        return { ok: false, failure: commandFailed(ctx, `could not start: ${command.cwd} is not a folder`, []) };
      return { ok: false, failure: dockerMissing(ctx, end.code) };
    }
    if (end.kind === 'killed')
      return { ok: false, failure: commandFailed(ctx, `was killed by ${end.signal}`, end.tail) };
    if (end.code !== 0) {
      if (sawNoDaemon) return { ok: false, failure: noDaemon(ctx, end.tail) };
      return { ok: false, failure: commandFailed(ctx, `exited with code ${end.code}`, end.tail) };
    }
  }
  return { ok: true, image };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
