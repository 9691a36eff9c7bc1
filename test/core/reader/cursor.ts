// Inline cursor markers for reader fixtures: `$0` marks the position under test and is removed from the text.
import type { Position, Range } from '../../../server/src/core/text/range';

export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('$0');
  if (at < 0 || marked.indexOf('$0', at + 1) >= 0) throw new Error('fixture needs exactly one $0');
  const before = marked.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { text: before + marked.slice(at + 2), position: { line, character: at - lineStart } };
}

/** The document text a range covers (lines split like the reader splits them). */
export function textOf(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}
