// "What is around the cursor", in the terms completion and hover need: a section header being typed, a key
// position in a section, or a value of a key (with where inside a JSON value the cursor is). One query shared
// by the features, built on the reader's line table.
import type { CfgDocument, CfgEntry, CfgSection } from '../../core/reader';
import { lineInfoAt } from '../../core/reader/nodeAt';
import type { Position, Range } from '../../core/text/range';
import { jsonCursor, type JsonCursor } from './jsonCursor';

export type CursorContext =
  /** Typing a header: `[kub|`. `prefix` is the name typed so far. */
  | { readonly kind: 'header'; readonly prefix: string; readonly replace: Range }
  /** A key position of `section` (null before any header): a blank or key-only line, or on an existing key. */
  | {
      readonly kind: 'key';
      readonly section: CfgSection | null;
      readonly prefix: string;
      readonly replace: Range;
      readonly entry: CfgEntry | null;
    }
  /** Inside the value of `entry`. `prefix` is the word before the cursor; `json` where inside a JSON value. */
  | {
      readonly kind: 'value';
      readonly section: CfgSection | null;
      readonly entry: CfgEntry;
      readonly prefix: string;
      readonly replace: Range;
      /** The value's text from its start to the cursor. */
      readonly before: string;
      readonly json: JsonCursor;
    }
  | { readonly kind: 'none' };

const WORD = /[\w.\-@${}]/;
/** Inside a JSON value a brace or `$` is punctuation, not part of the word an item replaces (`{"255": {|`). */
const JSON_WORD = /[\w.\-]/;

export function lineText(doc: CfgDocument, line: number): string {
  const start = doc.lineStarts[line] ?? doc.text.length;
  const end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  return doc.text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** The word around `character` on `text` (identifier characters, dots, dashes). */
export function wordRange(
  text: string,
  line: number,
  character: number,
  word = WORD,
): { prefix: string; replace: Range } {
  let start = Math.min(character, text.length);
  let end = start;
  while (start > 0 && word.test(text[start - 1])) start--;
  while (end < text.length && word.test(text[end])) end++;
  return {
    prefix: text.slice(start, Math.min(character, text.length)),
    replace: { start: { line, character: start }, end: { line, character: end } },
  };
}

function sectionAt(doc: CfgDocument, index: number): CfgSection | null {
  return index >= 0 ? (doc.sections[index] ?? null) : null;
}

/** The value text of `entry` from its start up to `pos` (continuation lines joined with `\n`). */
function valueBefore(doc: CfgDocument, entry: CfgEntry, pos: Position): string {
  const start = entry.valueRange.start;
  const from = doc.lineStarts[start.line] + start.character;
  const to = doc.lineStarts[pos.line] + pos.character;
  return to > from ? doc.text.slice(from, to) : '';
}

export function cursorContext(doc: CfgDocument, pos: Position): CursorContext {
  const info = lineInfoAt(doc, pos.line);
  const text = info ? lineText(doc, pos.line) : '';
  const before = text.slice(0, pos.character);
  const header = /^\s*\[([^\]]*)$/.exec(before);
  if (header && (!info || info.kind !== 'continuation')) {
    const close = text.indexOf(']', pos.character);
    const startChar = before.lastIndexOf('[') + 1;
    const endChar = close >= 0 ? close : text.length;
    return {
      kind: 'header',
      prefix: header[1],
      replace: { start: { line: pos.line, character: startChar }, end: { line: pos.line, character: endChar } },
    };
  }
  const section = info ? sectionAt(doc, info.sectionIndex) : sectionAt(doc, doc.sections.length - 1);
  if (!info || info.kind === 'blank' || info.kind === 'invalid') {
    // Indented text under a value continues that value; anything else is a key being typed.
    if (info?.entry && /^\s/.test(before)) return valueContext(doc, info.entry, section, pos, text);
    if (!/^[\w.\-]*$/.test(before)) return { kind: 'none' };
    return { kind: 'key', section, entry: null, ...wordRange(text, pos.line, pos.character) };
  }
  if (info.kind === 'entry' && info.entry) {
    const entry = info.entry;
    if (pos.character <= entry.keyRange.end.character)
      return { kind: 'key', section, entry, ...wordRange(text, pos.line, pos.character) };
    if (pos.character <= entry.delimiterRange.start.character) return { kind: 'none' };
    return valueContext(doc, entry, section, pos, text);
  }
  if (info.kind === 'continuation' && info.entry) return valueContext(doc, info.entry, section, pos, text);
  return { kind: 'none' };
}

function valueContext(
  doc: CfgDocument,
  entry: CfgEntry,
  section: CfgSection | null,
  pos: Position,
  text: string,
): CursorContext {
  const before = valueBefore(doc, entry, pos);
  const json = jsonCursor(before);
  const word = json.stack.length > 0 ? JSON_WORD : WORD;
  return { kind: 'value', section, entry, before, json, ...wordRange(text, pos.line, pos.character, word) };
}
