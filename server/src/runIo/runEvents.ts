// What a run on the cluster tells its caller as it goes (the CLI's stderr, the editor's output channel and progress
// notification), and how the driver pod's one attempt ended.
import type { FollowResult, LogNotice } from './followPodLog';

/** Why the attempt (and so the run) ended. */
export type EndCause =
  | 'succeeded'
  | 'exit-code'
  | 'image-pull'
  | 'config-error'
  | 'unschedulable'
  | 'startup-timeout'
  | 'pod-deleted'
  | 'pod-failed'
  | 'cluster-error'
  | 'cancelled';

/** What happened to the pod at the end: the keep flags decide, an unreachable API server leaves it behind. */
export type CleanupOutcome = 'deleted' | 'kept' | 'already-gone' | 'left-behind';

export interface AttemptResult {
  readonly podName: string;
  readonly cause: EndCause;
  /** The reason key dbnd derives for a failed pod (`"3"`, `err_image_pull`, ...), or null when it finds none. */
  readonly reason: string | null;
  readonly message: string;
  readonly phase: string | null;
  readonly log: FollowResult | null;
  /** null when no pod was created (refused, or cancelled before the submission). */
  readonly cleanup: CleanupOutcome | null;
}

export type RunEvent =
  | { readonly kind: 'submitted'; readonly podName: string; readonly at: number }
  | {
      readonly kind: 'status';
      readonly podName: string;
      readonly phase: string;
      readonly detail: string | null;
      readonly at: number;
    }
  | { readonly kind: 'warning'; readonly message: string; readonly at: number }
  | { readonly kind: 'connection'; readonly message: string; readonly at: number }
  | { readonly kind: 'log'; readonly notice: LogNotice; readonly at: number }
  | { readonly kind: 'pod-ended'; readonly result: AttemptResult; readonly at: number }
  | {
      readonly kind: 'cleanup';
      readonly podName: string;
      readonly action: 'deleted' | 'kept' | 'already-gone' | 'failed';
      readonly message: string;
      readonly at: number;
    };
