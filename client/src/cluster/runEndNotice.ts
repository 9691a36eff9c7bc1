// What the editor says when a run on the cluster has ended (the run returned a result): success and a user's
// cancel are information ("Run of TASK on ENV cancelled; pod X deleted", what the cleanup really did), a failure is
// an error. A failure of the cluster itself (the API server went away for longer than the run waits) also offers
// another context and a new try. No vscode import: unit-tested in Node (test/client/cluster/runEndNotice.test.ts).
import type { DriverRunResult } from '../../../server/src/runIo';
import { RETRY, SELECT_CONTEXT } from './runFailureNotice';

export interface RunEndNotice {
  readonly severity: 'information' | 'error';
  readonly message: string;
  /** Buttons before the log's own (Open Full Log, Show Output). */
  readonly actions: readonly string[];
}

/** `title`: "TASK on ENV". */
export function runEndNotice(
  title: string,
  result: Pick<DriverRunResult, 'outcome' | 'cause' | 'message'>,
): RunEndNotice {
  if (result.outcome === 'succeeded')
    return { severity: 'information', message: `${title}: succeeded — ${result.message}`, actions: [] };
  if (result.outcome === 'cancelled')
    return { severity: 'information', message: `Run of ${title} cancelled; ${result.message}`, actions: [] };
  return {
    severity: 'error',
    message: `${title}: failed — ${result.message}`,
    actions: result.cause === 'cluster-error' ? [SELECT_CONTEXT, RETRY] : [],
  };
}
