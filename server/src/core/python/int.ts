// Python's `int()` of a value, which dbnd applies to pod parameters such as ports and grace periods, and the
// text rules `int()`/`float()` share (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII).
import type { Json } from '../json';
import { type DbndResult, fail, ok } from '../result';
import { pyRepr, pyTypeName } from './str';
import { pyStrip } from './strMethods';

const UNICODE_DIGIT = /\p{Nd}/u;

/** The value 0-9 of a Unicode decimal digit: every Nd run in Unicode is made of whole 0..9 blocks. */
function decimalValue(cp: number): number {
  let start = cp;
  while (start > 0 && UNICODE_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * The text `int()`/`float()` actually parse: surrounding whitespace stripped and every Unicode decimal digit
 * (Arabic-Indic `٣`, full-width `７`, ...) turned into its ASCII digit, as CPython does before parsing.
 */
export function pyNumericText(text: string): string {
  let out = '';
  for (const ch of pyStrip(text)) {
    const cp = ch.codePointAt(0) as number;
    out += cp > 0x7f && UNICODE_DIGIT.test(ch) ? String(decimalValue(cp)) : ch;
  }
  return out;
}

/** `int(text)` in base 10: a sign, digits with single `_` between them; leading zeros are fine (`007` is 7). */
const INT_TEXT = /^[+-]?[0-9](?:_?[0-9])*$/;

export function pyIntFromString(text: string): DbndResult<number> {
  const s = pyNumericText(text);
  if (!INT_TEXT.test(s)) return fail('ValueError', `invalid literal for int() with base 10: ${pyRepr(text)}`);
  return ok(Number(s.replace(/_/g, '')));
}

/** `int(x)` for a str/int/float/bool, with CPython's ValueError and TypeError texts. */
export function pyInt(value: Json): DbndResult<number> {
  if (typeof value === 'boolean') return ok(value ? 1 : 0);
  if (typeof value === 'number') return ok(Math.trunc(value));
  if (typeof value === 'string') return pyIntFromString(value);
  return fail(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}
