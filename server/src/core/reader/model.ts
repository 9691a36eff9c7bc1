// The document model of one .cfg file as configparser reads it, with exact ranges for the editor.
// Ranges are 0-based lines and UTF-16 characters (see text/range.ts); Python's 1-based line numbers appear only
// in `CfgError.line`, where they mirror what configparser reports.
import type { Range } from '../text/range';

/** A whole-line comment (`#` or `;` after optional indentation). configparser drops these, even inside values. */
export interface CfgComment {
  /** The comment with its prefix, without surrounding whitespace. */
  readonly text: string;
  readonly range: Range;
}

/** One line of an entry's value: the first (after the delimiter) or a continuation line. */
export interface CfgValueLine {
  /** The text configparser keeps: the line stripped of Python whitespace. Empty for `key =`. */
  readonly text: string;
  /** Exactly `text` in the document (an empty range at the end of the line when `text` is empty). */
  readonly range: Range;
  /** Where `text` starts inside `CfgEntry.rawValue` (blank lines inside the value add `\n`s before it). */
  readonly offset: number;
  /** Python's indent level of the line (leading whitespace count); for the first line, the key's indent. */
  readonly indent: number;
}

export interface CfgEntry {
  /** The key as written, trailing whitespace removed. */
  readonly rawKey: string;
  /** The key after `optionxform` (lower-cased): the name configparser and dbnd use. */
  readonly key: string;
  readonly keyRange: Range;
  readonly delimiter: '=' | ':';
  readonly delimiterRange: Range;
  /** `'\n'.join(lines).rstrip()` before interpolation: configparser's raw value. */
  readonly rawValue: string;
  /** From the first value character (or the end of the first line when it is empty) to the end of the last
   *  non-blank continuation line. */
  readonly valueRange: Range;
  /** The first line, then each non-blank continuation line (blank and comment lines inside are not listed). */
  readonly lines: readonly CfgValueLine[];
  /** `lines.length`, without making the array (a single-line entry's is made on every read of `lines`). */
  readonly lineCount: number;
  /** Key start to value end. */
  readonly range: Range;
  /** Index in `CfgDocument.sections`, or -1 for lines before any header (`CfgDocument.preamble`). */
  readonly sectionIndex: number;
  /**
   * What `parser.get()` returns for this entry in its section (`%` interpolation done; `PythonOption.value`),
   * undefined when that raises or when a later duplicate key replaced the entry. A `[DEFAULT]` entry is read
   * through every section; it holds the last section's reading. Kept on the entry so the checks find it
   * without a map keyed by entries.
   */
  readonly interpolated: string | undefined;
}

export interface CfgSection {
  /** The name between the brackets, as written (dbnd lower-cases it later, configparser does not). */
  readonly name: string;
  /** `[DEFAULT]` (exact case): its keys are copied into every section of the file. */
  readonly isDefault: boolean;
  /** From `[` to the closing `]` (the last `]` on the line, as configparser's greedy regex takes it). */
  readonly headerRange: Range;
  readonly nameRange: Range;
  /** Text after the closing `]`, which configparser ignores (`[kubernetes] # note`). */
  readonly trailing: { readonly text: string; readonly range: Range } | null;
  /** Header start to the end of the last entry (or of the header when there is none). */
  readonly range: Range;
  readonly entries: readonly CfgEntry[];
  readonly index: number;
}

/** A line configparser rejects (no delimiter, or a key or section before any header was seen). */
export interface CfgInvalidLine {
  readonly text: string;
  readonly range: Range;
}

export type CfgErrorCode =
  | 'missing-section-header'
  | 'duplicate-section'
  | 'duplicate-key'
  | 'invalid-line'
  | 'empty-key'
  | 'closing-bracket-not-indented'
  | 'interpolation-syntax'
  | 'interpolation-missing-option'
  | 'interpolation-depth';

export type PythonErrorType =
  | 'MissingSectionHeaderError'
  | 'DuplicateSectionError'
  | 'DuplicateOptionError'
  | 'ParsingError'
  | 'InterpolationSyntaxError'
  | 'InterpolationMissingOptionError'
  | 'InterpolationDepthError';

interface CfgErrorBase {
  readonly range: Range;
}

/** Errors configparser raises while reading lines; `line` is Python's 1-based line number. */
export interface CfgLineError extends CfgErrorBase {
  readonly code: 'missing-section-header' | 'invalid-line' | 'empty-key' | 'closing-bracket-not-indented';
  readonly pythonType: 'MissingSectionHeaderError' | 'ParsingError';
  readonly line: number;
  /** The line as Python's file iteration yields it, newline translated to `\n` and kept when present. */
  readonly rawLine: string;
  /** For `closing-bracket-not-indented`: the entry whose multi-line value the bracket meant to close. */
  readonly entry?: CfgEntry;
}

export interface CfgDuplicateSectionError extends CfgErrorBase {
  readonly code: 'duplicate-section';
  readonly pythonType: 'DuplicateSectionError';
  readonly line: number;
  readonly section: string;
  /** The header that first used the name. */
  readonly first: CfgSection;
}

export interface CfgDuplicateKeyError extends CfgErrorBase {
  readonly code: 'duplicate-key';
  readonly pythonType: 'DuplicateOptionError';
  readonly line: number;
  readonly section: string;
  readonly option: string;
  readonly first: CfgEntry;
}

/** Raised by `parser.get()` (dbnd reads every value at load time); Python reports no line for these. */
export interface CfgInterpolationError extends CfgErrorBase {
  readonly code: 'interpolation-syntax' | 'interpolation-missing-option' | 'interpolation-depth';
  readonly pythonType: 'InterpolationSyntaxError' | 'InterpolationMissingOptionError' | 'InterpolationDepthError';
  readonly line: null;
  /** Section name as written and the lower-cased option, as Python's exception carries them. */
  readonly section: string;
  readonly option: string;
  /** Python's message (it names no file, so it is complete here). */
  readonly message: string;
  /** The entry being read (its value, or a DEFAULT value read through this section). */
  readonly entry: CfgEntry;
  /** For a missing option: the name that was looked up (after optionxform). */
  readonly reference?: string;
}

export type CfgError = CfgLineError | CfgDuplicateSectionError | CfgDuplicateKeyError | CfgInterpolationError;

/** One option as `parser.options(section)` lists it, with the value `parser.get()` returns. */
export interface PythonOption {
  readonly key: string;
  /** The entry the raw value comes from: the section's own, or the `[DEFAULT]` one. */
  readonly entry: CfgEntry;
  /** Interpolated value, or null when `get()` raises (the error is in `CfgDocument.errors`). */
  readonly value: string | null;
}

/** A section of `parser.sections()`: every header with this exact name merged, as configparser's dict holds it. */
export interface PythonSection {
  readonly name: string;
  readonly nodes: readonly CfgSection[];
  readonly options: readonly PythonOption[];
}

/** What one line of the document is, for position queries. */
export type CfgLineKind = 'header' | 'entry' | 'continuation' | 'comment' | 'blank' | 'invalid';

/** Index of each kind in `CfgLineTable.kinds`. */
export const CFG_LINE_KINDS: readonly CfgLineKind[] = [
  'header',
  'entry',
  'continuation',
  'comment',
  'blank',
  'invalid',
];

/**
 * One row per line, kept in typed arrays (a large file has 100k lines; one object per line would cost more
 * than the parse). Read it through `lineInfoAt` (nodeAt.ts).
 */
export interface CfgLineTable {
  /** Index into `CFG_LINE_KINDS`. */
  readonly kinds: Uint8Array;
  /** Section the line belongs to (the last header above it), -1 before any header. */
  readonly sectionIndexes: Int32Array;
  /** The entry on this line, or whose value this blank/comment line sits inside; null otherwise. */
  readonly entries: readonly (CfgEntry | null)[];
  /** For entry and continuation lines: index into `entry.lines`; -1 otherwise. */
  readonly valueLineIndexes: Int32Array;
}

export interface CfgDocument {
  readonly text: string;
  /** Offsets where each line starts (universal newlines: `\r\n`, `\r`, `\n`). */
  readonly lineStarts: Uint32Array;
  readonly sections: readonly CfgSection[];
  /** Entries before any section header (configparser stops at the first one; the editor still wants them). */
  readonly preamble: readonly CfgEntry[];
  readonly comments: readonly CfgComment[];
  readonly invalidLines: readonly CfgInvalidLine[];
  /** Every error, line errors in line order then interpolation errors in `get()` order. */
  readonly errors: readonly CfgError[];
  /** The single error Python raises for this file, or null when it loads. */
  readonly raisedError: CfgError | null;
  /** configparser's state after `_read` (duplicates merged as a non-strict parser would), for `toDbndView`. */
  readonly parser: {
    readonly sections: readonly PythonSection[];
    readonly defaults: readonly { readonly key: string; readonly entry: CfgEntry }[];
  };
  /** Number of lines as Python counts them (a final line break does not start another line). */
  readonly lineCount: number;
  readonly lineTable: CfgLineTable;
}
