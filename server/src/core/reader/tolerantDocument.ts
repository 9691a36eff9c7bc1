// The tolerant reading of a document: the file as the user is editing it, with the lines dbnd rejects set
// aside. configparser refuses a whole file for one bogus line (and every keystroke that starts a new key passes
// through such a line), so the strict reading (`toDbndView`: dbnd's one load error) answers "what would dbnd do
// now", while editor features (class resolution, hovers, the checks of the other lines) need "what does the
// rest of the file say". Broken code is not an error condition for them.
//
// "Set aside" means exactly "as if the line were not there": each set-aside line is replaced by a comment of
// the same length and the text is read again. configparser drops whole-line comments without touching its state
// (not even inside a multi-line value), so that reading is the one of the file without those lines, and every
// other line keeps its number and columns: ranges, origins (`project.cfg:12`) and diagnostics of the tolerant
// document are those of the editor's document.
//
// What is set aside, for each error configparser records:
// - a bogus line (no `=`/`:`), an empty key, a closing bracket not indented: that line (with an empty key's
//   continuation lines);
// - lines before the first header (MissingSectionHeaderError): all of them, as no section holds them; a UTF-8
//   byte order mark before the first header is read as a space instead, since only configparser sees it;
// - a duplicate key: the later entry, with its continuation lines. The first one wins, although a
//   `strict=False` configparser would keep the later value: dbnd's error points at the later line, which is the
//   one being typed (or about to be deleted), and keeping the first makes the rest of the file read the same
//   before, during and after the retyping instead of jumping to a half-typed value;
// - a duplicate section header: that header and its whole block, for the same reason (first wins) rather than
//   merging the two blocks as `strict=False` would;
// - a value whose `%` interpolation fails: that entry (its value cannot be known); entries that referred to it
//   fail in turn on the next reading and are set aside then.
// Reading again can only reveal interpolation errors that depended on a set-aside entry, so a few rounds
// settle; past MAX_ROUNDS the whole file is set aside (never seen in practice, but the loop must end).
import { CFG_LINE_KINDS, type CfgDocument, type CfgError } from './model';
import { parseCfg } from './parseCfg';
import { reparseCfgText } from './incremental';
import { hasReaderState } from './assemble';
import { splitLines } from './lineSplitter';
import { takeTolerantBasis, tolerantReadings } from './tolerantReadings';

export interface TolerantDocument {
  /** The document without the set-aside lines; `raisedError` is null. Equal to the input when it loads. */
  readonly doc: CfgDocument;
  /** 0-based numbers of the set-aside lines, ascending (empty when the document loads). */
  readonly setAsideLines: readonly number[];
}

const MAX_ROUNDS = 8;
const BOM = '\uFEFF';
/** The tolerant reading of `doc` (computed once per document object). */
export function tolerantDocument(doc: CfgDocument): TolerantDocument {
  if (!doc.raisedError) {
    // The previous version's reading is not needed (nor kept alive) by a document that loads.
    takeTolerantBasis(doc);
    return { doc, setAsideLines: [] };
  }
  let result = tolerantReadings.get(doc);
  if (!result) {
    result = readTolerantly(doc);
    tolerantReadings.set(doc, result);
  }
  return result;
}

function readTolerantly(original: CfgDocument): TolerantDocument {
  const aside = new Set<number>();
  const text = original.text.startsWith(BOM) ? ' ' + original.text.slice(1) : original.text;
  // Each reading starts from the last one (the previous version's tolerant document, then each round's): only
  // the blocks whose text differs are read again (incremental.ts), and the result equals a full reading.
  let basis = withBlocks(takeTolerantBasis(original)) ?? (mayGiveItsBlocks(original, text) ? original : undefined);
  const read = (t: string): CfgDocument => (basis = basis ? reparseCfgText(basis, t) : parseCfg(t));
  let doc = text === original.text ? original : read(text);
  for (let round = 0; doc.raisedError && round < MAX_ROUNDS; round++) {
    for (const error of doc.errors) for (const line of linesOf(doc, error)) if (hasContent(doc, line)) aside.add(line);
    doc = read(withoutLines(text, aside));
  }
  if (doc.raisedError) {
    // Pathological interpolation chains only: read nothing rather than loop on.
    for (let line = 0; line < original.lineCount; line++) aside.add(line);
    doc = read(withoutLines(text, aside));
  }
  return { doc, setAsideLines: [...aside].sort((a, b) => a - b) };
}

function withBlocks(doc: CfgDocument | undefined): CfgDocument | undefined {
  return doc && hasReaderState(doc) ? doc : undefined;
}

/** The errors whose set-aside lines change nothing the document's other nodes hold: they are no header and no
 *  entry of a section (lines before the first header are in the first block, which is read again anyway). */
const GIVES_ITS_BLOCKS = new Set<CfgError['code']>([
  'invalid-line',
  'closing-bracket-not-indented',
  'missing-section-header',
]);

/**
 * Whether the reading may start from the document itself (the first keystroke that breaks a line: its previous
 * version loaded and had no tolerant reading). Its unchanged blocks then move into the tolerant reading, while
 * the document stays the editor's current one and is read again (its load error, the syntax diagnostics). That
 * is sound because those blocks stay as they were: the set-aside lines are replaced by comments of the same
 * length, so no block moves, and when they hold no header and no section's entry no section index shifts and every
 * entry's value (which the assembly interpolates again) is the same. A byte order mark read as a space may make
 * a header, hence `text` must be the document's own. The next version is then read from the tolerant reading
 * (incremental.ts).
 */
function mayGiveItsBlocks(doc: CfgDocument, text: string): boolean {
  return text === doc.text && hasReaderState(doc) && doc.errors.every((e) => GIVES_ITS_BLOCKS.has(e.code));
}

/** The lines an error sets aside (see the list at the top). */
function linesOf(doc: CfgDocument, error: CfgError): number[] {
  switch (error.code) {
    case 'invalid-line':
    case 'closing-bracket-not-indented':
      return [error.line - 1];
    case 'empty-key':
    case 'duplicate-key':
      return entryLines(doc, error.line - 1);
    case 'missing-section-header': {
      const firstHeader = doc.sections.length > 0 ? doc.sections[0].headerRange.start.line : doc.lineCount;
      return range(0, firstHeader);
    }
    case 'duplicate-section': {
      const section = doc.sections.find((s) => s.headerRange.start.line === error.line - 1);
      return section ? range(section.range.start.line, section.range.end.line + 1) : [error.line - 1];
    }
    default:
      return range(error.entry.range.start.line, error.entry.range.end.line + 1);
  }
}

/** Blank and comment lines are neutral: setting them aside would change nothing, so they are not listed. */
function hasContent(doc: CfgDocument, line: number): boolean {
  const kind = CFG_LINE_KINDS[doc.lineTable.kinds[line]];
  return kind !== 'blank' && kind !== 'comment';
}

/** The key line of the entry starting on `line` and its continuation lines (just `line` if none starts there). */
function entryLines(doc: CfgDocument, line: number): number[] {
  const entry = doc.lineTable.entries[line];
  if (!entry || entry.keyRange.start.line !== line) return [line];
  return range(line, entry.range.end.line + 1);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** `text` with each of `lines` replaced by a comment of the same length (`#` then spaces); line breaks kept. */
function withoutLines(text: string, lines: ReadonlySet<number>): string {
  const { starts, ends } = splitLines(text);
  const parts: string[] = [];
  let from = 0;
  for (const line of [...lines].sort((a, b) => a - b)) {
    if (line >= starts.length) continue;
    const start = starts[line];
    const length = ends[line] - start;
    if (length === 0) continue;
    parts.push(text.slice(from, start), '#'.padEnd(length, ' '));
    from = ends[line];
  }
  parts.push(text.slice(from));
  return parts.join('');
}
