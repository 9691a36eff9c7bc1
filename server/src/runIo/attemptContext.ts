// What every step of a pod's attempt (submit, watch, follow the log, clean up) shares: the API, the engine's
// policy, the clock, the cancel signal and where events go.
import type { Clock } from './clock';
import type { KubeApi } from './kubeApi';
import type { LogLine } from './logLines';
import type { RunEvent } from './runEvents';
import type { RunPolicy } from './runPolicy';

export interface AttemptContext {
  readonly api: KubeApi;
  readonly policy: RunPolicy;
  readonly clock: Clock;
  /** The container whose log is followed (`base`). */
  readonly container: string;
  /** How long to wait for an API server that went away mid-run. */
  readonly maxOutageMs: number;
  /** Watch idle re-watch; the watch's default when undefined. */
  readonly watchIdleMs: number | undefined;
  /** Abort = cancel: the pod is deleted (keep flags apply, as for dbnd's on_kill). */
  readonly signal: AbortSignal | undefined;
  readonly emit: (event: RunEvent) => void;
  readonly onLogLines: ((lines: readonly LogLine[]) => void) | undefined;
}

export const cancelled = (ctx: AttemptContext) => ctx.signal?.aborted === true;
