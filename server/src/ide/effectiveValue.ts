// The value a key ends up with for a section's object, where it comes from, and whether the line under the
// cursor is that value or is beaten by another file, section or variable. Secret-bearing values are never shown.
import type { ConfigValue } from '../core/config/configValue';
import type { Json } from '../core/json';
import type { CfgEntry } from '../core/reader';
import { isPackageDefault, originText } from '../core/run/provenance';
import type { ParamSchema } from '../core/schema/types';
import { parseParameterValue } from '../core/values/parseValue';
import type { Analysis } from './analysis';
import { formatDefault } from './keyDocs';
import { valueStack } from './projectQueries';

/** Keys whose values may be credentials: their values are never displayed. */
const SENSITIVE_KEY = /(token|password|passwd|api_key|access_key|secret_key|credentials)/i;

/** One place the value comes from: its words, and the file line when it is in a file of the user's. */
export interface ValueFrom {
  /** `.dbnd/databand-system.cfg:12` (relative to DBND_HOME), `$DBND__K8S__NAMESPACE`, `package default dbnd-run.cfg:40`, `code default`. */
  readonly text: string;
  /** The file and 0-based line, for a link; absent for variables, defaults and dbnd's packaged files. */
  readonly file?: { readonly path: string; readonly line: number };
}

export interface EffectiveValue {
  /** The value as text, safe to show. */
  readonly text: string;
  /** Where it comes from, lowest layer first (several when `extend` merged values). */
  readonly from: readonly ValueFrom[];
  /** The line under the cursor decides the value (alone or as part of an `extend` stack). */
  readonly thisLineWins: boolean;
  /** dbnd's error when the winning value does not parse for the key's type. */
  readonly error?: string;
}

/** `secrets` entries: the secret names and keys only. */
function secretsText(value: Json): string {
  if (!Array.isArray(value)) return '(not a list)';
  return value
    .map((s) => {
      if (typeof s !== 'object' || s === null || Array.isArray(s)) return '?';
      const entry = s as Record<string, Json>;
      return `${String(entry.secret ?? '?')}${entry.key !== undefined && entry.key !== null ? `/${String(entry.key)}` : ''}`;
    })
    .join(', ');
}

export function displayValue(key: string, value: Json): string {
  if (SENSITIVE_KEY.test(key)) return '(hidden: may be a credential)';
  if (key === 'secrets') return `secrets ${secretsText(value)}`;
  return formatDefault(value);
}

function isThisLine(cv: ConfigValue, path: string, entry: CfgEntry): boolean {
  return (
    cv.origin.kind === 'file' && cv.origin.path === path && cv.origin.keyRange.start.line === entry.keyRange.start.line
  );
}

function valueFrom(cv: ConfigValue, root: string | undefined): ValueFrom {
  const text = originText(cv.origin, cv.source, root);
  const o = cv.origin;
  return o.kind === 'file' && !isPackageDefault(o.path)
    ? { text, file: { path: o.path, line: o.keyRange.start.line } }
    : { text };
}

export function effectiveValue(
  analysis: Analysis,
  objectName: string,
  param: ParamSchema | undefined,
  key: string,
  here?: { path: string; entry: CfgEntry },
): EffectiveValue | undefined {
  const stack = valueStack(analysis, objectName, key);
  if (stack.length === 0) {
    if (!param) return undefined;
    return param.hasDefault
      ? { text: displayValue(key, param.default ?? null), from: [{ text: 'code default' }], thisLineWins: false }
      : { text: '(none)', from: [{ text: 'no file sets it and the code has no default' }], thisLineWins: false };
  }
  const top = stack[stack.length - 1];
  const thisLineWins = here !== undefined && stack.some((cv) => isThisLine(cv, here.path, here.entry));
  const from = stack.map((cv) => valueFrom(cv, analysis.env.DBND_HOME));
  if (!param)
    return { text: SENSITIVE_KEY.test(key) ? displayValue(key, null) : formatDefault(top.value), from, thisLineWins };
  const parsed = parseParameterValue(top.value, param, { env: analysis.env, readFile: analysis.snapshot.readFile });
  if (!parsed.ok)
    return {
      text: displayValue(key, top.value),
      from,
      thisLineWins,
      error: `${parsed.error.type}: ${parsed.error.message}`,
    };
  return { text: displayValue(key, parsed.value), from, thisLineWins };
}
