// What a failed image build tells the user: dbnd's own words for a failed build or push ("failed building docker
// image X", "failed to push docker image X", its DockerBuild's DatabandRuntimeError) with the command's last output,
// and, when docker cannot run at all, what to do instead. dbnd with an empty container_tag and docker_build on
// always builds, so the ways out are Docker itself or a tag of an image that exists (then dbnd builds nothing;
// docker_build = False alone is not one: dbnd then fails "'docker_build=False', however, 'container_tag' is not
// defined").
import { commandText, type DockerCommand } from './imageBuildCommands';

export type ImageBuildFailureKind =
  /** `docker build` or `docker push` ran and failed. */
  | 'failed'
  /** No `docker` program on the PATH (or it cannot be executed). */
  | 'docker-missing'
  /** docker ran but reached no daemon (not started, wrong DOCKER_HOST, no permission on its socket). */
  | 'no-daemon'
  /** Stopped by the user. */
  | 'cancelled';

export interface ImageBuildFailure {
  readonly kind: ImageBuildFailureKind;
  readonly image: string;
  readonly command: DockerCommand;
  /** The command's last output lines (both streams, in the order they came). */
  readonly lastLines: readonly string[];
  /** One paragraph for the user: what failed, in dbnd's words where dbnd has them, and what to do. */
  readonly message: string;
  /** The message without the command's output: one line, for a notification. */
  readonly summary: string;
}

/** The docker client's own lines when it reaches no daemon (Linux socket, Windows pipe, TCP, permissions). */
const NO_DAEMON = [
  /Cannot connect to the Docker daemon/i,
  /error during connect/i,
  /permission denied while trying to connect to the Docker daemon/i,
  /Is the docker daemon running\?/i,
];

export function isNoDaemonLine(text: string): boolean {
  return NO_DAEMON.some((re) => re.test(text));
}

export interface FailureContext {
  readonly image: string;
  readonly command: DockerCommand;
  /** The engine section to name in the advice (`[your_kubernetes_engine]`); absent = "the engine's section". */
  readonly engineName?: string;
  readonly env: NodeJS.ProcessEnv;
}

function instead(ctx: FailureContext): string {
  const section = ctx.engineName ? `[${ctx.engineName}]` : "the engine's section";
  const repo = ctx.image.slice(0, ctx.image.lastIndexOf(':'));
  return (
    `or set container_tag in ${section} to the tag of an image that already exists in ${repo} ` +
    `(dbnd then builds nothing; docker_build = False needs that container_tag too)`
  );
}

const indented = (lines: readonly string[]) => lines.map((l) => `  ${l}`).join('\n');

function failure(
  kind: ImageBuildFailureKind,
  ctx: FailureContext,
  lastLines: readonly string[],
  summary: string,
  message: string = summary,
): ImageBuildFailure {
  return { kind, image: ctx.image, command: ctx.command, lastLines, message, summary };
}

export function dockerMissing(ctx: FailureContext, code: string): ImageBuildFailure {
  const why = code === 'ENOENT' ? 'there is no docker program on the PATH' : `docker cannot be started (${code})`;
  return failure(
    'docker-missing',
    ctx,
    [],
    `cannot build image ${ctx.image}: ${why}. dbnd builds it with \`${commandText(ctx.command)}\` because ` +
      `container_tag is empty and docker_build is on. Install and start Docker, ${instead(ctx)}.`,
  );
}

export function noDaemon(ctx: FailureContext, lastLines: readonly string[]): ImageBuildFailure {
  const said = lastLines.filter(isNoDaemonLine).at(-1) ?? lastLines.at(-1) ?? '';
  const host = ctx.env.DOCKER_HOST
    ? `DOCKER_HOST=${ctx.env.DOCKER_HOST}`
    : 'the default socket (DOCKER_HOST is not set)';
  return failure(
    'no-daemon',
    ctx,
    lastLines,
    `cannot build image ${ctx.image}: docker reaches no Docker daemon at ${host}: ${said.trim()} ` +
      `Start Docker (or set DOCKER_HOST to a daemon that runs), ${instead(ctx)}.`,
  );
}

export function commandFailed(ctx: FailureContext, end: string, lastLines: readonly string[]): ImageBuildFailure {
  const what =
    ctx.command.step === 'build'
      ? `failed building docker image ${ctx.image}`
      : `failed to push docker image ${ctx.image}`;
  const summary = `${what}: \`${commandText(ctx.command)}\` (in ${ctx.command.cwd}) ${end}`;
  const output = lastLines.length > 0 ? `; its last output:\n${indented(lastLines)}` : '; it printed nothing';
  return failure('failed', ctx, lastLines, summary, `${summary}${output}`);
}

export function cancelled(ctx: FailureContext, lastLines: readonly string[]): ImageBuildFailure {
  return failure('cancelled', ctx, lastLines, `cancelled: docker ${ctx.command.step} of ${ctx.image} was stopped`);
}
