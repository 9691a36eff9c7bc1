// Applies ide/ text edits to a text, as an editor would (edits do not overlap; applied from the end).
import type { TextEdit } from '../../server/src/ide/edits';
import type { Position } from '../../server/src/core/text/range';

function offsetOf(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + p.character, text.length);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offsetOf(out, e.range.start)) + e.newText + out.slice(offsetOf(out, e.range.end));
  return out;
}
