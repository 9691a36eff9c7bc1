// `volumes`, `volume_mounts` and `security_context` are declared `List[str]` in dbnd, so after hjson every
// nested leaf goes through `str()` (docs/dbnd-rules.md §3.10): `readOnly: true` reaches the pod as the string
// 'True', `runAsUser: 1000` as '1000'. dbnd says nothing; the Kubernetes API rejects the pod.
import type { Json } from '../json';
import type { Environment } from '../environment';
import { type EntryFacts, findJsonMember, parsedJson } from './checkedEntries';
import type { CoreDiagnostic } from './types';

const STRINGIFIED_KEYS = new Set(['volumes', 'volume_mounts', 'security_context']);

interface TypedLeaf {
  readonly key: string;
  readonly value: boolean | number;
}

function typedLeaves(value: Json, key = ''): TypedLeaf[] {
  if (Array.isArray(value)) return value.flatMap((v) => typedLeaves(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => typedLeaves(v, k));
  return typeof value === 'boolean' || typeof value === 'number' ? [{ key, value }] : [];
}

export function stringifiedPodFieldDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  if (checked.cls?.family !== 'kubernetes' || !checked.param || !STRINGIFIED_KEYS.has(checked.entry.key)) return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok) return [];
  const out: CoreDiagnostic[] = [];
  let from = 0;
  for (const leaf of typedLeaves(parsed.value)) {
    const member = leaf.key ? findJsonMember(checked.entry, leaf.key, from) : undefined;
    if (member) from = member.end;
    const kind = typeof leaf.value === 'boolean' ? 'boolean' : 'number';
    const shown = typeof leaf.value === 'boolean' ? (leaf.value ? 'True' : 'False') : String(leaf.value);
    out.push({
      path: checked.path,
      range: member?.range ?? checked.entry.valueRange,
      severity: 'warning',
      code: 'stringified-pod-field',
      message:
        `${leaf.key ? `'${leaf.key}'` : 'This value'} reaches the pod as the string '${shown}', not as a ${kind}: dbnd ` +
        `declares '${checked.entry.key}' as List[str] and converts every nested value with str(). The Kubernetes API ` +
        `expects a ${kind} there and rejects the pod. Set this field in the pod template (pod_yaml) instead.`,
    });
  }
  return out;
}
