// A completion proposal in editor terms (converted to an LSP CompletionItem in lsp/toProtocol.ts).
import type { Range } from '../../core/text/range';

export type CompletionKind = 'section' | 'key' | 'value' | 'enum' | 'reference' | 'field' | 'snippet';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line next to the label: the type and default of a key, the class of a section. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text that replaces `replace`; the label when absent. */
  readonly insertText?: string;
  /** `insertText` is an LSP snippet (`$1`, `${1|a,b|}`, `$0`). */
  readonly snippet?: boolean;
  readonly replace: Range;
  readonly deprecated?: boolean;
  /** Orders entries when the labels would not (lower first). */
  readonly sortText?: string;
  /** After accepting, the editor asks for completion again at the cursor: `key = ` opens the value list. */
  readonly reopen?: boolean;
}

/**
 * A completion answer. `isIncomplete` tells the editor to ask again on the next letter instead of filtering this
 * list itself; it is set only where the list depends on the letters typed (see completionList in index.ts).
 */
export interface CompletionList {
  readonly isIncomplete: boolean;
  readonly entries: readonly CompletionEntry[];
}

/** Escapes text for use inside a snippet (`$`, `}` and `\` are special there). */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
