// configparser's `_read` over one block of lines: a header at column 0 and the lines up to the next one (or the
// lines before the first such header). At a header at column 0 configparser's loop state is always the same
// (the new section, no open option, indent level 0: such a line is never a continuation), so a block reads the
// same wherever it sits and whatever comes before it. Only three things cross blocks, and the assembly
// (assemble.ts) does them over the whole file: duplicate section names, duplicate keys across `[DEFAULT]`
// headers (they share one key dict), and interpolation.
// Linear: each line is scanned a bounded number of times and no regex runs over user text.
import type { LineTable } from './lineSplitter';
import { BlockBase, CommentNode, EntryNode, InvalidLineNode, SectionNode, TrailingNode, ValueLineNode } from './nodes';
import type { CfgDuplicateKeyError, CfgEntry, CfgLineError } from './model';
import { pyLower, skipPySpace, skipPySpaceBackward } from '../python';
import { range, type Range } from '../text/range';

const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const EQUALS = 0x3d;
const COLON = 0x3a;

// Indexes into CFG_LINE_KINDS.
const HEADER = 0;
const ENTRY = 1;
const CONTINUATION = 2;
const COMMENT = 3;
const BLANK = 4;
const INVALID = 5;

export const DEFAULT_SECTION = 'DEFAULT';

/** The errors a block finds alone (a line's, or a key repeated under one header). */
export type BlockError = CfgLineError | CfgDuplicateKeyError;

/** One block's nodes; its lines are relative to `base`. */
export interface Block {
  readonly base: BlockBase;
  readonly lineCount: number;
  readonly sections: readonly SectionNode[];
  /** Entries before any header (only in a file's first block). */
  readonly preamble: readonly EntryNode[];
  readonly comments: readonly CommentNode[];
  readonly invalidLines: readonly InvalidLineNode[];
  /** Errors found within the block alone, at the lines they had when the block started at line `errorsAt`. */
  errors: readonly BlockError[];
  errorsAt: number;
}

/** Line table rows of a run of lines; section indexes count from the run's first section (-1: no header yet). */
export interface Rows {
  readonly kinds: Uint8Array;
  readonly sectionIndexes: Int32Array;
  readonly entries: (CfgEntry | null)[];
  readonly valueLineIndexes: Int32Array;
}

/** Opening minus closing brackets (`[{(` vs `]})`) on a line: how a JSON-ish value's nesting changes. */
export function bracketBalance(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x28) depth++;
    else if (c === 0x5d || c === 0x7d || c === 0x29) depth--;
  }
  return depth;
}

/** The running `[{(` minus `]})` balance of an entry's value so far: whether a closing bracket at the start of a
 *  rejected line was meant to belong to it. Counted only for such a line (rare), not for every value line. */
function valueDepth(entry: EntryNode): number {
  let depth = 0;
  for (const line of entry.lines) depth += bracketBalance(line.text);
  return depth;
}

function isClosingBracket(c: number): boolean {
  return c === 0x5d || c === 0x7d || c === 0x29;
}

/** The closing `]` of a header on the stripped line `[first, last)`, or -1: `\[(?P<header>.+)\]` is greedy, so
 *  the name runs to the last `]` and must not be empty. */
function headerClose(text: string, first: number, last: number): number {
  if (text.charCodeAt(first) !== OPEN_BRACKET) return -1;
  let close = last - 1;
  while (close >= first + 2 && text.charCodeAt(close) !== CLOSE_BRACKET) close--;
  return close >= first + 2 ? close : -1;
}

/** Reads lines `[0, lines.starts.length)` of `lines` (line 0 is the document's line `firstLine`) as blocks. */
export function readBlocks(
  text: string,
  lines: LineTable,
  firstLine: number,
  atFileStart: boolean,
): { blocks: Block[]; rows: Rows } {
  const n = lines.starts.length;
  const rows: Rows = {
    kinds: new Uint8Array(n),
    sectionIndexes: new Int32Array(n),
    entries: new Array<CfgEntry | null>(n).fill(null),
    valueLineIndexes: new Int32Array(n).fill(-1),
  };
  const blocks: Block[] = [];
  let sections = 0;
  for (let i = 0; i < n; ) {
    const reader = new BlockReader(text, lines, rows, i, firstLine, atFileStart && i === 0, sections);
    const end = reader.read();
    blocks.push(reader.block(end - i));
    sections += reader.sections.length;
    i = end;
  }
  return { blocks, rows };
}

/** configparser's loop over one block; `read()` stops before the next header at column 0. */
class BlockReader {
  readonly base = new BlockBase();
  readonly sections: SectionNode[] = [];
  private readonly preamble: EntryNode[] = [];
  private readonly preambleKeys = new Map<string, EntryNode>();
  private readonly comments: CommentNode[] = [];
  private readonly invalidLines: InvalidLineNode[] = [];
  private readonly errors: BlockError[] = [];
  // configparser's loop state: `cursect`, `optname` (truthy only for a non-empty key) and `indent_level`.
  private cursect: SectionNode | null = null;
  private keys: Map<string, EntryNode> | null = null;
  private inPreamble = false;
  private current: EntryNode | null = null;
  // Of `current` while it is open (read-time state, so not kept on every entry): the blank lines since its last
  // value line (configparser appends `''` per blank line; they count only if another line follows).
  private pendingBlankLines = 0;
  private indentLevel = 0;
  // Blank and comment lines since `current`'s last value line: inside the value only if another line follows.
  // Emptied in place (`length = 0`), not replaced: a fresh array per line was 100k allocations at 100k lines.
  private readonly looseLines: number[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineTable,
    private readonly rows: Rows,
    /** Index in `lines` of the block's first line. */
    private readonly start: number,
    firstLine: number,
    /** The block starts the file: lines before a header are missing one. */
    private readonly atFileStart: boolean,
    /** Sections of the run before this block (the rows count section indexes from the run's first). */
    private readonly sectionsBefore: number,
  ) {
    this.base.line = firstLine + start;
    this.base.sectionIndex = sectionsBefore;
    // A block that is not the file's first starts at a header, so `cursect` is set on its first line.
    this.inPreamble = false;
  }

  block(lineCount: number): Block {
    // Indexed loops over entries here and in the assembly: a cold process runs them before they are optimised,
    // and `for...of` then allocates an iterator result per entry.
    for (const s of this.sections) for (let k = 0; k < s.entries.length; k++) s.entries[k].finish();
    for (const e of this.preamble) e.finish();
    return {
      base: this.base,
      lineCount,
      sections: this.sections,
      preamble: this.preamble,
      comments: this.comments,
      invalidLines: this.invalidLines,
      errors: this.errors,
      errorsAt: this.base.line,
    };
  }

  read(): number {
    const { text, lines, rows } = this;
    const count = lines.starts.length;
    for (let i = this.start; i < count; i++) {
      const lineStart = lines.starts[i];
      const lineEnd = lines.ends[i];
      const first = skipPySpace(text, lineStart, lineEnd);
      // `optname` is truthy: an option with a non-empty name is open (a header resets it, a bogus line does not).
      const open = this.current !== null && this.current.key !== '';
      rows.sectionIndexes[i] = this.cursect ? this.sectionsBefore + this.sections.length - 1 : -1;

      // Blank line: configparser adds an empty line to the open value (trimmed again by the final rstrip).
      if (first === lineEnd) {
        rows.kinds[i] = BLANK;
        if (open) {
          this.pendingBlankLines++;
          this.looseLines.push(i);
        }
        continue;
      }
      const last = skipPySpaceBackward(text, first, lineEnd);
      const c0 = text.charCodeAt(first);

      // Whole-line comment (indentation allowed): dropped, even inside a value, and adds no blank line.
      if (c0 === HASH || c0 === SEMICOLON) {
        this.comments.push(new CommentNode(text.slice(first, last), this.base, i - this.start, first - lineStart));
        rows.kinds[i] = COMMENT;
        if (open) this.looseLines.push(i);
        continue;
      }

      const indent = first - lineStart;
      // Continuation line: indented strictly deeper than the line that last set `indent_level`.
      if (open && indent > this.indentLevel) {
        this.continuation(i, first, last, indent);
        continue;
      }
      this.indentLevel = indent;
      this.looseLines.length = 0;

      const close = headerClose(text, first, last);
      if (close >= 0) {
        // A header at column 0 starts the next block.
        if (indent === 0 && i > this.start) return i;
        this.header(i, first, last, close);
        continue;
      }
      if (this.cursect === null && !this.inPreamble) this.missingHeader(i, first, last);
      this.option(i, first, last, c0);
    }
    return count;
  }

  private rel(i: number): number {
    return i - this.start;
  }

  private rangeOn(i: number, from: number, to: number): Range {
    const line = this.base.line + this.rel(i);
    return range(line, from - this.lines.starts[i], line, to - this.lines.starts[i]);
  }

  private rawLineOf(i: number): string {
    return this.text.slice(this.lines.starts[i], this.lines.ends[i]) + (this.lines.hasBreak[i] === 1 ? '\n' : '');
  }

  private continuation(i: number, first: number, last: number, indent: number): void {
    const entry = this.current as EntryNode;
    const valueText = this.text.slice(first, last);
    const previous = entry.lastLine;
    const offset = previous.offset + previous.text.length + 1 + this.pendingBlankLines;
    this.pendingBlankLines = 0;
    const index = entry.addLine(new ValueLineNode(valueText, offset, indent, this.base, this.rel(i), indent));
    for (const j of this.looseLines) this.rows.entries[j] = entry;
    this.looseLines.length = 0;
    this.rows.kinds[i] = CONTINUATION;
    this.rows.entries[i] = entry;
    this.rows.valueLineIndexes[i] = index;
  }

  private header(i: number, first: number, last: number, close: number): void {
    const { text } = this;
    const lineStart = this.lines.starts[i];
    const name = text.slice(first + 1, close);
    const isDefault = name === DEFAULT_SECTION;
    const section = new SectionNode(
      name,
      isDefault,
      this.base,
      this.sections.length,
      this.rel(i),
      first - lineStart,
      close - lineStart,
    );
    const trailingStart = skipPySpace(text, close + 1, last);
    if (trailingStart < last)
      section.trailing = new TrailingNode(text.slice(trailingStart, last), section, trailingStart - lineStart);
    this.sections.push(section);
    this.cursect = section;
    // Duplicate keys within a header are found here; [DEFAULT] headers share one dict across the file, so
    // theirs are found by the assembly.
    this.keys = isDefault ? null : new Map();
    this.rows.sectionIndexes[i] = this.sectionsBefore + this.sections.length - 1;
    this.inPreamble = false;
    this.current = null;
    this.rows.kinds[i] = HEADER;
  }

  /** No header yet: Python raises MissingSectionHeaderError here. Later lines are read as if in a nameless
   *  section so the editor still sees their keys. */
  private missingHeader(i: number, first: number, last: number): void {
    if (!this.atFileStart) return;
    this.errors.push({
      code: 'missing-section-header',
      pythonType: 'MissingSectionHeaderError',
      line: this.base.line + this.rel(i) + 1,
      range: this.rangeOn(i, first, last),
      rawLine: this.rawLineOf(i),
    });
    this.inPreamble = true;
  }

  /** Option line: OPTCRE `(?P<option>.*?)\s*(?P<vi>[=:])\s*(?P<value>.*)$` splits at the first delimiter. */
  private option(i: number, first: number, last: number, c0: number): void {
    const { text, rows } = this;
    const lineStart = this.lines.starts[i];
    // The scan for the delimiter also notes whether `optionxform` has anything to lower-case (an upper-case
    // ASCII or a non-ASCII character before it), so the key is not scanned a second time.
    let delim = first;
    let needsLower = false;
    while (delim < last) {
      const c = text.charCodeAt(delim);
      if (c === EQUALS || c === COLON) break;
      if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) needsLower = true;
      delim++;
    }
    if (delim === last) {
      const current = this.current;
      const bracketTarget = current !== null && isClosingBracket(c0) && valueDepth(current) > 0 ? current : null;
      this.errors.push({
        code: bracketTarget ? 'closing-bracket-not-indented' : 'invalid-line',
        pythonType: 'ParsingError',
        line: this.base.line + this.rel(i) + 1,
        range: this.rangeOn(i, first, last),
        rawLine: this.rawLineOf(i),
        ...(bracketTarget ? { entry: bracketTarget } : {}),
      });
      this.invalidLines.push(new InvalidLineNode(text.slice(first, last), this.base, this.rel(i), first - lineStart));
      // `optname` survives a bogus line, so deeper-indented lines after it still continue the value.
      rows.kinds[i] = INVALID;
      return;
    }

    const keyEnd = skipPySpaceBackward(text, first, delim);
    const valueStart = skipPySpace(text, delim + 1, last);
    const rawKey = text.slice(first, keyEnd);
    // Whitespace before the delimiter may be non-ASCII: lower-casing an already lower-case key gives it back.
    const key = needsLower ? pyLower(rawKey) : rawKey;
    const valueText = text.slice(valueStart, last);
    const cursect = this.cursect;
    const indent = first - lineStart;
    const entry = new EntryNode(
      rawKey,
      key,
      text.charCodeAt(delim) === EQUALS ? '=' : ':',
      this.base,
      cursect ? this.sections.length - 1 : -1,
      this.rel(i),
      indent,
      keyEnd - lineStart,
      delim - lineStart,
      valueStart - lineStart,
      valueText,
    );
    if (rawKey === '') {
      // Python records the line as a parsing error but still stores the option under the name ''.
      this.errors.push({
        code: 'empty-key',
        pythonType: 'ParsingError',
        line: this.base.line + this.rel(i) + 1,
        range: this.rangeOn(i, first, delim + 1),
        rawLine: this.rawLineOf(i),
      });
    }
    const keys = cursect ? this.keys : this.preambleKeys;
    if (keys) {
      const earlier = keys.get(key);
      if (earlier) {
        this.errors.push({
          code: 'duplicate-key',
          pythonType: 'DuplicateOptionError',
          line: this.base.line + this.rel(i) + 1,
          range: entry.keyRange,
          section: cursect ? cursect.name : '',
          option: key,
          first: earlier,
        });
      } else {
        keys.set(key, entry);
      }
    }
    (cursect ? cursect.entries : this.preamble).push(entry);
    this.current = entry;
    this.pendingBlankLines = 0;
    rows.kinds[i] = ENTRY;
    rows.entries[i] = entry;
    rows.valueLineIndexes[i] = 0;
  }
}
