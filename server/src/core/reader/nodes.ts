// Compact implementations of the model's nodes. A 100k-line file has ~50k entries; storing line/character
// numbers and building Range objects only when asked keeps the reader from spending its time in the garbage
// collector (eager Range objects were 3 allocations each, several per line).
import { range, type Range } from '../text/range';
import type { CfgComment, CfgEntry, CfgSection, CfgValueLine } from './model';

export class ValueLineNode implements CfgValueLine {
  constructor(
    readonly text: string,
    readonly offset: number,
    readonly indent: number,
    /** 0-based line and the character where `text` starts. */
    readonly line: number,
    readonly character: number,
  ) {}
  get range(): Range {
    return range(this.line, this.character, this.line, this.character + this.text.length);
  }
}

export class EntryNode implements CfgEntry {
  rawValue = '';
  interpolated: string | undefined = undefined;
  /** Most entries are one line: the array is only created for a continuation line (or when asked for). */
  private firstLine: ValueLineNode;
  private allLines: ValueLineNode[] | null = null;
  /** Running `[{(` minus `]})` balance of the value, to recognise a closing bracket meant to belong to it. */
  bracketDepth: number;
  /** configparser appends `''` per blank line after a value line; they count only if another line follows. */
  pendingBlankLines = 0;

  constructor(
    readonly rawKey: string,
    readonly key: string,
    readonly delimiter: '=' | ':',
    readonly sectionIndex: number,
    readonly line: number,
    /** Character of the key's start (the indent) and end, and of the delimiter. */
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly delimiterAt: number,
    firstLine: ValueLineNode,
    bracketDepth: number,
  ) {
    this.firstLine = firstLine;
    this.bracketDepth = bracketDepth;
  }

  get lines(): readonly ValueLineNode[] {
    return (this.allLines ??= [this.firstLine]);
  }
  get lastLine(): ValueLineNode {
    return this.allLines ? this.allLines[this.allLines.length - 1] : this.firstLine;
  }
  addLine(line: ValueLineNode): number {
    (this.allLines ??= [this.firstLine]).push(line);
    return this.allLines.length - 1;
  }

  get keyRange(): Range {
    return range(this.line, this.keyStart, this.line, this.keyEnd);
  }
  get delimiterRange(): Range {
    return range(this.line, this.delimiterAt, this.line, this.delimiterAt + 1);
  }
  get valueRange(): Range {
    const first = this.firstLine;
    const last = this.lastLine;
    return range(first.line, first.character, last.line, last.character + last.text.length);
  }
  get range(): Range {
    const last = this.lastLine;
    return range(this.line, this.keyStart, last.line, last.character + last.text.length);
  }

  /** `'\n'.join(lines).rstrip()`: lines are already stripped, so only the joining is left to do. */
  finish(): void {
    const lines = this.allLines;
    if (!lines) {
      this.rawValue = this.firstLine.text;
      return;
    }
    let value = lines[0].text;
    for (let k = 1; k < lines.length; k++) {
      const l = lines[k];
      value += '\n'.repeat(l.offset - value.length) + l.text;
    }
    this.rawValue = value;
  }
}

export class SectionNode implements CfgSection {
  readonly entries: EntryNode[] = [];
  trailing: { readonly text: string; readonly range: Range } | null = null;

  constructor(
    readonly name: string,
    readonly isDefault: boolean,
    readonly index: number,
    readonly line: number,
    /** Characters of `[` and of the closing `]`. */
    readonly open: number,
    readonly close: number,
    /** Keys seen so far, for duplicate detection; all `[DEFAULT]` headers share one map, as Python's
     *  `elements_added` does. */
    public keys: Map<string, EntryNode>,
  ) {}

  get headerRange(): Range {
    return range(this.line, this.open, this.line, this.close + 1);
  }
  get nameRange(): Range {
    return range(this.line, this.open + 1, this.line, this.close);
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
    readonly line: number,
    readonly character: number,
  ) {}
  get range(): Range {
    return range(this.line, this.character, this.line, this.character + this.text.length);
  }
}
