// How many retries a crashed task gets, and after which delay (docs/dbnd-rules.md §4.5; _handle_crashed_task_instance).
// The count comes from `pod_error_cfg_source_dict[reason]["retry_count"]` when the reason is a key of it,
// otherwise from the task's own `task_retries`. The delay is always `pod_default_retry_delay` for a task on a
// Kubernetes engine: the `retry_delay` inside the dict is never read.
import { pyTypeName } from '../python';
import { type DbndResult, fail, ok } from '../result';

export type RetrySource = 'pod_error_cfg_source_dict' | 'task_retries';

export interface RetryPolicy {
  /** What becomes task.retries / the operator's retries / the task instance's max_tries. */
  readonly retryCount: unknown;
  readonly delaySeconds: number;
  readonly source: RetrySource;
}

export interface RetryDefaults {
  /** The task's `task_retries` (default 0). */
  readonly taskRetries: number;
  /** The engine's `pod_default_retry_delay`, in seconds. */
  readonly podDefaultRetryDelaySeconds: number;
}

/** `entry["retry_count"]` with the error Python raises for each kind of entry. */
function retryCountOf(entry: unknown): DbndResult<unknown> {
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    if (!Object.prototype.hasOwnProperty.call(entry, 'retry_count')) return fail('KeyError', "'retry_count'");
    return ok((entry as Record<string, unknown>).retry_count);
  }
  if (typeof entry === 'string') return fail('TypeError', "string indices must be integers, not 'str'");
  if (Array.isArray(entry)) return fail('TypeError', 'list indices must be integers or slices, not str');
  return fail('TypeError', `'${pyTypeName(entry)}' object is not subscriptable`);
}

export function retryPolicyFor(
  reason: string | null,
  podErrorCfgSourceDict: unknown,
  defaults: RetryDefaults,
): DbndResult<RetryPolicy> {
  const delaySeconds = defaults.podDefaultRetryDelaySeconds;
  const fallback = ok<RetryPolicy>({ retryCount: defaults.taskRetries, delaySeconds, source: 'task_retries' });
  const dict = podErrorCfgSourceDict;
  if (typeof dict !== 'object' || dict === null) {
    return fail('TypeError', `argument of type '${pyTypeName(dict)}' is not iterable`);
  }
  // `reason in dict`: for a list the membership test compares items; for a dict the keys (always strings).
  const present = Array.isArray(dict)
    ? dict.includes(reason)
    : reason !== null && Object.prototype.hasOwnProperty.call(dict, reason);
  if (!present) return fallback;
  if (Array.isArray(dict)) return fail('TypeError', 'list indices must be integers or slices, not str');
  const count = retryCountOf((dict as Record<string, unknown>)[reason as string]);
  if (!count.ok) return count;
  return ok({ retryCount: count.value, delaySeconds, source: 'pod_error_cfg_source_dict' });
}
