// The tolerant reader: CPython 3.11 `RawConfigParser._read` line by line, with default options (delimiters
// `=`/`:`, whole-line `#`/`;` comments, strict, empty_lines_in_values, no allow_no_value), but it never stops:
// every error is recorded with its range and the one Python would raise is marked.
// Linear: each line is scanned a bounded number of times and no regex runs over user text.
import { range, type Range } from '../text/range';
import { splitLines } from './lineSplitter';
import { pythonLower, skipSpace, skipSpaceBackward } from './pythonText';
import { interpolateAll } from './interpolation';
import type {
  CfgComment,
  CfgDocument,
  CfgEntry,
  CfgError,
  CfgInvalidLine,
  CfgLineInfo,
  CfgLineKind,
  CfgSection,
  CfgValueLine,
  PythonSection,
} from './model';

const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const EQUALS = 0x3d;
const COLON = 0x3a;

const DEFAULT_SECTION = 'DEFAULT';

// Mutable twins of the model types, filled while reading and handed out as the readonly ones.
interface EntryBuilder {
  rawKey: string;
  key: string;
  keyRange: Range;
  delimiter: '=' | ':';
  delimiterRange: Range;
  rawValue: string;
  valueRange: Range;
  lines: CfgValueLine[];
  range: Range;
  sectionIndex: number;
  /** `''` once per blank line since the last value line, as configparser appends them. */
  pendingBlankLines: number;
  /** Value text pieces joined at the end (`'\n'.join(...)` of configparser). */
  parts: string[];
  /** Running `[{(` minus `]})` balance of the value, to recognise a closing bracket that was meant to belong. */
  bracketDepth: number;
}

interface SectionBuilder {
  name: string;
  isDefault: boolean;
  headerRange: Range;
  nameRange: Range;
  trailing: { text: string; range: Range } | null;
  range: Range;
  entries: EntryBuilder[];
  index: number;
  /** Keys already seen in this section (shared by all `[DEFAULT]` headers, as Python's `elements_added` is). */
  keys: Map<string, EntryBuilder>;
}

function bracketBalance(text: string): number {
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

/** Parses a whole .cfg text. Never throws. */
export function parseCfg(text: string): CfgDocument {
  const table = splitLines(text);
  const { starts, ends, hasBreak } = table;
  const lineCount = starts.length;

  const sections: SectionBuilder[] = [];
  const preamble: EntryBuilder[] = [];
  const preambleKeys = new Map<string, EntryBuilder>();
  const comments: CfgComment[] = [];
  const invalidLines: CfgInvalidLine[] = [];
  const errors: CfgError[] = [];
  const lineInfo: CfgLineInfo[] = new Array(lineCount);
  let firstImmediateError: CfgError | null = null;
  let firstParsingError: CfgError | null = null;

  const sectionsByName = new Map<string, SectionBuilder>();
  let defaultKeys: Map<string, EntryBuilder> | null = null;

  // configparser's loop state: `cursect`, `optname` (truthy only for a non-empty key) and `indent_level`.
  let cursect: SectionBuilder | null = null;
  let inPreamble = false;
  let current: EntryBuilder | null = null;
  let indentLevel = 0;
  // Blank and comment lines seen since `current`'s last value line: they belong to the value only if another
  // continuation line follows.
  let looseLines: number[] = [];

  const rawLineOf = (i: number): string => text.slice(starts[i], ends[i]) + (hasBreak[i] ? '\n' : '');
  const rangeOn = (i: number, from: number, to: number): Range => range(i, from - starts[i], i, to - starts[i]);
  const setLine = (i: number, kind: CfgLineKind, sectionIndex: number, entry: EntryBuilder | null, v = -1) => {
    lineInfo[i] = { kind, sectionIndex, entry: entry as CfgEntry | null, valueLineIndex: v };
  };
  const currentSectionIndex = (): number => (cursect ? cursect.index : -1);
  const flushLooseLines = (owner: EntryBuilder | null) => {
    for (const j of looseLines) {
      const info = lineInfo[j];
      lineInfo[j] = { ...info, entry: owner as CfgEntry | null };
    }
    looseLines = [];
  };

  for (let i = 0; i < lineCount; i++) {
    const lineStart = starts[i];
    const lineEnd = ends[i];
    const first = skipSpace(text, lineStart, lineEnd);
    const optnameTruthy = current !== null && current.key !== '' && (cursect !== null || inPreamble);

    // Blank line: configparser adds an empty line to the open value (trimmed again by the final rstrip).
    if (first === lineEnd) {
      if (optnameTruthy && current) current.pendingBlankLines++;
      setLine(i, 'blank', currentSectionIndex(), null);
      if (optnameTruthy) looseLines.push(i);
      continue;
    }
    const last = skipSpaceBackward(text, first, lineEnd);
    const c0 = text.charCodeAt(first);

    // Whole-line comment (indentation allowed): dropped, even inside a value, and adds no blank line.
    if (c0 === HASH || c0 === SEMICOLON) {
      comments.push({ text: text.slice(first, last), range: rangeOn(i, first, last) });
      setLine(i, 'comment', currentSectionIndex(), null);
      if (optnameTruthy) looseLines.push(i);
      continue;
    }

    const indent = first - lineStart;
    // Continuation line: indented strictly deeper than the line that set `indent_level`.
    if (optnameTruthy && current && indent > indentLevel) {
      const valueText = text.slice(first, last);
      const blank = current.pendingBlankLines;
      const offset = currentValueLength(current) + 1 + blank;
      for (let b = 0; b < blank; b++) current.parts.push('');
      current.pendingBlankLines = 0;
      current.parts.push(valueText);
      current.lines.push({ text: valueText, range: rangeOn(i, first, last), offset, indent });
      current.bracketDepth += bracketBalance(valueText);
      const r = rangeOn(i, first, last);
      current.valueRange = { start: current.valueRange.start, end: r.end };
      current.range = { start: current.range.start, end: r.end };
      flushLooseLines(current);
      setLine(i, 'continuation', currentSectionIndex(), current, current.lines.length - 1);
      continue;
    }

    indentLevel = indent;
    // Anything that is not a continuation ends the chance for loose blank/comment lines to join the value.
    looseLines = [];

    // Section header: `\[(?P<header>.+)\]` matched at the start of the stripped line; `.+` is greedy, so the
    // name runs to the last `]` and what follows is ignored.
    if (c0 === OPEN_BRACKET) {
      let close = last - 1;
      while (close >= first + 2 && text.charCodeAt(close) !== CLOSE_BRACKET) close--;
      if (close >= first + 2) {
        const name = text.slice(first + 1, close);
        const trailingStart = skipSpace(text, close + 1, last);
        const headerRange = rangeOn(i, first, close + 1);
        const section: SectionBuilder = {
          name,
          isDefault: name === DEFAULT_SECTION,
          headerRange,
          nameRange: rangeOn(i, first + 1, close),
          trailing: trailingStart < last ? { text: text.slice(trailingStart, last), range: rangeOn(i, trailingStart, last) } : null,
          range: headerRange,
          entries: [],
          index: sections.length,
          keys: new Map(),
        };
        if (section.isDefault) {
          // Repeating [DEFAULT] is allowed; its keys still collide across the headers.
          defaultKeys ??= section.keys;
          section.keys = defaultKeys;
        } else {
          const previous = sectionsByName.get(name);
          if (previous) {
            const error: CfgError = {
              code: 'duplicate-section',
              pythonType: 'DuplicateSectionError',
              line: i + 1,
              range: section.nameRange,
              section: name,
              first: previous as unknown as CfgSection,
            };
            errors.push(error);
            firstImmediateError ??= error;
          } else {
            sectionsByName.set(name, section);
          }
        }
        sections.push(section);
        cursect = section;
        inPreamble = false;
        current = null;
        setLine(i, 'header', section.index, null);
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
        ...(bracketTarget ? { entry: bracketTarget as unknown as CfgEntry } : {}),
      };
      errors.push(error);
      if (!inPreamble) firstParsingError ??= error;
      invalidLines.push({ text: text.slice(first, last), range: rangeOn(i, first, last) });
      // `optname` survives a bogus line, so deeper-indented lines after it still continue the value.
      setLine(i, 'invalid', currentSectionIndex(), null);
      continue;
    }

    const keyEnd = skipSpaceBackward(text, first, delim);
    const valueStart = skipSpace(text, delim + 1, last);
    const rawKey = text.slice(first, keyEnd);
    const key = pythonLower(rawKey);
    const valueText = text.slice(valueStart, last);
    const keyRange = rangeOn(i, first, keyEnd);
    const firstLineRange = rangeOn(i, valueStart, last);
    const entry: EntryBuilder = {
      rawKey,
      key,
      keyRange,
      delimiter: text.charCodeAt(delim) === EQUALS ? '=' : ':',
      delimiterRange: rangeOn(i, delim, delim + 1),
      rawValue: '',
      valueRange: firstLineRange,
      lines: [{ text: valueText, range: firstLineRange, offset: 0, indent }],
      range: { start: keyRange.start, end: firstLineRange.end },
      sectionIndex: currentSectionIndex(),
      pendingBlankLines: 0,
      parts: [valueText],
      bracketDepth: bracketBalance(valueText),
    };
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
      if (!inPreamble) firstParsingError ??= error;
    }
    const keys = cursect ? cursect.keys : preambleKeys;
    const earlier = keys.get(key);
    if (earlier) {
      const error: CfgError = {
        code: 'duplicate-key',
        pythonType: 'DuplicateOptionError',
        line: i + 1,
        range: keyRange,
        section: cursect ? cursect.name : '',
        option: key,
        first: earlier as unknown as CfgEntry,
      };
      errors.push(error);
      if (!inPreamble) firstImmediateError ??= error;
    } else {
      keys.set(key, entry);
    }
    if (cursect) {
      cursect.entries.push(entry);
    } else {
      preamble.push(entry);
    }
    current = entry;
    setLine(i, 'entry', currentSectionIndex(), entry, 0);
  }

  const finishEntry = (e: EntryBuilder): void => {
    // configparser: '\n'.join(lines).rstrip(); lines are already stripped, so only a lone empty value needs it.
    e.rawValue = e.parts.length === 1 ? e.parts[0] : e.parts.join('\n');
    e.parts = [];
  };
  for (const s of sections) {
    for (const e of s.entries) finishEntry(e);
    if (s.entries.length > 0) s.range = { start: s.headerRange.start, end: s.entries[s.entries.length - 1].range.end };
  }
  for (const e of preamble) finishEntry(e);

  const parser = buildParserState(sections);
  const interpolationErrors = interpolateAll(parser.sections as MutablePythonSection[], parser.defaultsMap);
  for (const e of interpolationErrors) errors.push(e);

  const raisedError = firstImmediateError ?? firstParsingError ?? interpolationErrors[0] ?? null;
  return {
    text,
    lineStarts: starts,
    sections: sections.map(toSection),
    preamble: preamble.map(toEntry),
    comments,
    invalidLines,
    errors,
    raisedError,
    parser: { sections: parser.sections, defaults: [...parser.defaultsMap.values()] },
    lines: lineInfo,
  };
}

function currentValueLength(e: EntryBuilder): number {
  // Length of the joined value so far: the last line's offset plus its length (O(1), no joining).
  const lastLine = e.lines[e.lines.length - 1];
  return lastLine.offset + lastLine.text.length;
}

// The builders already have every readonly field; dropping the working fields is unnecessary, so these are
// type-level views of the same objects (keeping identity, which `first`/`entry` links rely on).
function toEntry(e: EntryBuilder): CfgEntry {
  return e as unknown as CfgEntry;
}
function toSection(s: SectionBuilder): CfgSection {
  return s as unknown as CfgSection;
}

export interface MutablePythonSection extends PythonSection {
  options: { key: string; entry: CfgEntry; value: string | null }[];
}

/** configparser's dicts after `_read`: `_sections` (headers with the same name merged) and `_defaults`. */
function buildParserState(sections: SectionBuilder[]): {
  sections: MutablePythonSection[];
  defaultsMap: Map<string, { key: string; entry: CfgEntry }>;
} {
  const defaultsMap = new Map<string, { key: string; entry: CfgEntry }>();
  const byName = new Map<string, { name: string; nodes: CfgSection[]; own: Map<string, CfgEntry> }>();
  for (const s of sections) {
    if (s.isDefault) {
      // A later duplicate replaces the value but keeps the dict position, as `d[k] = v` does.
      for (const e of s.entries) {
        const had = defaultsMap.get(e.key);
        if (had) had.entry = toEntry(e);
        else defaultsMap.set(e.key, { key: e.key, entry: toEntry(e) });
      }
      continue;
    }
    let merged = byName.get(s.name);
    if (!merged) {
      merged = { name: s.name, nodes: [], own: new Map() };
      byName.set(s.name, merged);
    }
    merged.nodes.push(toSection(s));
    for (const e of s.entries) merged.own.set(e.key, toEntry(e));
  }
  const result: MutablePythonSection[] = [];
  for (const m of byName.values()) {
    // `parser.options(section)`: the section's own keys, then DEFAULT keys it does not have.
    const options: { key: string; entry: CfgEntry; value: string | null }[] = [];
    for (const [key, entry] of m.own) options.push({ key, entry, value: null });
    for (const [key, d] of defaultsMap) if (!m.own.has(key)) options.push({ key, entry: d.entry, value: null });
    result.push({ name: m.name, nodes: m.nodes, options });
  }
  return { sections: result, defaultsMap };
}

