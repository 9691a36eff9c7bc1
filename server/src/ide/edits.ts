// Text edits in editor terms: what rename and quick fixes hand back, grouped per file URI.
import type { Range } from '../core/text/range';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
  /** `newText` as an LSP snippet with `$0` where the cursor goes after the edit (clients that can place it). */
  readonly snippet?: string;
}

/** Edits per file URI; within a file they do not overlap. */
export type WorkspaceEdit = ReadonlyMap<string, readonly TextEdit[]>;
