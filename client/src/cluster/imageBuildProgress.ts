// The image build of "Databand: Run Task on Cluster": when container_tag is empty and docker_build is on, dbnd
// builds and pushes the image before it submits, so the run does the same, through the run module's one build
// step (the one `dbnd-cfg run` runs, on the same plan): a progress notification with Cancel, docker's output in
// the run's output channel. A failed build or push, docker missing or no daemon end the run with docker's own
// message and what to do, before any pod is submitted.
import * as vscode from 'vscode';
import type { ClusterRunPlan } from '../../../protocol/customRequests';
import { commandText, runImageBuild, type ImageBuildResult } from '../../../server/src/runIo';
import { SHOW_OUTPUT } from './runFailureNotice';
import type { RunLogChannel } from './runLogChannel';

/** How often the notification shows docker's latest line (the channel gets every line). */
const PROGRESS_EVERY_MS = 250;

export interface ImageBuildOptions {
  /** The folder the run starts in: the push runs there; DBND_HOME when the plan has none. */
  readonly folder: string;
  /** The extension host's environment plus databand.environmentVariables: PATH, DOCKER_HOST, DOCKER_CONFIG. */
  readonly processEnv: NodeJS.ProcessEnv;
  /** The run's output channel; on a failure it is finished here (no run follows). */
  readonly log: RunLogChannel;
}

/** Builds (and pushes) the plan's image; true when the run may submit its pod. No image build: true at once. */
export async function buildRunImage(
  plan: ClusterRunPlan,
  { folder, processEnv, log }: ImageBuildOptions,
): Promise<boolean> {
  const build = plan.imageBuild;
  if (!build) return true;
  log.channel.show(true);
  log.status(
    `container_tag is empty and docker_build is on: dbnd builds ${build.push ? 'and pushes ' : ''}${build.image} before it submits`,
  );
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Databand: building ${build.image}`,
      cancellable: true,
    },
    (progress, token): Promise<ImageBuildResult> => {
      const ac = new AbortController();
      token.onCancellationRequested(() => {
        log.status('cancelling: stopping the image build');
        ac.abort();
      });
      let shownAt = 0;
      return runImageBuild({
        build,
        startDir: folder,
        env: processEnv,
        engineName: plan.engineName,
        signal: ac.signal,
        onCommand: (c) => {
          log.status(`running docker ${c.step} command: \`${commandText(c)}\` (in ${c.cwd})`);
          progress.report({ message: `docker ${c.step}` });
        },
        onLine: (line, c) => {
          log.status(`docker ${c.step} | ${line.text}`);
          const now = Date.now();
          if (now - shownAt < PROGRESS_EVERY_MS) return;
          shownAt = now;
          progress.report({ message: `docker ${c.step}: ${line.text.slice(0, 120)}` });
        },
      });
    },
  );
  if (result.ok) {
    log.status(`built ${build.push ? 'and pushed ' : ''}${result.image}`);
    return true;
  }
  const failure = result.failure;
  log.status(failure.kind === 'cancelled' ? failure.message : `${failure.message}\nnothing was submitted`);
  await log.finish();
  // A cancel by the user is not an error: the channel says it, no notification.
  if (failure.kind !== 'cancelled') {
    const summary = /[.?!]$/.test(failure.summary) ? failure.summary : `${failure.summary}.`;
    void vscode.window.showErrorMessage(`${summary} Nothing was submitted.`, SHOW_OUTPUT).then((c) => {
      if (c === SHOW_OUTPUT) log.channel.show(true);
    });
  }
  return false;
}
