// Syntax diagnostics of one .cfg file: every error configparser would raise (dbnd then refuses to load the
// whole file), at its exact range, plus the trap configparser never reports: an indented `[section]` swallowed
// into the value above it. Value types and unknown keys are checked elsewhere.
import {
  NO_DIAGNOSTICS,
  type CoreDiagnostic,
  type PythonErrorData,
  type RelatedLocation,
  type SwallowedSectionData,
} from './types';
import { comparePositions, range, type Range } from '../text/range';
import type { CfgDocument, CfgEntry, CfgError, CfgSection } from '../reader/model';
import { bracketBalance } from '../reader/parseCfg';

const REFUSES = 'dbnd refuses to load the whole file';

/** Indent the bracket like the value's other continuation lines, or 4 deeper than the key. */
function suggestedIndent(entry: CfgEntry): number {
  const keyIndent = entry.keyRange.start.character;
  const deeper = entry.lines
    .slice(1)
    .map((l) => l.indent)
    .filter((n) => n > keyIndent);
  return deeper.length > 0 ? Math.min(...deeper) : keyIndent + 4;
}

function fixData(doc: CfgDocument, error: CfgError): PythonErrorData {
  const base = { pythonType: error.pythonType, raisedByDbnd: error === doc.raisedError };
  if (error.code === 'closing-bracket-not-indented' && error.entry)
    return { ...base, indentTo: suggestedIndent(error.entry) };
  if (error.code === 'interpolation-syntax' && error.message.startsWith("'%' must be followed")) {
    const s = error.range.start;
    return { ...base, escapePercent: range(s.line, s.character, s.line, s.character + 1) };
  }
  return base;
}

function line1(r: Range): number {
  return r.start.line + 1;
}

function sectionLabel(doc: CfgDocument, entry: CfgEntry): string {
  return entry.sectionIndex >= 0 ? `[${doc.sections[entry.sectionIndex].name}]` : 'the lines before any section';
}

function message(doc: CfgDocument, error: CfgError): { text: string; related?: RelatedLocation[] } {
  switch (error.code) {
    case 'missing-section-header':
      // Python's utf-8 codec keeps a byte order mark as the character U+FEFF, so a BOM before `[core]` makes
      // that header line a non-header; editors hide the BOM, so name it.
      if (error.line === 1 && error.rawLine.startsWith('\uFEFF')) {
        return {
          text:
            `The file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF). dbnd reads it as part of this line, ` +
            `so the line is not a [section] header: configparser raises MissingSectionHeaderError and ${REFUSES}. ` +
            `Save the file as UTF-8 without BOM.`,
        };
      }
      return {
        text:
          `This line comes before any [section] header, so configparser raises MissingSectionHeaderError and ${REFUSES}. ` +
          `Put a header such as [core] above it.`,
      };
    case 'duplicate-section':
      return {
        text:
          `Section [${error.section}] is already defined on line ${line1(error.first.headerRange)}. dbnd reads files with a ` +
          `strict configparser, which raises DuplicateSectionError, and ${REFUSES}. Merge the two sections.`,
        related: [{ path: '', range: error.first.headerRange, message: `first [${error.section}]` }],
      };
    case 'duplicate-key':
      return {
        text:
          `Key '${error.option}' is already set in [${error.section}] on line ${line1(error.first.keyRange)} ` +
          `(keys are case-insensitive). configparser raises DuplicateOptionError and ${REFUSES}. Keep only one.`,
        related: [{ path: '', range: error.first.keyRange, message: `first '${error.option}'` }],
      };
    case 'invalid-line':
      return {
        text:
          `This line is neither a [section] header nor a 'key = value' line (it has no '=' or ':'). configparser ` +
          `raises ParsingError and ${REFUSES}. If it continues the value above, indent it deeper than that key; ` +
          `otherwise comment it out with '#'.`,
      };
    case 'empty-key':
      return { text: `The key before '=' or ':' is empty. configparser raises ParsingError and ${REFUSES}.` };
    case 'closing-bracket-not-indented': {
      const entry = error.entry as CfgEntry;
      return {
        text:
          `This closing bracket is not indented deeper than the key '${entry.rawKey}' (line ${line1(entry.keyRange)}), ` +
          `so configparser does not take it as part of that multi-line value but as a new line without '=': ` +
          `ParsingError, and ${REFUSES}. Indent it deeper than '${entry.rawKey}'.`,
        related: [{ path: '', range: entry.keyRange, message: `the value of '${entry.rawKey}' starts here` }],
      };
    }
    case 'interpolation-syntax':
      return {
        text:
          `A '%' in a value starts configparser interpolation; a literal percent sign must be written '%%' ` +
          `(URL-encoded passwords such as p%40ss are a common case: write p%%40ss). dbnd reads every value at ` +
          `load time, so ${REFUSES}. configparser: InterpolationSyntaxError: ${error.message}`,
      };
    case 'interpolation-missing-option':
      return {
        text:
          `'%(${error.reference ?? ''})s' refers to a key that is neither in [${error.section}] nor in [DEFAULT] of ` +
          `this file (interpolation never looks at other sections or files). Write '%%' for a literal '%'. ` +
          `dbnd reads every value at load time, so ${REFUSES}. configparser: InterpolationMissingOptionError: ${error.message}`,
        related: [
          { path: '', range: error.entry.keyRange, message: `while reading '${error.option}' of [${error.section}]` },
        ],
      };
    case 'interpolation-depth':
      return {
        text:
          `The %(...)s references of this value nest more than 10 levels deep (usually a key that refers to ` +
          `itself through others). dbnd reads every value at load time, so ${REFUSES}. ` +
          `configparser: InterpolationDepthError: ${error.message}`,
      };
  }
}

function errorDiagnostic(doc: CfgDocument, error: CfgError, path: string): CoreDiagnostic {
  const { text, related } = message(doc, error);
  const data = fixData(doc, error);
  return {
    path,
    range: error.range,
    severity: 'error',
    code: error.code,
    message: text,
    ...(related ? { related: related.map((r) => ({ ...r, path })) } : {}),
    data,
  };
}

/** `[name]` the way configparser would take it as a header, with a name that looks like a dbnd section. */
function headerLikeName(text: string): string | null {
  if (text.charCodeAt(0) !== 0x5b) return null;
  const close = text.lastIndexOf(']');
  if (close < 2) return null;
  const name = text.slice(1, close);
  return /^[A-Za-z_][\w.\-]*$/.test(name) ? name : null;
}

/**
 * Indented headers inside a value. A header-looking continuation line is only flagged when the value before it
 * has no unclosed bracket, so lists and dicts that happen to contain `[x]` lines are left alone.
 */
function swallowedSections(doc: CfgDocument, entry: CfgEntry, path: string): readonly CoreDiagnostic[] {
  // Every entry of the file is asked: a single-line one (most) and one that swallows nothing allocate nothing.
  if (entry.lineCount < 2) return NO_DIAGNOSTICS;
  const lines = entry.lines;
  // Only a continuation line that starts with `[` can be a header: most multi-line values (dicts) have none, and
  // need no bracket count.
  let candidate = false;
  for (let k = 1; k < lines.length && !candidate; k++) candidate = lines[k].text.charCodeAt(0) === 0x5b;
  if (!candidate) return NO_DIAGNOSTICS;
  let found: { index: number; name: string }[] | undefined;
  let depth = bracketBalance(lines[0].text);
  for (let k = 1; k < lines.length; k++) {
    const text = lines[k].text;
    const name = depth <= 0 ? headerLikeName(text) : null;
    if (name !== null) (found ??= []).push({ index: k, name });
    depth += bracketBalance(text);
  }
  if (!found) return NO_DIAGNOSTICS;
  const headers = found;
  const section: CfgSection | null = entry.sectionIndex >= 0 ? doc.sections[entry.sectionIndex] : null;
  return headers.map(({ index, name }, n) => {
    const header = lines[index];
    const blockEnd = n + 1 < headers.length ? headers[n + 1].index : lines.length;
    const dedent = lines
      .slice(index, blockEnd)
      .map((l) => ({ line: l.range.start.line, characters: Math.min(l.indent, header.indent) }));
    const lastLine = lines[blockEnd - 1].range.start.line;
    const data: SwallowedSectionData = {
      section: name,
      swallowedBy: { section: section ? section.name : null, key: entry.rawKey, line: entry.keyRange.start.line },
      dedent,
    };
    const start = header.range.start;
    const close = header.text.lastIndexOf(']') + 1;
    return {
      path,
      range: range(start.line, start.character, start.line, start.character + close),
      severity: 'error' as const,
      code: 'indented-section-swallowed',
      message:
        `[${name}] is indented, so configparser does not read it as a section: it and the lines after it ` +
        `(through line ${lastLine + 1}) become part of the value of '${entry.rawKey}' in ${sectionLabel(doc, entry)} ` +
        `(line ${line1(entry.keyRange)}). dbnd silently drops section [${name}] and its keys. ` +
        `Remove the indentation from the header and its keys.`,
      related: [{ path, range: entry.keyRange, message: `'${entry.rawKey}' swallows [${name}]` }],
      data,
    };
  });
}

export function syntaxDiagnostics(doc: CfgDocument, path: string): CoreDiagnostic[] {
  // configparser raises MissingSectionHeaderError for a line and stops there; the reader also finds that line
  // is no `key = value` (a BOM before the first header), which is the same problem told twice: one error.
  const headerless = new Set(doc.errors.filter((e) => e.code === 'missing-section-header').map((e) => e.line));
  const diagnostics = doc.errors
    .filter((e) => e.code !== 'invalid-line' || !headerless.has(e.line))
    .map((e) => errorDiagnostic(doc, e, path));
  for (const entry of doc.preamble) diagnostics.push(...swallowedSections(doc, entry, path));
  // Indexed loops: a cold process runs this once over every entry before V8 optimises it, and `for...of`
  // then allocates an iterator result per entry.
  const sections = doc.sections;
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    if (swallowsNothing.has(section)) continue;
    let found = 0;
    const entries = section.entries;
    for (let e = 0; e < entries.length; e++) {
      const swallowed = swallowedSections(doc, entries[e], path);
      found += swallowed.length;
      for (let d = 0; d < swallowed.length; d++) diagnostics.push(swallowed[d]);
    }
    if (found === 0) swallowsNothing.add(section);
  }
  return diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Section nodes none of whose values swallows an indented header, so that an edit's syntax diagnostics look only
 * at the sections it re-read. Why the node is a complete key: whether a value swallows a header reads only its
 * lines' text and indentation, and a node's text never changes (the incremental reader hands an unchanged
 * section's node to the next document and reads an edited section into a new one). What is found is never
 * remembered: its ranges move with the section.
 */
const swallowsNothing = new WeakSet<CfgSection>();
