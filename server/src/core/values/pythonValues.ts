// Python's `str()`, `repr()` and type names of parsed values (what hjson produces), as dbnd's messages and
// its `List[str]` conversion show them: True/False, None, ints, floats in Python's repr, dicts and lists
// printed with repr'd items. The one home of these rules for the values, resolver, pod and lifecycle code.
import { pythonRepr } from '../reader/pythonText';
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

function isObject(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Python's `repr()` of a parsed value: strings quoted, dicts and lists with repr'd items. */
export function pythonReprOf(value: JsonValue): string {
  if (typeof value === 'string') return pythonRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonReprOf).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonReprOf(v)}`).join(', ')}}`;
  return pythonStr(value);
}

/** Python's `str()` of a parsed value. */
export function pythonStr(value: JsonValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumberStr(value);
  if (typeof value === 'string') return value;
  return pythonReprOf(value);
}

/** The Python type name that appears in TypeError/AttributeError messages. */
export function pythonTypeName(value: unknown): string {
  if (value === undefined || value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}
