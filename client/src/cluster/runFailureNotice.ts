// What the editor says when a cluster run ends in an error: one notification with the message (the cluster
// module's own, which names what to fix) and a button to the run's output channel; the channel gets the same one
// line. When the cluster itself cannot be used (no such context, no answer, credentials refused) the notification
// also offers to select another context and to try again. A user's cancel is no error: an information message
// says what became of the run. Never a stack trace: an unexpected error shows its first line only. No vscode
// import, so the mapping is unit-tested in Node (test/client/cluster/runFailureNotice.test.ts).
import { ClusterError } from '../../../server/src/runIo';

export const SHOW_OUTPUT = 'Show Output';
export const SELECT_CONTEXT = 'Select Kubernetes Context';
export const RETRY = 'Retry';

/**
 * The cluster cannot be used as configured: the kubeconfig or context (config), no answer (unreachable), TLS,
 * credentials (unauthorized, forbidden), or something that is not a Kubernetes API server (bad_answer). Another
 * context, or the same one once the cluster is back, is what helps.
 */
export function isClusterUnusable(err: unknown): boolean {
  const inner = err instanceof RunFailed ? err.error : err;
  return (
    inner instanceof ClusterError &&
    ['config', 'unreachable', 'tls', 'unauthorized', 'forbidden', 'bad_answer'].includes(inner.kind)
  );
}

/** The buttons for an error of the cluster: another context, again, and the output when there is one. */
export function clusterActions(err: unknown, hasOutput: boolean): string[] {
  return [...(isClusterUnusable(err) ? [SELECT_CONTEXT, RETRY] : []), ...(hasOutput ? [SHOW_OUTPUT] : [])];
}

/** An error of a run that already has an output channel: the notification's button shows that channel. */
export class RunFailed extends Error {
  constructor(
    readonly error: unknown,
    readonly showOutput: () => void,
  ) {
    super(errorLine(error));
    this.name = 'RunFailed';
  }
}

/** One line for an error: a ClusterError's message, or the first line of anything else, stack never included. */
export function errorLine(err: unknown): string {
  if (err instanceof RunFailed) return errorLine(err.error);
  if (err instanceof ClusterError) return err.message;
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l)) ?? '';
  return `unexpected error (a bug in the extension, please report it): ${first.trim()}`;
}

export interface RunFailureNotice {
  readonly message: string;
  /**
   * The buttons: Select Kubernetes Context and Retry when the cluster cannot be used, Show Output when the run has
   * an output channel.
   */
  readonly actions: readonly string[];
  readonly showOutput?: () => void;
  /** A cancel by the user (before any pod existed): an information message, not an error. */
  readonly cancelled: boolean;
}

/** `title`: "TASK on ENV". */
export function runFailureNotice(title: string, err: unknown): RunFailureNotice {
  const inner = err instanceof RunFailed ? err.error : err;
  const showOutput = err instanceof RunFailed ? err.showOutput : undefined;
  const cancelled = inner instanceof ClusterError && inner.kind === 'cancelled';
  return {
    // Cancelled before the run reached the submission (kubeconfig, API server check): nothing was created.
    message: cancelled ? `Run of ${title} cancelled; no pod was created` : `${title}: ${errorLine(err)}`,
    actions: cancelled ? (showOutput ? [SHOW_OUTPUT] : []) : clusterActions(inner, showOutput !== undefined),
    showOutput,
    cancelled,
  };
}
