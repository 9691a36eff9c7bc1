// `env_vars` and `annotations` values go into the pod as parsed, without `str()` (docs/dbnd-rules.md §3.10):
// `{"A": 1}` sends a JSON number where Kubernetes wants a string (EnvVar.value, annotation values), and the API
// rejects the pod. dbnd itself is silent, so this is a warning with the fix: quote the value.
import type { Environment } from '../environment';
import { type EntryFacts, findJsonMember, isObject, parsedJson } from './checkedEntries';
import type { CoreDiagnostic } from './types';

const STRING_VALUED = new Map([
  ['env_vars', 'an environment variable value (EnvVar.value)'],
  ['annotations', 'an annotation value'],
]);

export function unquotedPodValueDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  const what = STRING_VALUED.get(checked.entry.key);
  if (checked.cls?.family !== 'kubernetes' || !checked.param || !what) return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok || !isObject(parsed.value)) return [];
  const out: CoreDiagnostic[] = [];
  for (const [key, value] of Object.entries(parsed.value)) {
    if (typeof value === 'string' || value === null) continue;
    const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
    out.push({
      path: checked.path,
      range: findJsonMember(checked.entry, key)?.range ?? checked.entry.valueRange,
      severity: 'warning',
      code: 'unquoted-pod-value',
      message:
        `'${key}' is ${kind}, but Kubernetes only accepts a string as ${what}. dbnd passes '${checked.entry.key}' ` +
        `values through unconverted, so the API rejects the pod. Quote it: "${key}": "${typeof value === 'object' ? '...' : String(value)}".`,
    });
  }
  return out;
}
