// One line of text per run event, for people: the CLI's stderr and the editor's run output channel say the same.
import type { RunEvent } from './runEvents';

export function describeRunEvent(e: RunEvent): string | null {
  switch (e.kind) {
    case 'submitted':
      return `submitted pod ${e.podName}`;
    case 'status':
      return `${e.phase}${e.detail ? ` (${e.detail})` : ''}`;
    case 'warning':
      return `warning: ${e.message}`;
    case 'connection':
      return e.message;
    case 'log':
      if (e.notice.kind === 'gap') return `log: ${e.notice.message}`;
      if (e.notice.kind === 'resumed') return `log stream resumed (${e.notice.why})`;
      if (e.notice.kind === 'joined') return 'log: a line split by a log rotation was joined';
      return null;
    case 'pod-ended':
      return `${e.result.podName}: ${e.result.message}${e.result.reason !== null ? ` [reason ${e.result.reason}]` : ''}`;
    case 'cleanup':
      return e.message;
  }
}
