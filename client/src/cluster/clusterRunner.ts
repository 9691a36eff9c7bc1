// Runs a prepared dbnd task on the cluster from VS Code (the plan comes from the language server): the run's
// output channel (shown at once), a progress notification with Cancel (Pending → Running → Succeeded/Failed), and
// a closing message that names the reason the run ended. Cancel and closing the window delete the pod (the
// attempt's cleanup), so no run of this window leaves a pod behind that the keep flags did not ask for.
import * as vscode from 'vscode';
import type { ClusterRunPlan } from '../../../protocol/customRequests';
import {
  describeRunEvent,
  openCluster,
  runDriverPod,
  runPolicyFromEngine,
  type DriverRunResult,
  type RunEvent,
} from '../../../server/src/runIo';
import { errorLine, RunFailed } from './runFailureNotice';
import { runChannelName } from './runChannelName';
import { RunLogChannel } from './runLogChannel';
import { markAsThisWindow } from './windowIdentity';

/**
 * How long a pod's phase change took to reach the user: from the watch event (the run's status event, stamped when
 * the watch delivered the pod) to the progress notification's update and to the status line's append to the
 * channel (appends are batched). Kept for the extension's tests and the README's figure.
 */
export interface UiTiming {
  readonly phase: string;
  readonly status: string;
  readonly watchAt: number;
  notifiedAt?: number;
  channelAt?: number;
}

export interface FinishedRun {
  readonly result: DriverRunResult;
  readonly log: RunLogChannel;
  readonly uiTimings: readonly UiTiming[];
}

/** A run in progress in this window: its driver pod, its output channel and its cancel (the pod is deleted). */
export interface ActiveRun {
  readonly podName: string;
  readonly log: RunLogChannel;
  /** As the run's notification's Cancel: says so in the channel, stops the run and deletes the pod. */
  cancel(): void;
}

/** Runs in progress in this window: deactivate() cancels them so their pods are deleted. */
const active = new Set<ActiveRun>();

export function cancelAllRuns(): void {
  for (const run of active) run.cancel();
}

/**
 * The run of this window whose driver pod this is: following that pod's log shows the run's own channel (which
 * already streams it) instead of a second follower with a Cancel of its own that would stop only the log.
 */
export function activeRunOfPod(podName: string): ActiveRun | undefined {
  return [...active].find((r) => r.podName === podName);
}

export interface RunOptions {
  readonly task: string;
  /** The extension host's environment plus databand.environmentVariables: KUBECONFIG, HOME, exec plugins' PATH. */
  readonly processEnv: NodeJS.ProcessEnv;
  readonly logDir: string;
  /** The run's output channel when the image build opened it already (openRunLog); else runPlan opens it. */
  readonly log?: RunLogChannel;
}

/** The output channel (and log file) of a run of `plan`. */
export function openRunLog(plan: ClusterRunPlan, task: string, logDir: string): RunLogChannel {
  const name = runChannelName(task, plan.envName, new Date());
  return new RunLogChannel(name, logDir, `${task.replace(/[^A-Za-z0-9._-]/g, '_')}-${plan.runUid}.log`);
}

export async function runPlan(plan: ClusterRunPlan, options: RunOptions): Promise<FinishedRun> {
  const { task, processEnv, logDir } = options;
  const log = options.log ?? openRunLog(plan, task, logDir);
  log.channel.show(true);
  const ac = new AbortController();
  const run: ActiveRun = {
    podName: plan.pod.metadata.name,
    log,
    cancel: () => {
      if (ac.signal.aborted) return;
      log.status('cancelled: deleting the pod');
      ac.abort();
    },
  };
  active.add(run);
  const uiTimings: UiTiming[] = [];
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Databand: ${task} on ${plan.envName}`,
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => run.cancel());
        for (const w of plan.warnings) log.status(`dbnd: ${w}`);
        const api = await openCluster({ ...plan.kubeconfig, env: processEnv }, { signal: ac.signal });
        log.status(
          `env ${plan.envName}, engine ${plan.engineName}, context ${api.target.context}, namespace ${api.target.namespace}, run ${plan.runUid}`,
        );
        const result = await runDriverPod({
          api,
          pod: markAsThisWindow(plan.pod),
          policy: runPolicyFromEngine(plan.engineValues),
          signal: ac.signal,
          onEvent: (e: RunEvent) => {
            const text = describeRunEvent(e);
            if (!text) return;
            log.status(text);
            const timing: UiTiming | undefined =
              e.kind === 'status' ? { phase: e.phase, status: text, watchAt: e.at } : undefined;
            if (e.kind !== 'log' && e.kind !== 'cleanup') progress.report({ message: text });
            if (!timing) return;
            timing.notifiedAt = Date.now();
            uiTimings.push(timing);
            log.afterNextFlush(() => (timing.channelAt = Date.now()));
          },
          onLogLines: (lines) => log.log(lines.map((l) => l.text)),
        });
        for (const pod of result.leftPods)
          log.status(`left behind (the API server could not be reached to delete it): ${pod}`);
        log.status(`${result.outcome}: ${result.message}`);
        return { result, log, uiTimings };
      },
    );
  } catch (err) {
    log.status(`error: ${errorLine(err)}`);
    throw new RunFailed(err, () => log.channel.show(true));
  } finally {
    active.delete(run);
    await log.finish();
  }
}
