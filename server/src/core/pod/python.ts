// Small faithful ports of the Python builtins the pod building relies on beyond str()/repr() (which live in
// values/pythonValues): int() of a value, os.path.dirname and textwrap.dedent.
import { pythonRepr } from '../reader/pythonText';
import { pythonTypeName } from '../values/pythonValues';
import type { Json } from './json';

export type IntResult = { ok: true; value: number } | { ok: false; message: string };

/** Python's int(x) for a str/int/float/bool, with CPython's ValueError text. */
export function pyInt(value: Json): IntResult {
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (typeof value === 'number') return { ok: true, value: Math.trunc(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+(_\d+)*$/.test(text)) return { ok: true, value: Number(text.replace(/_/g, '')) };
    return { ok: false, message: `invalid literal for int() with base 10: ${pythonRepr(value)}` };
  }
  return { ok: false, message: `int() argument must be a string, a bytes-like object or a real number, not '${pythonTypeName(value)}'` };
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
