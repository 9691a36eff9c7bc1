// What a quick fix is, in editor terms: a title, the diagnostic it fixes and the edits that fix it. Each fix
// lives in its own file in this folder and is listed in index.ts.
import type { CoreDiagnostic } from '../../core/diagnostics/types';
import type { Range } from '../../core/text/range';
import type { Analysis, ProjectFile } from '../analysis';
import type { TextEdit, WorkspaceEdit } from '../edits';

export interface CodeAction {
  readonly title: string;
  readonly diagnostic: CoreDiagnostic;
  readonly edit: WorkspaceEdit;
  /** The one fix to apply when the user asks for "the" fix (e.g. the did-you-mean). */
  readonly isPreferred?: boolean;
}

export interface FixContext {
  readonly analysis: Analysis;
  readonly file: ProjectFile;
  readonly diagnostic: CoreDiagnostic;
}

/** A quick fix: a code action for the diagnostic, or undefined when it does not apply. */
export type QuickFix = (ctx: FixContext) => CodeAction | undefined;

/** An action whose edits all touch the diagnostic's own file. */
export function fileAction(
  ctx: FixContext,
  title: string,
  edits: readonly TextEdit[],
  isPreferred = false,
): CodeAction {
  return { title, diagnostic: ctx.diagnostic, edit: new Map([[ctx.file.uri, edits]]), isPreferred };
}

/** The text of line `line` (0-based) without its line break. */
export function lineText(file: ProjectFile, line: number): string {
  const starts = file.doc.lineStarts;
  const start = starts[line] ?? file.text.length;
  const end = line + 1 < starts.length ? starts[line + 1] : file.text.length;
  return file.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** The text a single-line range covers. */
export function rangeText(file: ProjectFile, range: Range): string {
  return lineText(file, range.start.line).slice(
    range.start.character,
    range.end.line === range.start.line ? range.end.character : undefined,
  );
}

/** A range covering whole lines `first..last` including the last line's break, for deletions. */
export function wholeLines(first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
}
