// Items of `secrets`/`system_secrets` (docs/dbnd-rules.md §3.5). Each becomes an Airflow `Secret` when dbnd
// builds a pod, and Airflow raises AirflowConfigException for a `type` other than env/volume ("deploy_type must
// be env or volume") or a `key` without `target`. Every pod of the engine fails, so these are errors.
import type { Environment } from '../environment';
import { type EntryFacts, findJsonMember, isObject, listItemOffsets, parsedJson } from './checkedEntries';
import { closestName } from './didYouMean';
import type { CoreDiagnostic } from './types';

const SECRET_TYPES = ['env', 'volume'];

export function secretItemDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  const { entry, path } = checked;
  if (
    checked.cls?.family !== 'kubernetes' ||
    !checked.param ||
    (entry.key !== 'secrets' && entry.key !== 'system_secrets')
  )
    return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok || !Array.isArray(parsed.value)) return [];
  const out: CoreDiagnostic[] = [];
  // Where each item starts, found only for a finding (most secrets are fine): the scan reads the whole value.
  let starts: number[] | undefined;
  const startOf = (index: number) => (starts ??= listItemOffsets(entry.rawValue))[index] ?? 0;
  parsed.value.forEach((item, index) => {
    if (!isObject(item)) return;
    const type = item.type;
    if (typeof type !== 'string' || !SECRET_TYPES.includes(type)) {
      const suggestion = typeof type === 'string' ? closestName(type, SECRET_TYPES) : undefined;
      out.push({
        path,
        // Searched only for a finding: most secrets are fine, and the search is most of this check's time.
        range: findJsonMember(entry, 'type', startOf(index))?.range ?? entry.valueRange,
        severity: 'error',
        code: 'invalid-secret-type',
        message:
          `Secret type ${JSON.stringify(type ?? null)} is neither "env" nor "volume": building any pod of this engine ` +
          `fails with AirflowConfigException("deploy_type must be env or volume").` +
          (suggestion ? ` Did you mean "${suggestion}"?` : ''),
        data: suggestion ? { replaceWith: suggestion } : undefined,
      });
    }
    if (item.key !== undefined && item.key !== null && (item.target === undefined || item.target === null)) {
      out.push({
        path,
        range: findJsonMember(entry, 'key', startOf(index))?.range ?? entry.valueRange,
        severity: 'error',
        code: 'secret-key-without-target',
        message: `This secret has a 'key' but no 'target': building any pod of this engine fails with AirflowConfigException.`,
      });
    }
  });
  return out;
}
