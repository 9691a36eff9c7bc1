// Compact implementations of the model's nodes. A 100k-line file has ~50k entries; storing line/character
// numbers and building Range objects only when asked keeps the reader from spending its time in the garbage
// collector (eager Range objects were 3 allocations each, several per line).
//
// Lines are relative to the node's block (blocks.ts: a header at column 0 and the lines up to the next one):
// an edit above a block moves it by changing its `BlockBase`, so the incremental reader reuses the block's
// nodes as they are instead of renumbering or rebuilding them.
import { range, type Range } from '../text/range';
import type { CfgComment, CfgEntry, CfgInvalidLine, CfgSection, CfgValueLine } from './model';

/** Where a block starts in its document: its first line and the index of its first section. Set by the
 *  assembly of each document the block is part of (a document consumed by an edit shares it no more). */
export class BlockBase {
  line = 0;
  sectionIndex = 0;
}

export class ValueLineNode implements CfgValueLine {
  constructor(
    readonly text: string,
    readonly offset: number,
    readonly indent: number,
    private readonly base: BlockBase,
    /** Line relative to the block's start, and the character where `text` starts. */
    private readonly relLine: number,
    readonly character: number,
  ) {}
  get line(): number {
    return this.base.line + this.relLine;
  }
  get range(): Range {
    const line = this.line;
    return range(line, this.character, line, this.character + this.text.length);
  }
}

/**
 * An entry. A single-line entry (most of them) holds no line object: its one value line is `rawValue` at
 * character `valueAt` of its key's line, and `lines` materialises it when asked (a 100k-line file has ~50k
 * entries; an object and an array per entry for that line were a tenth of the server's live heap). A multi-line
 * entry keeps its value lines, the first included.
 */
export class EntryNode implements CfgEntry {
  /** The first line's text while the block is read; configparser's joined value once `finish` ran. */
  rawValue: string;
  interpolated: string | undefined = undefined;
  /** Every value line, only once the entry has a continuation line. */
  private allLines: ValueLineNode[] | null = null;

  constructor(
    readonly rawKey: string,
    readonly key: string,
    readonly delimiter: '=' | ':',
    private readonly base: BlockBase,
    /** Index of the section among the block's sections, -1 before any header. */
    private readonly blockSection: number,
    private readonly relLine: number,
    /** Character of the key's start (the indent) and end, of the delimiter, and of the first value text. */
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly delimiterAt: number,
    readonly valueAt: number,
    firstText: string,
  ) {
    this.rawValue = firstText;
  }

  get line(): number {
    return this.base.line + this.relLine;
  }
  get sectionIndex(): number {
    return this.blockSection < 0 ? -1 : this.base.sectionIndex + this.blockSection;
  }
  /** A single-line entry's array is made per call: callers read it and drop it (nothing compares lines by
   *  identity), which costs a short-lived allocation instead of a retained one per entry. */
  get lines(): readonly ValueLineNode[] {
    return this.allLines ?? [this.firstLine()];
  }
  get lineCount(): number {
    return this.allLines ? this.allLines.length : 1;
  }
  /** The last value line's text, offset and end character, without materialising a single line. */
  get lastLine(): { readonly text: string; readonly offset: number } {
    return this.allLines ? this.allLines[this.allLines.length - 1] : { text: this.rawValue, offset: 0 };
  }
  addLine(line: ValueLineNode): number {
    (this.allLines ??= [this.firstLine()]).push(line);
    return this.allLines.length - 1;
  }
  /** The first value line (the key's indent is its indent level, as configparser's `indent_level`). Before
   *  `finish` of a multi-line entry `rawValue` is the first line's text, which `addLine` relies on. */
  private firstLine(): ValueLineNode {
    return new ValueLineNode(this.rawValue, 0, this.keyStart, this.base, this.relLine, this.valueAt);
  }

  get keyRange(): Range {
    const line = this.line;
    return range(line, this.keyStart, line, this.keyEnd);
  }
  get delimiterRange(): Range {
    const line = this.line;
    return range(line, this.delimiterAt, line, this.delimiterAt + 1);
  }
  get valueRange(): Range {
    const line = this.line;
    const lines = this.allLines;
    if (!lines) return range(line, this.valueAt, line, this.valueAt + this.rawValue.length);
    const last = lines[lines.length - 1];
    return range(line, this.valueAt, last.line, last.character + last.text.length);
  }
  get range(): Range {
    const line = this.line;
    const lines = this.allLines;
    if (!lines) return range(line, this.keyStart, line, this.valueAt + this.rawValue.length);
    const last = lines[lines.length - 1];
    return range(line, this.keyStart, last.line, last.character + last.text.length);
  }

  /** `'\n'.join(lines).rstrip()`: lines are already stripped, so only the joining is left to do. */
  finish(): void {
    const lines = this.allLines;
    if (!lines) return;
    let value = lines[0].text;
    for (let k = 1; k < lines.length; k++) {
      const l = lines[k];
      value += '\n'.repeat(l.offset - value.length) + l.text;
    }
    this.rawValue = value;
  }
}

/** Text after a header's closing `]`. */
export class TrailingNode {
  constructor(
    readonly text: string,
    private readonly section: SectionNode,
    private readonly start: number,
  ) {}
  get range(): Range {
    const line = this.section.line;
    return range(line, this.start, line, this.start + this.text.length);
  }
}

export class SectionNode implements CfgSection {
  readonly entries: EntryNode[] = [];
  trailing: TrailingNode | null = null;

  constructor(
    readonly name: string,
    readonly isDefault: boolean,
    private readonly base: BlockBase,
    /** Index among the block's sections. */
    private readonly blockIndex: number,
    private readonly relLine: number,
    /** Characters of `[` and of the closing `]`. */
    readonly open: number,
    readonly close: number,
  ) {}

  get line(): number {
    return this.base.line + this.relLine;
  }
  get index(): number {
    return this.base.sectionIndex + this.blockIndex;
  }
  get headerRange(): Range {
    const line = this.line;
    return range(line, this.open, line, this.close + 1);
  }
  get nameRange(): Range {
    const line = this.line;
    return range(line, this.open + 1, line, this.close);
  }
  get range(): Range {
    if (this.entries.length === 0) return this.headerRange;
    const end = this.entries[this.entries.length - 1].range.end;
    return { start: { line: this.line, character: this.open }, end };
  }
}

export class CommentNode implements CfgComment {
  constructor(
    readonly text: string,
    private readonly base: BlockBase,
    private readonly relLine: number,
    readonly character: number,
  ) {}
  get range(): Range {
    const line = this.base.line + this.relLine;
    return range(line, this.character, line, this.character + this.text.length);
  }
}

export class InvalidLineNode implements CfgInvalidLine {
  constructor(
    readonly text: string,
    private readonly base: BlockBase,
    private readonly relLine: number,
    readonly character: number,
  ) {}
  get range(): Range {
    const line = this.base.line + this.relLine;
    return range(line, this.character, line, this.character + this.text.length);
  }
}
