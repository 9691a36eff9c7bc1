// Maps an offset inside an entry's raw value (continuation lines joined with `\n`) back to the document.
import type { Position, Range } from '../text/range';
import type { CfgEntry } from './model';

export function valueOffsetToPosition(entry: CfgEntry, offset: number): Position {
  const lines = entry.lines;
  // Binary search for the last line starting at or before `offset`.
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  // An offset in the `\n`s between lines (line break or a blank line) is clamped to the end of the line.
  const inLine = Math.max(0, Math.min(offset - line.offset, line.text.length));
  return { line: line.range.start.line, character: line.range.start.character + inLine };
}

export function valueSpanToRange(entry: CfgEntry, start: number, end: number): Range {
  return { start: valueOffsetToPosition(entry, start), end: valueOffsetToPosition(entry, end) };
}
