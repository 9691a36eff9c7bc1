// Keys of `labels` and `annotations` must be Kubernetes qualified names: an optional DNS-subdomain prefix and
// `/`, then at most 63 characters of [A-Za-z0-9-_.] starting and ending alphanumeric. dbnd cleans label *values*
// (docs/dbnd-rules.md §3.3) but never keys, so a bad key reaches the API, which rejects the pod.
import type { Environment } from '../environment';
import { type EntryFacts, findJsonMember, isObject, parsedJson } from './checkedEntries';
import type { CoreDiagnostic } from './types';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label/annotation key, or null when it is. */
export function qualifiedNameProblem(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null) {
    if (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      return `its prefix '${prefix}' is not a lower-case DNS subdomain (e.g. example.com)`;
    }
  }
  if (!name) return 'the name part is empty';
  if (name.length > 63) return `the name part is ${name.length} characters long (at most 63)`;
  if (!NAME.test(name))
    return 'the name part must be letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return null;
}

export function labelAndAnnotationKeyDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  const { entry } = checked;
  if (checked.cls?.family !== 'kubernetes' || !checked.param || (entry.key !== 'labels' && entry.key !== 'annotations'))
    return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok || !isObject(parsed.value)) return [];
  const out: CoreDiagnostic[] = [];
  for (const key of Object.keys(parsed.value)) {
    const problem = qualifiedNameProblem(key);
    if (!problem) continue;
    out.push({
      path: checked.path,
      range: findJsonMember(entry, key)?.range ?? entry.valueRange,
      severity: 'warning',
      code: 'invalid-metadata-key',
      message:
        `'${key}' is not a valid Kubernetes ${entry.key === 'labels' ? 'label' : 'annotation'} key: ${problem}. ` +
        `dbnd does not clean keys, so the API rejects the pod.`,
    });
  }
  return out;
}
