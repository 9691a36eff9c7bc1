// Positions and ranges in the editor's terms: 0-based line, 0-based UTF-16 character offset (what LSP and
// VS Code use). dbnd and configparser speak 1-based lines; convert at the boundary with `toPythonLine`.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The whole of one line, from its first character to its end (exclusive). */
export function lineRange(line: number, length: number): Range {
  return range(line, 0, line, length);
}

/** configparser and dbnd number lines from 1. */
export function toPythonLine(pos: Position): number {
  return pos.line + 1;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
