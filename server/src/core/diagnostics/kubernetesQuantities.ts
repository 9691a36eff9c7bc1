// Resource amounts (`request_cpu`, `limit_memory`, the values of `requests`/`limits`) go into the pod as
// Kubernetes quantities. dbnd passes the text through; the API rejects a malformed one ("1 GB", "500mb"),
// so the pod is never created. Falsy values are dropped by dbnd (docs/dbnd-rules.md §3.6) and are fine.
import type { Json } from '../json';
import type { Environment } from '../environment';
import { expandEnvVar } from '../values/expandVars';
import { type EntryFacts, findJsonMember, isObject, parsedJson } from './checkedEntries';
import type { CoreDiagnostic } from './types';

/** Kubernetes' quantity grammar: a decimal number with an optional binary, decimal or exponent suffix. */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function isKubernetesQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

const SCALAR_KEYS = new Set(['request_cpu', 'request_memory', 'limit_cpu', 'limit_memory']);
const MAP_KEYS = new Set(['requests', 'limits']);

function quantityMessage(what: string, value: Json): string {
  return (
    `${what} = ${JSON.stringify(value)} is not a Kubernetes quantity (e.g. 250m, 0.5, 64Mi, 2Gi): the API rejects ` +
    `the pod. dbnd passes the value through unchecked.`
  );
}

export function quantityDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  const { entry, path } = checked;
  if (checked.cls?.family !== 'kubernetes' || !checked.param || checked.value === undefined) return [];
  if (SCALAR_KEYS.has(entry.key)) {
    const text = expandEnvVar(checked.value, env).value;
    if (!text || text.startsWith('@') || text.includes('$') || isKubernetesQuantity(text)) return [];
    return [
      {
        path,
        range: entry.valueRange,
        severity: 'warning',
        code: 'invalid-quantity',
        message: quantityMessage(`'${entry.key}'`, text),
      },
    ];
  }
  if (!MAP_KEYS.has(entry.key)) return [];
  const parsed = parsedJson(checked, env);
  if (!parsed?.ok || !isObject(parsed.value)) return [];
  const out: CoreDiagnostic[] = [];
  for (const [resource, amount] of Object.entries(parsed.value)) {
    if (typeof amount === 'number' && Number.isFinite(amount)) continue;
    if (typeof amount === 'string' && isKubernetesQuantity(amount)) continue;
    out.push({
      path,
      range: findJsonMember(entry, resource)?.range ?? entry.valueRange,
      severity: 'warning',
      code: 'invalid-quantity',
      message: quantityMessage(`'${resource}' in '${entry.key}'`, amount),
    });
  }
  return out;
}
