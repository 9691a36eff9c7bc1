// Runs a prepared dbnd task on the cluster from VS Code: the run's output channel (shown at once), a progress
// notification with Cancel (Pending → Running → Succeeded/Failed, retries), and a closing message that names the
// reason the run ended. Cancel and closing the window delete the pod (runOnCluster's cleanup), so no run of this
// window leaves a pod behind that the keep flags did not ask for.
import * as vscode from 'vscode';
import {
  describeRunEvent,
  openCluster,
  runOnCluster,
  type PreparedRun,
  type RunEvent,
  type RunResult,
} from '../../../server/src/cluster';
import { RunLogChannel } from './runLogChannel';

/** Marks the pods this window submitted, so a later window can find the ones a crashed window left running. */
export const WINDOW_LABEL = 'databand-vscode/window';

export interface FinishedRun {
  readonly result: RunResult;
  readonly log: RunLogChannel;
}

/** Runs in progress in this window: deactivate() cancels them so their pods are deleted. */
const active = new Set<AbortController>();

export function cancelAllRuns(): void {
  for (const ac of active) ac.abort();
}

/** A label value is at most 63 characters of [A-Za-z0-9._-]. */
export function windowLabelValue(): string {
  return vscode.env.sessionId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 63) || 'window';
}

export async function runPrepared(plan: PreparedRun, task: string, logDir: string): Promise<FinishedRun> {
  const name = `Databand Run: ${task} (${plan.envName})`;
  const log = new RunLogChannel(name, logDir, `${task.replace(/[^A-Za-z0-9._-]/g, '_')}-${plan.runUid}.log`);
  log.channel.show(true);
  const ac = new AbortController();
  active.add(ac);
  const windowLabel = windowLabelValue();
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Databand: ${task} on ${plan.envName}`,
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => {
          log.status('cancelled: deleting the pod');
          ac.abort();
        });
        for (const w of plan.warnings) log.status(`dbnd: ${w}`);
        const api = await openCluster(plan.kubeconfig);
        log.status(
          `env ${plan.envName}, engine ${plan.engineName}, context ${api.target.context}, namespace ${api.target.namespace}, run ${plan.runUid}`,
        );
        const result = await runOnCluster({
          api,
          podForTry: (n) => {
            const pod = plan.podForTry(n);
            return {
              ...pod,
              metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, [WINDOW_LABEL]: windowLabel } },
            };
          },
          policy: plan.policy,
          signal: ac.signal,
          onEvent: (e: RunEvent) => {
            const text = describeRunEvent(e);
            if (!text) return;
            log.status(text);
            if (e.kind !== 'log' && e.kind !== 'cleanup') progress.report({ message: text });
          },
          onLogLines: (lines) => log.log(lines.map((l) => l.text)),
        });
        for (const pod of result.leftPods)
          log.status(`left behind (the API server could not be reached to delete it): ${pod}`);
        log.status(`${result.outcome}: ${result.message}`);
        return { result, log };
      },
    );
  } catch (err) {
    log.status(`error: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  } finally {
    active.delete(ac);
    await log.finish();
  }
}
