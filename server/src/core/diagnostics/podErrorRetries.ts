// `pod_error_cfg_source_dict`: reason → {"retry_count": n}. dbnd looks a failed pod's reason up in it
// (docs/dbnd-rules.md §4.4, §4.5): an exit code as a string ("255", "137") or one of the `err_*` keys. It reads
// only `retry_count` — `retry_delay` is shipped and documented but never read — and a missing `retry_count`
// raises KeyError when a pod fails for that reason.
import type { Environment } from '../environment';
import { type EntryFacts, findJsonMember, isObject, parsedJson } from './checkedEntries';
import { closestName } from './didYouMean';
import type { CoreDiagnostic, RetryDelayFixData } from './types';

export const POD_FAILURE_REASON_KEYS = [
  'err_image_pull',
  'err_config_error',
  'err_pod_deleted',
  'err_pod_evicted',
] as const;

export function podErrorRetryDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  if (checked.cls?.family !== 'kubernetes' || checked.entry.key !== 'pod_error_cfg_source_dict') return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok || !isObject(parsed.value)) return [];
  const { entry, path } = checked;
  const out: CoreDiagnostic[] = [];
  for (const [reason, settings] of Object.entries(parsed.value)) {
    const at = findJsonMember(entry, reason);
    const reasonRange = at?.range ?? entry.valueRange;
    if (!/^-?\d+$/.test(reason) && !(POD_FAILURE_REASON_KEYS as readonly string[]).includes(reason)) {
      const suggestion = closestName(reason, POD_FAILURE_REASON_KEYS);
      out.push({
        path,
        range: reasonRange,
        severity: 'warning',
        code: 'unknown-pod-failure-reason',
        message:
          `dbnd never looks up '${reason}': a failed pod's reason is its exit code as a string ("255", "137") or one of ` +
          `${POD_FAILURE_REASON_KEYS.join(', ')}.` +
          (suggestion ? ` Did you mean '${suggestion}'?` : ''),
        data: suggestion ? { replaceWith: suggestion } : undefined,
      });
    }
    if (!isObject(settings)) continue;
    const from = at ? entry.rawValue.indexOf(reason) : 0;
    if ('retry_delay' in settings) {
      out.push({
        path,
        range: findJsonMember(entry, 'retry_delay', Math.max(0, from))?.range ?? reasonRange,
        severity: 'warning',
        code: 'retry-delay-ignored',
        message:
          `dbnd never reads 'retry_delay' here (only 'retry_count'): the delay between pod retries is ` +
          `'pod_default_retry_delay' (default 10s) for every reason.`,
        tags: ['unnecessary'],
        data: { reason } satisfies RetryDelayFixData,
      });
    }
    if (!('retry_count' in settings)) {
      out.push({
        path,
        range: reasonRange,
        severity: 'error',
        code: 'missing-retry-count',
        message: `'${reason}' has no 'retry_count': when a pod fails for this reason dbnd raises KeyError('retry_count').`,
      });
    }
  }
  return out;
}
