// The incremental reader: a document after an edit, from the document before it. Only the blocks the edit
// touches are read again (blocks.ts: a block starts at a header at column 0, where configparser's state is
// always the same), widened by one block when the edit touches a block's header line (the header may stop
// being one, and its lines then join the block above). The other blocks are reused as they are: their nodes
// hold lines relative to the block, so the assembly moves them by setting the block's first line.
// The assembly reuses the previous document's merged sections (and their options) whose nodes it reused.
// The result equals `parseCfg(newText)` (test/core/reader/incremental.test.ts checks it after random edits).
import { assemble, consumeReaderState, hasReaderState } from './assemble';
import { readBlocks, type Block } from './blocks';
import { splitLines } from './lineSplitter';
import { ownCopy } from './ownCopy';
import type { CfgDocument, CfgLineTable } from './model';
import { parseCfg } from './parseCfg';
import { handOverTolerantReading, tolerantReadings } from './tolerantReadings';
import type { Range } from '../text/range';

/** An edit as offsets into the previous text: `[from, to)` is replaced by `text`. */
export interface CfgTextChange {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * The document of `previous.text` with `change` applied. `previous` is consumed: its unchanged blocks move
 * into the new document (their lines follow the edit), so it must not be read afterwards.
 */
export function reparseCfg(previous: CfgDocument, change: CfgTextChange): CfgDocument {
  const old = previous.text;
  return reread(previous, change, old.slice(0, change.from) + change.text + old.slice(change.to));
}

/** `reparseCfg` when the new text is at hand (an editor's document): the change is found by comparing texts,
 *  and the text is used as it is (a concatenated one would be copied whole on its first read). */
export function reparseCfgText(previous: CfgDocument, text: string): CfgDocument {
  return reread(previous, textChange(previous.text, text), text);
}

function reread(previous: CfgDocument, change: CfgTextChange, text: string): CfgDocument {
  const next = hasReaderState(previous)
    ? rereadBlocks(previous, change, text)
    : rereadFromTolerant(previous, change, text);
  handOverTolerantReading(previous, next);
  return next;
}

/** How many more lines than the edit's own the difference from a tolerant reading may span and still be read
 *  from it (the set-aside line is the one being typed, or near it); past that a full reading is cheaper. */
const NEAR_LINES = 64;

/**
 * A document that does not load gives its blocks to its own tolerant reading when that reading starts from it
 * (tolerantDocument.ts), so the next version is read from the tolerant reading instead: its text differs from
 * the document's only on the set-aside lines, and the difference from it is the edit widened to those lines.
 * While a key is typed they are the line being typed, and every version is read from the last one, strict and
 * tolerant in turn. When the set-aside lines are far from the edit, the text is read whole once; the tolerant
 * reading then keeps its blocks and the two readings go on separately, each from its own previous one.
 */
function rereadFromTolerant(previous: CfgDocument, change: CfgTextChange, text: string): CfgDocument {
  const tolerant = tolerantReadings.get(previous)?.doc;
  if (tolerant && tolerant !== previous && hasReaderState(tolerant)) {
    const fromTolerant = textChange(tolerant.text, text);
    if (lineSpan(tolerant, fromTolerant) <= lineSpan(previous, change) + NEAR_LINES)
      return rereadBlocks(tolerant, fromTolerant, text);
  }
  return parseCfg(text);
}

/** The lines a change touches in `doc` plus the line breaks it inserts. */
function lineSpan(doc: CfgDocument, change: CfgTextChange): number {
  const starts = doc.lineStarts;
  const lines =
    lastAtOrBefore(starts, change.to, (i) => starts[i]) - lastAtOrBefore(starts, change.from, (i) => starts[i]);
  let breaks = 0;
  const t = change.text;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return lines + breaks;
}

function rereadBlocks(previous: CfgDocument, change: CfgTextChange, text: string): CfgDocument {
  const old = previous.text;
  const state = consumeReaderState(previous);
  if (!state || state.blocks.length === 0 || previous.lineCount === 0) return parseCfg(text);
  const blocks = state.blocks;
  const starts = previous.lineStarts;
  const fromLine = lastAtOrBefore(starts, change.from, (i) => starts[i]);
  const toLine = lastAtOrBefore(starts, change.to, (i) => starts[i]);
  let b0 = lastAtOrBefore(blocks, fromLine, (i) => blocks[i].base.line);
  if (b0 > 0 && blocks[b0].base.line === fromLine) b0--;
  const b1 = lastAtOrBefore(blocks, toLine, (i) => blocks[i].base.line);

  const regionStart = blocks[b0].base.line;
  const regionEnd = blocks[b1].base.line + blocks[b1].lineCount;
  const startOffset = starts[regionStart];
  const endOffset = regionEnd < previous.lineCount ? starts[regionEnd] : old.length;
  const shift = change.text.length - (change.to - change.from);
  // The region is read from a copy of its own: the nodes' strings (keys, values) are slices of the text they
  // were read from, and a node lives as long as its block is reused, which must not keep every version of
  // the whole text alive.
  const region = ownCopy(text.slice(startOffset, endOffset + shift));
  const lines = splitLines(region);
  const fresh = readBlocks(region, lines, regionStart, b0 === 0);

  const sectionStart = blocks[b0].base.sectionIndex;
  const sectionShift = countSections(fresh.blocks) - countSections(blocks.slice(b0, b1 + 1));
  const count = lines.starts.length;
  const table = spliceRows(previous.lineTable, regionStart, regionEnd, fresh.rows, sectionStart, sectionShift);
  const lineStarts = new Uint32Array(regionStart + count + previous.lineCount - regionEnd);
  lineStarts.set(starts.subarray(0, regionStart));
  for (let i = 0; i < count; i++) lineStarts[regionStart + i] = lines.starts[i] + startOffset;
  for (let i = regionEnd, j = regionStart + count; i < previous.lineCount; i++, j++) lineStarts[j] = starts[i] + shift;
  const placed = [...blocks.slice(0, b0), ...fresh.blocks, ...blocks.slice(b1 + 1)];
  return assemble(text, lineStarts, placed, table, state.parser);
}

/** `reparseCfg` for an LSP content change (a range in the previous text's lines and UTF-16 characters). */
export function applyCfgChange(
  previous: CfgDocument,
  change: { readonly range: Range; readonly text: string },
): CfgDocument {
  return reparseCfg(previous, {
    from: offsetAt(previous, change.range.start),
    to: offsetAt(previous, change.range.end),
    text: change.text,
  });
}

/** The smallest change that turns `before` into `after` (their common start and end kept). */
export function textChange(before: string, after: string): CfgTextChange {
  const max = Math.min(before.length, after.length);
  let from = 0;
  // Long equal runs are compared as strings (a memory compare), then character by character.
  for (let step = 4096; step >= 1; step >>= 4)
    while (from + step <= max && before.slice(from, from + step) === after.slice(from, from + step)) from += step;
  let tail = 0;
  const room = max - from;
  for (let step = 4096; step >= 1; step >>= 4)
    while (
      tail + step <= room &&
      before.slice(before.length - tail - step, before.length - tail) ===
        after.slice(after.length - tail - step, after.length - tail)
    )
      tail += step;
  return { from, to: before.length - tail, text: after.slice(from, after.length - tail) };
}

function offsetAt(doc: CfgDocument, pos: { readonly line: number; readonly character: number }): number {
  if (pos.line >= doc.lineCount) return doc.text.length;
  const start = doc.lineStarts[pos.line];
  const next = pos.line + 1 < doc.lineCount ? doc.lineStarts[pos.line + 1] : doc.text.length;
  return Math.min(start + pos.character, next);
}

/** The last index whose key is at most `value` (0 when none is): a binary search over ascending keys. */
function lastAtOrBefore(items: ArrayLike<unknown>, value: number, key: (i: number) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function countSections(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.sections.length;
  return n;
}

/** The previous line table with rows `[from, to)` replaced by the region's (section indexes placed). */
function spliceRows(
  old: CfgLineTable,
  from: number,
  to: number,
  rows: CfgLineTable,
  sectionStart: number,
  sectionShift: number,
): CfgLineTable {
  const count = rows.kinds.length;
  const n = from + count + old.kinds.length - to;
  const after = from + count;
  const kinds = new Uint8Array(n);
  kinds.set(old.kinds.subarray(0, from));
  kinds.set(rows.kinds, from);
  kinds.set(old.kinds.subarray(to), after);
  const valueLineIndexes = new Int32Array(n);
  valueLineIndexes.set(old.valueLineIndexes.subarray(0, from));
  valueLineIndexes.set(rows.valueLineIndexes, from);
  valueLineIndexes.set(old.valueLineIndexes.subarray(to), after);
  const sectionIndexes = new Int32Array(n);
  sectionIndexes.set(old.sectionIndexes.subarray(0, from));
  for (let i = 0; i < count; i++) {
    const s = rows.sectionIndexes[i];
    sectionIndexes[from + i] = s < 0 ? -1 : s + sectionStart;
  }
  // Lines after the region are below a header: no -1 among them.
  for (let i = to, j = after; i < old.kinds.length; i++, j++) sectionIndexes[j] = old.sectionIndexes[i] + sectionShift;
  // One array filled in place (slices joined by `concat` were three arrays of the file's size per edit).
  const entries: (typeof old.entries)[number][] = new Array(n);
  for (let i = 0; i < from; i++) entries[i] = old.entries[i];
  for (let i = 0; i < count; i++) entries[from + i] = rows.entries[i];
  for (let i = to, j = after; i < old.kinds.length; i++, j++) entries[j] = old.entries[i];
  return { kinds, sectionIndexes, entries, valueLineIndexes };
}
