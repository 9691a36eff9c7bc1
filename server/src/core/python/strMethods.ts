// Python 3.11 `str` methods that configparser and dbnd rely on, written for JS strings.
// Python's `str.strip()`, `str.isspace()` and the regex `\s`/`\S` share one whitespace set, which differs from
// JS `trim()` (Python adds U+001C..U+001F and U+0085; JS adds U+FEFF). Every whitespace character is in the BMP,
// so "number of leading whitespace code points" (Python's indent) equals the UTF-16 length of that prefix.

/** `chr(code).isspace()` in CPython 3.11. */
export function pyIsSpace(code: number): boolean {
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

/** Index of the first non-whitespace (per `str.isspace`) character of `text[start, end)`, or `end` when there is none. */
export function skipPySpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && pyIsSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-whitespace (per `str.isspace`) character of `text[start, end)`, or `start` when there is none. */
export function skipPySpaceBackward(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && pyIsSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** `s.strip()` */
export function pyStrip(s: string): string {
  const start = skipPySpace(s, 0, s.length);
  return s.slice(start, skipPySpaceBackward(s, start, s.length));
}

/** `s.rstrip()` */
export function pyRstrip(s: string): string {
  return s.slice(0, skipPySpaceBackward(s, 0, s.length));
}

/**
 * `str.lower()`, configparser's `optionxform`. JS `toLowerCase` applies the same Unicode full case mapping
 * (including the final-sigma rule); only characters added after Unicode 14 could differ.
 */
export function pyLower(s: string): string {
  return s.toLowerCase();
}
