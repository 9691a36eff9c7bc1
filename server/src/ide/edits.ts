// Text edits in editor terms: what rename and quick fixes hand back, grouped per file URI.
import type { Range } from '../core/text/range';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Edits per file URI; within a file they do not overlap. */
export type WorkspaceEdit = ReadonlyMap<string, readonly TextEdit[]>;
