// Python 3.11 string semantics that configparser relies on, written for JS strings.
// Python's `str.strip()`, `str.isspace()` and the regex `\s`/`\S` share one whitespace set, which differs from
// JS `trim()` (Python adds U+001C..U+001F and U+0085; JS adds U+FEFF). Every whitespace character is in the BMP,
// so "number of leading whitespace code points" (Python's indent) equals the UTF-16 length of that prefix.

/** `chr(code).isspace()` in CPython 3.11. */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Index of the first non-whitespace character of `text[start, end)`, or `end` when there is none. */
export function skipSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isPythonSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-whitespace character of `text[start, end)`, or `start` when there is none. */
export function skipSpaceBackward(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isPythonSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** `s.strip()` */
export function pythonStrip(s: string): string {
  const start = skipSpace(s, 0, s.length);
  return s.slice(start, skipSpaceBackward(s, start, s.length));
}

/** `s.rstrip()` */
export function pythonRstrip(s: string): string {
  return s.slice(0, skipSpaceBackward(s, 0, s.length));
}

/**
 * `str.lower()`, configparser's `optionxform`. JS `toLowerCase` applies the same Unicode full case mapping
 * (including the final-sigma rule); only characters added after Unicode 14 could differ.
 */
export function pythonLower(s: string): string {
  return s.toLowerCase();
}

// Characters `str.isprintable()` rejects: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** `repr(s)` for a str, as `%r` and `{!r}` print it in configparser's messages. */
export function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  // `for...of` walks code points and yields a lone surrogate as itself, which Python also escapes.
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += escapeCodePoint(cp);
    else if (cp < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) out += escapeCodePoint(cp);
    else out += ch;
  }
  return out + quote;
}

/** `'%2d' % n` / `'{0:2d}'.format(n)`: right-aligned in a field of width 2. */
export function pythonWidth2(n: number): string {
  return String(n).padStart(2, ' ');
}
