// Diagnostics remembered at one place of a file, moved by whole lines: the entry and section memos hand over
// findings of text that did not change but sits higher or lower after an edit above it.
import type { Range } from '../text/range';
import type { CoreDiagnostic } from './types';

function moveRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** Copies of `diagnostics` `lines` lines further down (up when negative); the originals stay as they are. */
export function moveDiagnostics(diagnostics: readonly CoreDiagnostic[], lines: number): CoreDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, range: moveRange(d.range, lines) }));
}
