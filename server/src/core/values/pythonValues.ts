// Python's `str()` of the values hjson produces, as dbnd applies it to every leaf of a `List[str]` parameter
// (`volumes`, `volume_mounts`, `security_context`, `configmaps`, `dbnd_executable`): True/False, integers,
// floats in Python's repr, None stays None.
import type { JsonValue } from '../schema/types';

/** Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) return String(x);
  const [mantissa, exponent] = x.toExponential().split('e');
  const exp = Number(exponent);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * `str(value)` for a number that came out of hjson. hjson turns integral floats into ints (`3.0` → 3), so an
 * integral JS number is a Python int here.
 */
export function pythonNumberStr(x: number): string {
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  return pythonFloatRepr(x);
}

/** `str(leaf)` for a JSON scalar; containers are left to the caller's traversal. */
export function pythonStr(value: Exclude<JsonValue, readonly JsonValue[] | { readonly [key: string]: JsonValue }>): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumberStr(value);
  return value;
}

/** Python's `repr()` of a list of strings, as dbnd prints `['local', 'k8s']` in messages. */
export function pythonListRepr(items: readonly unknown[]): string {
  return `[${items.map((i) => (typeof i === 'string' ? `'${i.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(i))).join(', ')}]`;
}
