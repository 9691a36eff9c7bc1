// Feature: completion of section headers, keys and values, as an editor asks for it while one types.
//
//   [kub$0          → kubernetes, sections defined in other files, names used by `_from`/`remote_engine`/...
//   [my_k8s]        (my_k8s has `_from = base` in another file and base has `_type = kubernetes`)
//   na$0            → the keys of KubernetesEngineConfig not yet in [my_k8s]; accepting one inserts
//                     `namespace = ` and, for a key with a value list, opens that list
//   image_pull_policy = $0 → Always, IfNotPresent, Never
//
// Every entry replaces the word typed so far (its `replace` range), so accepting `namespace` on `namesp`
// gives `namespace = `, not `namespnamespace = `. The extension's snippets come here too, only where they fit
// (snippets.ts).
import type { Position } from '../../core/text/range';
import type { Analysis } from '../analysis';
import type { CompletionEntry, CompletionList } from './completionItem';
import { valueCompletions } from './completionValues';
import { type CursorContext, cursorContext } from './cursorContext';
import { headerCompletions } from './headerCompletions';
import { keyCompletions } from './keyCompletions';
import { lineSnippets, valueSnippets } from './snippets';

/** Characters that open a completion list without an explicit request: `[` a header (or a JSON list), `=` a
 *  value, `"` a JSON key or value. */
export const COMPLETION_TRIGGER_CHARACTERS = ['[', '"', '='] as const;

/**
 * The list at `pos`; `triggerCharacter` is the character whose typing asked for it (the editor's
 * CompletionContext), undefined for an explicit request or a word being typed.
 *
 * Never incomplete: every list here depends on where the cursor is (a header, a key of this section, the value
 * of this key, this place inside a JSON value), never on the letters of the word being typed, and the place
 * only changes at a character that is not part of a word (`[`, `=`, `"`, `{`, `,`, `:`, a space), where the
 * editor asks again anyway. So the editor may filter the first answer itself while the word grows.
 */
export function completionList(
  analysis: Analysis,
  uri: string,
  pos: Position,
  triggerCharacter?: string,
): CompletionList {
  return { isIncomplete: false, entries: completions(analysis, uri, pos, triggerCharacter) };
}

export function completions(
  analysis: Analysis,
  uri: string,
  pos: Position,
  triggerCharacter?: string,
): CompletionEntry[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  // The editor's positions: a leading byte order mark reads as a space (Analysis.document), so the first
  // header is a header and the columns of line 1 stay those the client counts.
  const doc = analysis.document(file);
  const ctx = cursorContext(doc, pos);
  if (triggerCharacter !== undefined && !triggerFits(ctx, triggerCharacter)) return [];
  switch (ctx.kind) {
    case 'header':
      return headerCompletions(analysis, doc, ctx);
    case 'key': {
      const keys = keyCompletions(analysis, doc, ctx);
      return [...keys, ...lineSnippets(ctx, new Set(keys.map((k) => k.label)))];
    }
    case 'value':
      return spacedAfterDelimiter(ctx, [...valueCompletions(analysis, ctx), ...valueSnippets(ctx)]);
    case 'none':
      return [];
  }
}

/**
 * Whether a trigger character opens a list where it was typed: `=` only as the key's delimiter (not inside a
 * value: `args = a=b`), `"` only inside a string of a JSON value, `[` on a header or inside a JSON value.
 */
function triggerFits(ctx: CursorContext, trigger: string): boolean {
  switch (trigger) {
    case '=':
      return ctx.kind === 'value' && ctx.before.trim() === '';
    case '"':
      return ctx.kind === 'value' && ctx.json.inString && ctx.json.stack.length > 0;
    case '[':
      return ctx.kind === 'header' || (ctx.kind === 'value' && ctx.json.stack.length > 0);
    default:
      return true;
  }
}

/** Right after the `=` (the `=` trigger), a value comes with the space before it: `key = True`, not `key =True`. */
function spacedAfterDelimiter(ctx: Extract<CursorContext, { kind: 'value' }>, entries: CompletionEntry[]) {
  const delimiterEnd = ctx.entry.delimiterRange.end;
  const atDelimiter =
    delimiterEnd.line === ctx.replace.start.line && delimiterEnd.character === ctx.replace.start.character;
  if (!atDelimiter) return entries;
  return entries.map((e) => ({ ...e, insertText: ` ${e.insertText ?? e.label}` }));
}
