// One line of text per run event, for people: the CLI's stderr and the editor's run output channel say the same.
import type { RunEvent } from './runOnCluster';

export function describeRunEvent(e: RunEvent): string | null {
  switch (e.kind) {
    case 'submitted':
      return `try ${e.tryNumber}: submitted pod ${e.podName}`;
    case 'status':
      return `try ${e.tryNumber}: ${e.phase}${e.detail ? ` (${e.detail})` : ''}`;
    case 'warning':
      return `try ${e.tryNumber}: warning: ${e.message}`;
    case 'connection':
      return `try ${e.tryNumber}: ${e.message}`;
    case 'log':
      if (e.notice.kind === 'gap') return `try ${e.tryNumber}: log: ${e.notice.message}`;
      if (e.notice.kind === 'resumed') return `try ${e.tryNumber}: log stream resumed (${e.notice.why})`;
      if (e.notice.kind === 'joined') return `try ${e.tryNumber}: log: a line split by a log rotation was joined`;
      return null;
    case 'try-ended':
      return `try ${e.result.tryNumber}: ${e.result.message}${e.result.reason !== null ? ` [reason ${e.result.reason}]` : ''}`;
    case 'retry':
      return `retrying as try ${e.nextTry} in ${e.delaySeconds} s (${e.reason === null ? 'no reason key' : `reason "${e.reason}"`}: ${e.retryCount} ${e.retryCount === 1 ? 'retry' : 'retries'}; delay from ${e.delayRule})`;
    case 'cleanup':
      return e.message;
  }
}
