// Small faithful ports of the Python builtins the pod building relies on: str()/repr() of parsed values,
// int() of a string, os.path.dirname and textwrap.dedent.
import { isJsonObject, type Json } from './json';

/** Python's repr(float): shortest round-trip digits, scientific below 1e-4 and from 1e16. */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e16) return Number.isInteger(x) ? x.toFixed(1) : String(x);
  const [mantissa, exponent] = x.toExponential().split('e');
  const exp = Number(exponent);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** str() of a number from hjson: an integral number is a Python int there (hjson turns 3.0 into 3). */
function numberStr(x: number): string {
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  return floatRepr(x);
}

/** Python's repr() of a str: single quotes unless the text holds a ' and no ". */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a parsed value (dicts and lists print their items with repr). */
export function pyRepr(value: Json): string {
  if (typeof value === 'string') return pyStrRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return pyStr(value);
}

/** Python's str() of a parsed value. */
export function pyStr(value: Json): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberStr(value);
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** The Python type name that appears in TypeError/AttributeError messages. */
export function pyTypeName(value: Json | undefined): string {
  if (value === undefined || value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}

export type IntResult = { ok: true; value: number } | { ok: false; message: string };

/** Python's int(x) for a str/int/float/bool, with CPython's ValueError text. */
export function pyInt(value: Json): IntResult {
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (typeof value === 'number') return { ok: true, value: Math.trunc(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+(_\d+)*$/.test(text)) return { ok: true, value: Number(text.replace(/_/g, '')) };
    return { ok: false, message: `invalid literal for int() with base 10: ${pyStrRepr(value)}` };
  }
  return { ok: false, message: `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'` };
}

/** posixpath.dirname. */
export function dirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}

/** textwrap.dedent (CPython 3.11): whitespace-only lines are emptied, then the common margin is removed. */
export function dedent(text: string): string {
  const lines = text.split('\n').map((line) => (/^[ \t]+$/.test(line) ? '' : line));
  let margin: string | undefined;
  for (const line of lines) {
    const m = /^([ \t]*)[^ \t]/.exec(line);
    if (!m) continue;
    const indent = m[1];
    if (margin === undefined || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const cut = margin ?? '';
  return lines.map((line) => (cut && line.startsWith(cut) ? line.slice(cut.length) : line)).join('\n');
}
