// The tolerant reader: CPython 3.11 `RawConfigParser._read` line by line, with default options (delimiters
// `=`/`:`, whole-line `#`/`;` comments, strict, empty_lines_in_values, no allow_no_value), but it never stops:
// every error is recorded with its range and the one Python would raise is marked.
// Linear: each line is scanned a bounded number of times, no regex runs over user text, and nodes store
// numbers rather than Range objects (see nodes.ts).
import { range, type Range } from '../text/range';
import { splitLines } from './lineSplitter';
import { interpolateAll } from './interpolation';
import { CommentNode, EntryNode, SectionNode, ValueLineNode } from './nodes';
import type { CfgDocument, CfgEntry, CfgError, CfgInvalidLine, CfgSection, PythonSection } from './model';
import { pyLower, skipPySpace, skipPySpaceBackward } from '../python';

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

const DEFAULT_SECTION = 'DEFAULT';

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

function isClosingBracket(c: number): boolean {
  return c === 0x5d || c === 0x7d || c === 0x29;
}

/** `optionxform`, skipping the allocation for the usual already-lower-case ASCII key. */
function optionxform(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return pyLower(key);
  }
  return key;
}

/** Parses a whole .cfg text. Never throws. */
export function parseCfg(text: string): CfgDocument {
  const { starts, ends, hasBreak } = splitLines(text);
  const lineCount = starts.length;

  const sections: SectionNode[] = [];
  const preamble: EntryNode[] = [];
  const preambleKeys = new Map<string, EntryNode>();
  const comments: CommentNode[] = [];
  const invalidLines: CfgInvalidLine[] = [];
  const errors: CfgError[] = [];
  const kinds = new Uint8Array(lineCount);
  const sectionIndexes = new Int32Array(lineCount);
  const lineEntries: (CfgEntry | null)[] = new Array<CfgEntry | null>(lineCount).fill(null);
  const valueLineIndexes = new Int32Array(lineCount).fill(-1);
  let firstImmediateError: CfgError | null = null;
  let firstParsingError: CfgError | null = null;

  const sectionsByName = new Map<string, SectionNode>();
  let defaultKeys: Map<string, EntryNode> | null = null;

  // configparser's loop state: `cursect`, `optname` (truthy only for a non-empty key) and `indent_level`.
  let cursect: SectionNode | null = null;
  let sectionIndex = -1;
  let inPreamble = false;
  let current: EntryNode | null = null;
  let indentLevel = 0;
  // Blank and comment lines since `current`'s last value line: inside the value only if another line follows.
  let looseLines: number[] = [];

  const rawLineOf = (i: number): string => text.slice(starts[i], ends[i]) + (hasBreak[i] === 1 ? '\n' : '');
  const rangeOn = (i: number, from: number, to: number): Range => range(i, from - starts[i], i, to - starts[i]);

  for (let i = 0; i < lineCount; i++) {
    const lineStart = starts[i];
    const lineEnd = ends[i];
    const first = skipPySpace(text, lineStart, lineEnd);
    // `optname` is truthy: an option with a non-empty name is open (a header resets it, a bogus line does not).
    const open = current !== null && current.key !== '';
    sectionIndexes[i] = sectionIndex;

    // Blank line: configparser adds an empty line to the open value (trimmed again by the final rstrip).
    if (first === lineEnd) {
      kinds[i] = BLANK;
      if (open) {
        (current as EntryNode).pendingBlankLines++;
        looseLines.push(i);
      }
      continue;
    }
    const last = skipPySpaceBackward(text, first, lineEnd);
    const c0 = text.charCodeAt(first);

    // Whole-line comment (indentation allowed): dropped, even inside a value, and adds no blank line.
    if (c0 === HASH || c0 === SEMICOLON) {
      comments.push(new CommentNode(text.slice(first, last), i, first - lineStart));
      kinds[i] = COMMENT;
      if (open) looseLines.push(i);
      continue;
    }

    const indent = first - lineStart;
    // Continuation line: indented strictly deeper than the line that last set `indent_level`.
    if (open && indent > indentLevel) {
      const entry = current as EntryNode;
      const valueText = text.slice(first, last);
      const previous = entry.lastLine;
      const offset = previous.offset + previous.text.length + 1 + entry.pendingBlankLines;
      entry.pendingBlankLines = 0;
      const index = entry.addLine(new ValueLineNode(valueText, offset, indent, i, indent));
      entry.bracketDepth += bracketBalance(valueText);
      for (const j of looseLines) lineEntries[j] = entry;
      looseLines = [];
      kinds[i] = CONTINUATION;
      lineEntries[i] = entry;
      valueLineIndexes[i] = index;
      continue;
    }

    indentLevel = indent;
    looseLines = [];

    // Section header: `\[(?P<header>.+)\]` matched at the start of the stripped line; `.+` is greedy, so the
    // name runs to the last `]` and what follows is ignored.
    if (c0 === OPEN_BRACKET) {
      let close = last - 1;
      while (close >= first + 2 && text.charCodeAt(close) !== CLOSE_BRACKET) close--;
      if (close >= first + 2) {
        const name = text.slice(first + 1, close);
        const isDefault = name === DEFAULT_SECTION;
        let keys = new Map<string, EntryNode>();
        if (isDefault) {
          // Repeating [DEFAULT] is allowed; its keys still collide across the headers.
          defaultKeys ??= keys;
          keys = defaultKeys;
        }
        const section = new SectionNode(name, isDefault, sections.length, i, indent, close - lineStart, keys);
        const trailingStart = skipPySpace(text, close + 1, last);
        if (trailingStart < last)
          section.trailing = { text: text.slice(trailingStart, last), range: rangeOn(i, trailingStart, last) };
        if (!isDefault) {
          const previous = sectionsByName.get(name);
          if (previous) {
            const error: CfgError = {
              code: 'duplicate-section',
              pythonType: 'DuplicateSectionError',
              line: i + 1,
              range: section.nameRange,
              section: name,
              first: previous,
            };
            errors.push(error);
            firstImmediateError ??= error;
          } else {
            sectionsByName.set(name, section);
          }
        }
        sections.push(section);
        cursect = section;
        sectionIndex = section.index;
        sectionIndexes[i] = sectionIndex;
        inPreamble = false;
        current = null;
        kinds[i] = HEADER;
        continue;
      }
    }

    // No header yet: Python raises MissingSectionHeaderError here. Later lines are read as if in a nameless
    // section so the editor still sees their keys.
    if (cursect === null && !inPreamble) {
      const error: CfgError = {
        code: 'missing-section-header',
        pythonType: 'MissingSectionHeaderError',
        line: i + 1,
        range: rangeOn(i, first, last),
        rawLine: rawLineOf(i),
      };
      errors.push(error);
      firstImmediateError ??= error;
      inPreamble = true;
    }

    // Option line: OPTCRE `(?P<option>.*?)\s*(?P<vi>[=:])\s*(?P<value>.*)$` splits at the first delimiter.
    let delim = first;
    while (delim < last) {
      const c = text.charCodeAt(delim);
      if (c === EQUALS || c === COLON) break;
      delim++;
    }
    if (delim === last) {
      const bracketTarget = current !== null && isClosingBracket(c0) && current.bracketDepth > 0 ? current : null;
      const error: CfgError = {
        code: bracketTarget ? 'closing-bracket-not-indented' : 'invalid-line',
        pythonType: 'ParsingError',
        line: i + 1,
        range: rangeOn(i, first, last),
        rawLine: rawLineOf(i),
        ...(bracketTarget ? { entry: bracketTarget } : {}),
      };
      errors.push(error);
      firstParsingError ??= error;
      invalidLines.push({ text: text.slice(first, last), range: rangeOn(i, first, last) });
      // `optname` survives a bogus line, so deeper-indented lines after it still continue the value.
      kinds[i] = INVALID;
      continue;
    }

    const keyEnd = skipPySpaceBackward(text, first, delim);
    const valueStart = skipPySpace(text, delim + 1, last);
    const rawKey = text.slice(first, keyEnd);
    const key = optionxform(rawKey);
    const valueText = text.slice(valueStart, last);
    const entry = new EntryNode(
      rawKey,
      key,
      text.charCodeAt(delim) === EQUALS ? '=' : ':',
      sectionIndex,
      i,
      indent,
      keyEnd - lineStart,
      delim - lineStart,
      new ValueLineNode(valueText, 0, indent, i, valueStart - lineStart),
      bracketBalance(valueText),
    );
    if (rawKey === '') {
      // Python records the line as a parsing error but still stores the option under the name ''.
      const error: CfgError = {
        code: 'empty-key',
        pythonType: 'ParsingError',
        line: i + 1,
        range: rangeOn(i, first, delim + 1),
        rawLine: rawLineOf(i),
      };
      errors.push(error);
      firstParsingError ??= error;
    }
    const keys = cursect ? cursect.keys : preambleKeys;
    const earlier = keys.get(key);
    if (earlier) {
      const error: CfgError = {
        code: 'duplicate-key',
        pythonType: 'DuplicateOptionError',
        line: i + 1,
        range: entry.keyRange,
        section: cursect ? cursect.name : '',
        option: key,
        first: earlier,
      };
      errors.push(error);
      firstImmediateError ??= error;
    } else {
      keys.set(key, entry);
    }
    (cursect ? cursect.entries : preamble).push(entry);
    current = entry;
    kinds[i] = ENTRY;
    lineEntries[i] = entry;
    valueLineIndexes[i] = 0;
  }

  for (const s of sections) for (const e of s.entries) e.finish();
  for (const e of preamble) e.finish();

  const parser = buildParserState(sections);
  const interpolationErrors = interpolateAll(parser.sections, parser.defaultsMap);
  for (const e of interpolationErrors) errors.push(e);

  return {
    text,
    lineStarts: starts,
    sections,
    preamble,
    comments,
    invalidLines,
    errors,
    // Python stops at the first immediate error; else raises the accumulated ParsingError; else `get()` fails.
    raisedError: firstImmediateError ?? firstParsingError ?? interpolationErrors[0] ?? null,
    parser: { sections: parser.sections, defaults: [...parser.defaultsMap.values()] },
    lineCount,
    lineTable: { kinds, sectionIndexes, entries: lineEntries, valueLineIndexes },
  };
}

interface WritablePythonSection extends PythonSection {
  readonly options: { readonly key: string; readonly entry: CfgEntry; value: string | null }[];
}

/** configparser's dicts after `_read`: `_sections` (headers with the same name merged) and `_defaults`. */
function buildParserState(sections: readonly SectionNode[]): {
  sections: WritablePythonSection[];
  defaultsMap: Map<string, { key: string; entry: CfgEntry }>;
} {
  const defaultsMap = new Map<string, { key: string; entry: CfgEntry }>();
  const byName = new Map<string, { name: string; nodes: CfgSection[]; own: Map<string, CfgEntry> }>();
  for (const s of sections) {
    if (s.isDefault) {
      // A later duplicate replaces the value but keeps the dict position, as `d[k] = v` does.
      for (const e of s.entries) {
        const had = defaultsMap.get(e.key);
        if (had) had.entry = e;
        else defaultsMap.set(e.key, { key: e.key, entry: e });
      }
      continue;
    }
    let merged = byName.get(s.name);
    if (!merged) {
      merged = { name: s.name, nodes: [], own: new Map() };
      byName.set(s.name, merged);
    }
    merged.nodes.push(s);
    for (const e of s.entries) merged.own.set(e.key, e);
  }
  const result: WritablePythonSection[] = [];
  for (const m of byName.values()) {
    // `parser.options(section)`: the section's own keys, then DEFAULT keys it does not have.
    const options: { key: string; entry: CfgEntry; value: string | null }[] = [];
    for (const [key, entry] of m.own) options.push({ key, entry, value: null });
    for (const [key, d] of defaultsMap) if (!m.own.has(key)) options.push({ key, entry: d.entry, value: null });
    result.push({ name: m.name, nodes: m.nodes, options });
  }
  return { sections: result, defaultsMap };
}
