// What the editor says when a cluster run ends in an error: one notification with the message (the cluster
// module's own, which names what to fix) and a button to the run's output channel; the channel gets the same one
// line. Never a stack trace: an unexpected error shows its first line only. No vscode import, so the mapping is
// unit-tested in Node (test/client/cluster/runFailureNotice.test.ts).
import { ClusterError } from '../../../server/src/runIo';

export const SHOW_OUTPUT = 'Show Output';

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
  /** The buttons: Show Output when the run has an output channel. */
  readonly actions: readonly string[];
  readonly showOutput?: () => void;
  /** A cancel by the user is not an error: no notification. */
  readonly silent: boolean;
}

export function runFailureNotice(title: string, err: unknown): RunFailureNotice {
  const inner = err instanceof RunFailed ? err.error : err;
  const showOutput = err instanceof RunFailed ? err.showOutput : undefined;
  return {
    message: `${title}: ${errorLine(err)}`,
    actions: showOutput ? [SHOW_OUTPUT] : [],
    showOutput,
    silent: inner instanceof ClusterError && inner.kind === 'cancelled',
  };
}
