// The image build step of `dbnd-cfg run`: when container_tag is empty and docker_build is on, dbnd builds (and
// pushes) the image before it submits the driver pod, so the run does the same, through the run module's one
// build step (runIo/imageBuild.ts, which the editor's run uses too). docker's output goes to stderr, each line
// prefixed with its command; --dry-run only says which commands would run, where.
import { commandText, imageBuildCommands, runImageBuild, type ImageBuildPlan } from '../../runIo';
import type { CliIo } from '../command';

export interface ImageStepPlan {
  readonly engineName: string;
  readonly imageBuild: ImageBuildPlan | null;
}

/** Why dbnd builds, and the commands it would run: the --dry-run's account of the build it does not do. */
export function dryRunImageLines(plan: ImageStepPlan, startDir: string): string[] {
  const build = plan.imageBuild;
  if (!build) return [];
  const commands = imageBuildCommands(build, startDir);
  return [
    `dbnd would build ${build.push ? 'and push ' : ''}image ${build.image} first (container_tag is empty and ` +
      `docker_build is on); --dry-run builds nothing. It would run:`,
    ...commands.map((c) => `  in ${c.cwd}: ${commandText(c)}`),
  ];
}

export type ImageStepEnd = 'built' | 'failed' | 'cancelled';

/** Runs dbnd's build and push; `say` prints the run's own lines. Nothing to do without an image build. */
export async function runImageStep(
  plan: ImageStepPlan,
  io: CliIo,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  say: (text: string) => void,
): Promise<ImageStepEnd> {
  if (!plan.imageBuild) return 'built';
  const result = await runImageBuild({
    build: plan.imageBuild,
    startDir: io.cwd,
    env,
    engineName: plan.engineName,
    signal,
    // dbnd's own log lines: "Running docker build command: `...`", "Running docker push command: '...'".
    onCommand: (c) => say(`running docker ${c.step} command: \`${commandText(c)}\` (in ${c.cwd})`),
    onLine: (line, c) => io.stderr(`docker ${c.step} | ${line.text}\n`),
  });
  if (result.ok) {
    say(`built ${plan.imageBuild.push ? 'and pushed ' : ''}${result.image}`);
    return 'built';
  }
  if (result.failure.kind === 'cancelled') {
    say(result.failure.message);
    return 'cancelled';
  }
  say(`${result.failure.message}\nnothing was submitted`);
  return 'failed';
}
