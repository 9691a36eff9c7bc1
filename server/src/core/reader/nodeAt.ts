// "What is at this position": the one query completion, hover, outline and folding share.
import type { Position } from '../text/range';
import {
  CFG_LINE_KINDS,
  type CfgComment,
  type CfgDocument,
  type CfgEntry,
  type CfgInvalidLine,
  type CfgLineKind,
  type CfgSection,
} from './model';

/** One row of the document's line table. */
export interface CfgLineInfo {
  readonly kind: CfgLineKind;
  /** Section the line belongs to (the last header above it), -1 before any header. */
  readonly sectionIndex: number;
  /** The entry on this line, or whose value this blank/comment line sits inside. */
  readonly entry: CfgEntry | null;
  /** For 'entry' and 'continuation': index into `entry.lines`; -1 otherwise. */
  readonly valueLineIndex: number;
}

/** What line `line` (0-based) is, or null past the last line. */
export function lineInfoAt(doc: CfgDocument, line: number): CfgLineInfo | null {
  if (line < 0 || line >= doc.lineCount) return null;
  const t = doc.lineTable;
  return {
    kind: CFG_LINE_KINDS[t.kinds[line]],
    sectionIndex: t.sectionIndexes[line],
    entry: t.entries[line],
    valueLineIndex: t.valueLineIndexes[line],
  };
}

export type CfgNode =
  /** On the name between the brackets (end inclusive, so a cursor right after the name is here). */
  | { readonly kind: 'section-name'; readonly section: CfgSection }
  /** On a bracket or the indentation of a header line. */
  | { readonly kind: 'section-header'; readonly section: CfgSection }
  /** After the closing `]` of a header, where configparser ignores text. */
  | { readonly kind: 'header-trailing'; readonly section: CfgSection }
  /** On the key (or its indentation), end inclusive. */
  | { readonly kind: 'key'; readonly entry: CfgEntry; readonly section: CfgSection | null }
  /** Between the key and the value, up to and including the delimiter's start. */
  | { readonly kind: 'delimiter'; readonly entry: CfgEntry; readonly section: CfgSection | null }
  /** After the delimiter on the key's line. */
  | { readonly kind: 'value'; readonly entry: CfgEntry; readonly section: CfgSection | null }
  /** On a continuation line of a multi-line value; `lineIndex` indexes `entry.lines` (≥ 1). */
  | {
      readonly kind: 'continuation';
      readonly entry: CfgEntry;
      readonly section: CfgSection | null;
      readonly lineIndex: number;
    }
  /** A whole-line comment; `entry` is set when the comment sits inside a multi-line value (configparser drops it). */
  | {
      readonly kind: 'comment';
      readonly comment: CfgComment;
      readonly section: CfgSection | null;
      readonly entry: CfgEntry | null;
    }
  | { readonly kind: 'invalid-line'; readonly invalid: CfgInvalidLine; readonly section: CfgSection | null }
  /** A blank line, or past the end of the text. `section` is the section above (null before any header);
   *  `entry` is set for a blank line inside a multi-line value. */
  | { readonly kind: 'blank'; readonly section: CfgSection | null; readonly entry: CfgEntry | null };

function findOnLine<T extends { readonly range: { readonly start: Position } }>(
  items: readonly T[],
  line: number,
): T | null {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = items[mid].range.start.line;
    if (l === line) return items[mid];
    if (l < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

export function nodeAt(doc: CfgDocument, pos: Position): CfgNode {
  const sectionAt = (index: number): CfgSection | null => (index >= 0 ? doc.sections[index] : null);
  const info = lineInfoAt(doc, pos.line);
  if (!info) {
    const lastInfo = lineInfoAt(doc, Math.min(pos.line, doc.lineCount) - 1);
    return { kind: 'blank', section: lastInfo ? sectionAt(lastInfo.sectionIndex) : null, entry: null };
  }
  const section = sectionAt(info.sectionIndex);
  const ch = pos.character;
  switch (info.kind) {
    case 'header': {
      const s = section as CfgSection;
      if (ch >= s.nameRange.start.character && ch <= s.nameRange.end.character)
        return { kind: 'section-name', section: s };
      if (ch >= s.headerRange.end.character && s.trailing) return { kind: 'header-trailing', section: s };
      return { kind: 'section-header', section: s };
    }
    case 'entry': {
      const entry = info.entry as CfgEntry;
      if (ch <= entry.keyRange.end.character) return { kind: 'key', entry, section };
      if (ch <= entry.delimiterRange.start.character) return { kind: 'delimiter', entry, section };
      return { kind: 'value', entry, section };
    }
    case 'continuation':
      return { kind: 'continuation', entry: info.entry as CfgEntry, section, lineIndex: info.valueLineIndex };
    case 'comment': {
      const comment = findOnLine(doc.comments, pos.line) as CfgComment;
      return { kind: 'comment', comment, section, entry: info.entry };
    }
    case 'invalid':
      return { kind: 'invalid-line', invalid: findOnLine(doc.invalidLines, pos.line) as CfgInvalidLine, section };
    case 'blank':
      return { kind: 'blank', section, entry: info.entry };
  }
}
