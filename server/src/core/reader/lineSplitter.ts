// Splits text into lines the way Python's text-mode file iteration does (universal newlines: `\r\n`, `\r` and
// `\n` all end a line). These are also the line breaks of LSP and VS Code, so line numbers agree.
// Only offsets are produced, in typed arrays sized by a first counting pass: no line string and no per-line
// object is allocated here, which keeps a 100k-line file out of the garbage collector's way.

export interface LineTable {
  /** Offset of the first character of each line. */
  readonly starts: Uint32Array;
  /** Offset just past each line's content (before its line break). */
  readonly ends: Uint32Array;
  /** 1 when the line is followed by a line break (Python then yields it with a trailing `\n`). */
  readonly hasBreak: Uint8Array;
}

function countLines(text: string, hasCr: boolean): number {
  let count = 0;
  if (!hasCr) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) count++;
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  // Text after the last line break is one more line; a final line break does not start another one.
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== 10 && last !== 13 ? count + 1 : count;
}

export function splitLines(text: string): LineTable {
  const n = text.length;
  const hasCr = text.indexOf('\r') >= 0;
  const count = countLines(text, hasCr);
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const hasBreak = new Uint8Array(count);
  let start = 0;
  for (let line = 0; line < count; line++) {
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
    starts[line] = start;
    ends[line] = end;
    hasBreak[line] = end < n ? 1 : 0;
    start = next;
  }
  return { starts, ends, hasBreak };
}
