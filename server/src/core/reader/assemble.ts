// A document from its blocks (blocks.ts): places each block (its first line and first section index), joins
// their nodes, and does what crosses blocks over the whole file, as configparser does it while reading: duplicate
// section names, duplicate keys across `[DEFAULT]` headers, then the parser's dicts and interpolation.
// The full reader assembles freshly read blocks; the incremental one (incremental.ts) mostly reused ones.
import { interpolateAll, type OwnEntries } from './interpolation';
import { ParserOption } from './parserOption';
import { DEFAULT_SECTION, type Block, type BlockError } from './blocks';
import type { CommentNode, EntryNode, InvalidLineNode, SectionNode } from './nodes';
import type { CfgDocument, CfgEntry, CfgError, CfgLineTable, CfgSection, PythonSection } from './model';
import type { Range } from '../text/range';

/** What the incremental reader needs of a document besides the document itself. */
export interface ReaderState {
  readonly blocks: readonly Block[];
  /** The assembly's dicts, for the next assembly to reuse what an edit left as it was. */
  readonly parser?: ParserMemo;
}

/** An assembly's merged sections by name and its [DEFAULT] dict: an edit's assembly reuses a section whose
 *  header nodes are the same (the incremental reader hands unchanged blocks over), and its options too when
 *  [DEFAULT] is the same, so an edit allocates options for the sections it touched, not for the file. */
export interface ParserMemo {
  readonly byName: ReadonlyMap<string, WritablePythonSection>;
  readonly defaults: ReadonlyMap<string, { readonly key: string; readonly entry: CfgEntry }>;
}

const states = new WeakMap<CfgDocument, ReaderState>();

/** Whether the document still holds its blocks (no reading was made from it yet). */
export function hasReaderState(doc: CfgDocument): boolean {
  return states.has(doc);
}

/** The blocks a document was assembled from, taken from it: they move into the next document, and a second
 *  edit of the same document (which would move them again) reads its text afresh instead. */
export function consumeReaderState(doc: CfgDocument): ReaderState | undefined {
  const state = states.get(doc);
  states.delete(doc);
  return state;
}

const IMMEDIATE = new Set(['missing-section-header', 'duplicate-section', 'duplicate-key']);

export function assemble(
  text: string,
  lineStarts: Uint32Array,
  blocks: readonly Block[],
  lineTable: CfgLineTable,
  /** The previous document's dicts (incremental.ts), whose sections are reused where their nodes are. */
  previous?: ParserMemo,
): CfgDocument {
  const sections: SectionNode[] = [];
  const comments: CommentNode[] = [];
  const invalidLines: InvalidLineNode[] = [];
  let line = 0;
  for (const block of blocks) {
    block.base.line = line;
    block.base.sectionIndex = sections.length;
    line += block.lineCount;
    for (const s of block.sections) sections.push(s);
    for (const c of block.comments) comments.push(c);
    for (const l of block.invalidLines) invalidLines.push(l);
  }
  const errors = lineErrors(blocks);
  let firstImmediate: CfgError | null = null;
  let firstParsing: CfgError | null = null;
  for (const e of errors) {
    if (IMMEDIATE.has(e.code)) firstImmediate ??= e;
    else firstParsing ??= e;
  }
  const parser = buildParserState(sections, previous);
  // Every option is interpolated again, the reused ones too: their values are the same (their own keys and
  // [DEFAULT] are), and the errors must come in configparser's order over the whole file.
  // A reused section's own dict is not kept (at 100k lines the dicts were ~2 MiB that stay), and is looked up
  // only when a value has a `%`.
  const own = parser.ownEntries;
  const interpolationErrors = interpolateAll(
    parser.sections,
    parser.defaultsMap,
    (s) => own[s] ?? ownLookup(parser.sections[s].nodes),
    (s) => parser.known[s] === 1,
  );
  for (const e of interpolationErrors) errors.push(e);
  const doc: CfgDocument = {
    text,
    lineStarts,
    sections,
    preamble: blocks.length > 0 ? blocks[0].preamble : [],
    comments,
    invalidLines,
    errors,
    // Python stops at the first immediate error; else raises the accumulated ParsingError; else `get()` fails.
    raisedError: firstImmediate ?? firstParsing ?? interpolationErrors[0] ?? null,
    parser: { sections: parser.sections, defaults: [...parser.defaultsMap.values()] },
    lineCount: line,
    lineTable,
  };
  states.set(doc, { blocks, parser: { byName: parser.byName, defaults: parser.defaultsMap } });
  return doc;
}

function moved(r: Range, lines: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

/** A block's own errors at its current place (moved with the block; they are few, the blocks are not). */
function blockErrors(block: Block): readonly BlockError[] {
  const by = block.base.line - block.errorsAt;
  if (by !== 0 && block.errors.length > 0) {
    block.errors = block.errors.map((e): BlockError => ({ ...e, line: e.line + by, range: moved(e.range, by) }));
  }
  block.errorsAt = block.base.line;
  return block.errors;
}

/** Every read error in line order: each block's own, and the duplicate headers and [DEFAULT] keys. */
function lineErrors(blocks: readonly Block[]): CfgError[] {
  const errors: CfgError[] = [];
  const sectionsByName = new Map<string, CfgSection>();
  const defaultKeys = new Map<string, CfgEntry>();
  for (const block of blocks) {
    const found: CfgError[] = [];
    for (const section of block.sections) {
      if (section.isDefault) {
        for (const entry of section.entries) {
          const earlier = defaultKeys.get(entry.key);
          if (!earlier) defaultKeys.set(entry.key, entry);
          else
            found.push({
              code: 'duplicate-key',
              pythonType: 'DuplicateOptionError',
              line: (entry as EntryNode).line + 1,
              range: entry.keyRange,
              section: DEFAULT_SECTION,
              option: entry.key,
              first: earlier,
            });
        }
        continue;
      }
      const previous = sectionsByName.get(section.name);
      if (!previous) sectionsByName.set(section.name, section);
      else
        found.push({
          code: 'duplicate-section',
          pythonType: 'DuplicateSectionError',
          line: section.line + 1,
          range: section.nameRange,
          section: section.name,
          first: previous,
        });
    }
    const own = blockErrors(block);
    if (found.length === 0) {
      for (const e of own) errors.push(e);
      continue;
    }
    // In line order; on one line the block's own error (an empty key) comes first, as configparser finds it.
    const merged = [...own, ...found].sort((a, b) => (a.line as number) - (b.line as number));
    for (const e of merged) errors.push(e);
  }
  return errors;
}

interface WritablePythonSection extends PythonSection {
  readonly nodes: readonly CfgSection[];
  readonly options: ParserOption[];
}

/** A name's headers while the sections are merged: the previous assembly's section as long as they are its
 *  nodes in its order (`count` of them so far), else their own list and key dict. */
interface Merging {
  readonly name: string;
  reused: WritablePythonSection | undefined;
  count: number;
  nodes: CfgSection[];
  own: Map<string, CfgEntry>;
}

const NO_NODES: CfgSection[] = [];
const NO_ENTRIES = new Map<string, CfgEntry>();

function addOwn(own: Map<string, CfgEntry>, section: CfgSection): void {
  const entries = section.entries;
  for (let k = 0; k < entries.length; k++) own.set(entries[k].key, entries[k]);
}

/** Gives up the previous section (its nodes differ): the nodes matched so far, with their own dict. */
function unreuse(m: Merging): void {
  m.nodes = (m.reused as WritablePythonSection).nodes.slice(0, m.count);
  m.own = ownOf(m.nodes);
  m.reused = undefined;
}

function ownOf(nodes: readonly CfgSection[]): Map<string, CfgEntry> {
  const own = new Map<string, CfgEntry>();
  for (const node of nodes) addOwn(own, node);
  return own;
}

/** Below this many entries a section's own keys are found by scanning them (no dict made per edit). */
const SCANNED_ENTRIES = 64;

/** A section's own keys' entries, the later duplicate winning: a scan of a small section, else a dict. */
function ownLookup(nodes: readonly CfgSection[]): OwnEntries {
  let count = 0;
  for (const node of nodes) count += node.entries.length;
  if (count > SCANNED_ENTRIES) return ownOf(nodes);
  return {
    get(key) {
      for (let n = nodes.length - 1; n >= 0; n--) {
        const entries = nodes[n].entries;
        for (let k = entries.length - 1; k >= 0; k--) if (entries[k].key === key) return entries[k];
      }
      return undefined;
    },
  };
}

/** Whether every option got a value (a failed `get()` leaves it null, and raised an error). */
function noneFailed(options: readonly ParserOption[]): boolean {
  for (let k = 0; k < options.length; k++) if (options[k].value === null) return false;
  return true;
}

function sameDefaults(
  a: ReadonlyMap<string, { readonly entry: CfgEntry }>,
  b: ReadonlyMap<string, { readonly entry: CfgEntry }>,
): boolean {
  if (a.size !== b.size) return false;
  const theirs = a.keys();
  for (const [key, d] of b) {
    const k = theirs.next().value as string;
    if (k !== key || a.get(k)?.entry !== d.entry) return false;
  }
  return true;
}

/** configparser's dicts after `_read`: `_sections` (headers with the same name merged) and `_defaults`. */
function buildParserState(
  sections: readonly SectionNode[],
  previous: ParserMemo | undefined,
): {
  sections: WritablePythonSection[];
  defaultsMap: Map<string, { key: string; entry: CfgEntry }>;
  /** Per section, its own dict when this assembly made it (a reused section's is made when asked). */
  ownEntries: (Map<string, CfgEntry> | undefined)[];
  byName: Map<string, WritablePythonSection>;
  /** Per section, 1 when its values are the previous assembly's and raised nothing (interpolation.ts). */
  known: Uint8Array;
} {
  const defaultsMap = new Map<string, { key: string; entry: CfgEntry }>();
  const merging = new Map<string, Merging>();
  for (const s of sections) {
    const entries = s.entries;
    for (let k = 0; k < entries.length; k++) entries[k].interpolated = undefined;
    if (s.isDefault) {
      // A later duplicate replaces the value but keeps the dict position, as `d[k] = v` does.
      for (const e of s.entries) {
        const had = defaultsMap.get(e.key);
        if (had) had.entry = e;
        else defaultsMap.set(e.key, { key: e.key, entry: e });
      }
      continue;
    }
    let m = merging.get(s.name);
    if (!m) {
      const last = previous?.byName.get(s.name);
      m =
        last && last.nodes[0] === s
          ? { name: s.name, reused: last, count: 1, nodes: NO_NODES, own: NO_ENTRIES }
          : { name: s.name, reused: undefined, count: 0, nodes: [s], own: new Map() };
      if (!m.reused) addOwn(m.own, s);
      merging.set(s.name, m);
      continue;
    }
    if (m.reused) {
      if (m.reused.nodes[m.count] === s) {
        m.count++;
        continue;
      }
      unreuse(m);
    }
    m.nodes.push(s);
    addOwn(m.own, s);
  }
  const defaultsSame = previous !== undefined && sameDefaults(previous.defaults, defaultsMap);
  const result: WritablePythonSection[] = [];
  const ownEntries: (Map<string, CfgEntry> | undefined)[] = [];
  const byName = new Map<string, WritablePythonSection>();
  const known = new Uint8Array(merging.size);
  for (const m of merging.values()) {
    if (m.reused && m.count !== m.reused.nodes.length) unreuse(m);
    let merged = m.reused;
    let own = merged ? undefined : m.own;
    if (!merged || !defaultsSame) {
      const nodes = merged ? merged.nodes : m.nodes;
      const keys = (own ??= ownOf(nodes));
      // `parser.options(section)`: the section's own keys, then DEFAULT keys it does not have. The blocks are
      // placed, so an entry's `sectionIndex` finds its node.
      const options: ParserOption[] = [];
      // `forEach`, not `for...of` over entries: no [key, value] pair per option (a cold process runs this loop
      // before it is optimised, and the pairs were 50k short-lived arrays at 100k lines).
      keys.forEach((entry) => {
        options.push(new ParserOption(entry, sections[entry.sectionIndex], null));
      });
      defaultsMap.forEach((d, key) => {
        if (!keys.has(key)) options.push(new ParserOption(d.entry, sections[d.entry.sectionIndex], null));
      });
      merged = { name: m.name, nodes, options };
    } else if (noneFailed(merged.options)) known[result.length] = 1;
    result.push(merged);
    ownEntries.push(own);
    byName.set(m.name, merged);
  }
  return { sections: result, defaultsMap, ownEntries, byName, known };
}
