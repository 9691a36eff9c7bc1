// Splits text into lines the way Python's text-mode file iteration does (universal newlines: `\r\n`, `\r` and
// `\n` all end a line). These are also the line breaks of LSP and VS Code, so line numbers agree.
// Only offsets are produced, so no line string is allocated here.

export interface LineTable {
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** Offset just past each line's content (before its line break). */
  readonly ends: number[];
  /** Whether the line is followed by a line break (Python then yields it with a trailing `\n`). */
  readonly hasBreak: boolean[];
}

export function splitLines(text: string): LineTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const hasBreak: boolean[] = [];
  const n = text.length;
  const hasCr = text.indexOf('\r') >= 0;
  let start = 0;
  while (start < n) {
    let end: number;
    let next: number;
    if (!hasCr) {
      // Fast path for the usual `\n`-only file: indexOf is much faster than a character loop.
      const nl = text.indexOf('\n', start);
      end = nl < 0 ? n : nl;
      next = nl < 0 ? n : nl + 1;
    } else {
      end = start;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        end++;
      }
      next = end < n ? (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1) : n;
    }
    starts.push(start);
    ends.push(end);
    hasBreak.push(end < n);
    start = next;
  }
  return { starts, ends, hasBreak };
}
