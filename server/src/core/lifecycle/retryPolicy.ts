// How many retries a crashed task gets, and after which delay (SPEC §4.5; _handle_crashed_task_instance).
// The count comes from `pod_error_cfg_source_dict[reason]["retry_count"]` when the reason is a key of it,
// otherwise from the task's own `task_retries`. The delay is always `pod_default_retry_delay` for a task on a
// Kubernetes engine: the `retry_delay` inside the dict is never read.
import { pyTypeName } from '../python';

export type RetrySource = 'pod_error_cfg_source_dict' | 'task_retries';

export type RetryPolicy =
  | {
      readonly ok: true;
      /** What becomes task.retries / the operator's retries / the task instance's max_tries. */
      readonly retryCount: unknown;
      readonly delaySeconds: number;
      readonly source: RetrySource;
    }
  | { readonly ok: false; readonly error: { readonly type: string; readonly message: string } };

export interface RetryDefaults {
  /** The task's `task_retries` (default 0). */
  readonly taskRetries: number;
  /** The engine's `pod_default_retry_delay`, in seconds. */
  readonly podDefaultRetryDelaySeconds: number;
}

/** `entry["retry_count"]` with the error Python raises for each kind of entry. */
function retryCountOf(entry: unknown): { ok: true; value: unknown } | (RetryPolicy & { ok: false }) {
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    if (!Object.prototype.hasOwnProperty.call(entry, 'retry_count')) return { ok: false, error: { type: 'KeyError', message: "'retry_count'" } };
    return { ok: true, value: (entry as Record<string, unknown>).retry_count };
  }
  if (typeof entry === 'string') return { ok: false, error: { type: 'TypeError', message: "string indices must be integers, not 'str'" } };
  if (Array.isArray(entry)) return { ok: false, error: { type: 'TypeError', message: 'list indices must be integers or slices, not str' } };
  return { ok: false, error: { type: 'TypeError', message: `'${pyTypeName(entry)}' object is not subscriptable` } };
}

export function retryPolicyFor(reason: string | null, podErrorCfgSourceDict: unknown, defaults: RetryDefaults): RetryPolicy {
  const delaySeconds = defaults.podDefaultRetryDelaySeconds;
  const fallback: RetryPolicy = { ok: true, retryCount: defaults.taskRetries, delaySeconds, source: 'task_retries' };
  const dict = podErrorCfgSourceDict;
  if (typeof dict !== 'object' || dict === null) {
    return { ok: false, error: { type: 'TypeError', message: `argument of type '${pyTypeName(dict)}' is not iterable` } };
  }
  // `reason in dict`: for a list the membership test compares items; for a dict the keys (always strings).
  const present = Array.isArray(dict) ? dict.includes(reason) : reason !== null && Object.prototype.hasOwnProperty.call(dict, reason);
  if (!present) return fallback;
  if (Array.isArray(dict)) return { ok: false, error: { type: 'TypeError', message: 'list indices must be integers or slices, not str' } };
  const count = retryCountOf((dict as Record<string, unknown>)[reason as string]);
  if (!count.ok) return count;
  return { ok: true, retryCount: count.value, delaySeconds, source: 'pod_error_cfg_source_dict' };
}
