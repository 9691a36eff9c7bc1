// Inline cursor markers for fixtures: `$0` marks the position under test and is removed from the text, so a test
// reads `'[k]\nname$0space = x\n'` instead of a text plus a separate line/character pair.
// Positions are 0-based lines and UTF-16 characters, as in the LSP and in the core's ranges.

export interface CursorPosition {
  line: number;
  character: number;
}

export interface CursorRange {
  start: CursorPosition;
  end: CursorPosition;
}

export function withCursor(marked: string): { text: string; position: CursorPosition; offset: number } {
  const at = marked.indexOf('$0');
  if (at < 0 || marked.indexOf('$0', at + 1) >= 0) throw new Error('fixture needs exactly one $0');
  const before = marked.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { text: before + marked.slice(at + 2), position: { line, character: at - lineStart }, offset: at };
}

/** The document text a range covers (lines split like the reader splits them). */
export function textOf(text: string, r: CursorRange): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}
