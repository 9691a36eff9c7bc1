// The commands dbnd runs to build and push a run's image (docs/dbnd-rules.md §3.1, dbnd_docker's DockerBuild):
// `docker build -t <repo>:<tag> -f <project_path("Dockerfile")> .` with the project folder (DBND_HOME) as the
// working directory, then, when docker_build_push is on, `docker push <repo>:<tag>` where `dbnd run` started.
// One function turns the plan's image build into that list, so `dbnd-cfg run`, its --dry-run and the editor's run
// cannot drift apart.
import { join } from 'node:path';

/** A run plan's image build (ClusterRunPlan.imageBuild): the image dbnd builds, whether it pushes, DBND_HOME. */
export interface ImageBuildPlan {
  readonly image: string;
  readonly push: boolean;
  readonly dbndHome: string | null;
}

export type DockerStep = 'build' | 'push';

export interface DockerCommand {
  readonly step: DockerStep;
  /** The program and its arguments, `docker` first. */
  readonly argv: readonly string[];
  /** The working directory the command runs in. */
  readonly cwd: string;
}

/**
 * dbnd's build and push of `build.image`. `startDir` is the folder the run starts in (where `dbnd run` would be
 * typed): dbnd runs the push there, and it stands in for DBND_HOME when the plan has none (dbnd always has one:
 * its bootstrap sets it to the project it discovers).
 */
export function imageBuildCommands(build: ImageBuildPlan, startDir: string): DockerCommand[] {
  const home = build.dbndHome ?? startDir;
  // dbnd formats these into one string run through a shell; the arguments here are those the shell would split
  // it into for every image name and path without spaces or shell characters.
  const commands: DockerCommand[] = [
    { step: 'build', argv: ['docker', 'build', '-t', build.image, '-f', join(home, 'Dockerfile'), '.'], cwd: home },
  ];
  if (build.push) commands.push({ step: 'push', argv: ['docker', 'push', build.image], cwd: startDir });
  return commands;
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** The command as a user would type it in a POSIX shell (arguments quoted only where needed). */
export function commandText(command: DockerCommand): string {
  return command.argv.map((a) => (SHELL_SAFE.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
