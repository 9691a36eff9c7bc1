// Python's `int()` of a value, which dbnd applies to pod parameters such as ports and grace periods.
import type { Json } from '../json';
import { type DbndResult, fail, ok } from '../result';
import { pyRepr, pyTypeName } from './str';

/** `int(x)` for a str/int/float/bool, with CPython's ValueError and TypeError texts. */
export function pyInt(value: Json): DbndResult<number> {
  if (typeof value === 'boolean') return ok(value ? 1 : 0);
  if (typeof value === 'number') return ok(Math.trunc(value));
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+(_\d+)*$/.test(text)) return ok(Number(text.replace(/_/g, '')));
    return fail('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
  }
  return fail(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}
