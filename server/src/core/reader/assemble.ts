// A document from its blocks (blocks.ts): places each block (its first line and first section index), joins
// their nodes, and does what crosses blocks over the whole file, as configparser does it while reading: duplicate
// section names, duplicate keys across `[DEFAULT]` headers, then the parser's dicts and interpolation.
// The full reader assembles freshly read blocks; the incremental one (incremental.ts) mostly reused ones.
import { interpolateAll } from './interpolation';
import { ParserOption } from './parserOption';
import { DEFAULT_SECTION, type Block, type BlockError } from './blocks';
import type { CommentNode, EntryNode, InvalidLineNode, SectionNode } from './nodes';
import type { CfgDocument, CfgEntry, CfgError, CfgLineTable, CfgSection, PythonSection } from './model';
import type { Range } from '../text/range';

/** What the incremental reader needs of a document besides the document itself. */
export interface ReaderState {
  readonly blocks: readonly Block[];
}

const states = new WeakMap<CfgDocument, ReaderState>();

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
  const parser = buildParserState(sections);
  const interpolationErrors = interpolateAll(parser.sections, parser.defaultsMap, parser.ownEntries);
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
  states.set(doc, { blocks });
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
  readonly options: ParserOption[];
}

/** configparser's dicts after `_read`: `_sections` (headers with the same name merged) and `_defaults`. */
function buildParserState(sections: readonly SectionNode[]): {
  sections: WritablePythonSection[];
  defaultsMap: Map<string, { key: string; entry: CfgEntry }>;
  ownEntries: Map<string, CfgEntry>[];
} {
  const defaultsMap = new Map<string, { key: string; entry: CfgEntry }>();
  const byName = new Map<string, { name: string; nodes: CfgSection[]; own: Map<string, CfgEntry> }>();
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
    let merged = byName.get(s.name);
    if (!merged) {
      merged = { name: s.name, nodes: [], own: new Map() };
      byName.set(s.name, merged);
    }
    merged.nodes.push(s);
    for (let k = 0; k < entries.length; k++) merged.own.set(entries[k].key, entries[k]);
  }
  const result: WritablePythonSection[] = [];
  const ownEntries: Map<string, CfgEntry>[] = [];
  for (const m of byName.values()) {
    // `parser.options(section)`: the section's own keys, then DEFAULT keys it does not have. The blocks are
    // placed, so an entry's `sectionIndex` finds its node.
    const options: ParserOption[] = [];
    // `forEach`, not `for...of` over entries: no [key, value] pair per option (a cold process runs this loop
    // before it is optimised, and the pairs were 50k short-lived arrays at 100k lines).
    const own = m.own;
    own.forEach((entry) => {
      options.push(new ParserOption(entry, sections[entry.sectionIndex], null));
    });
    defaultsMap.forEach((d, key) => {
      if (!own.has(key)) options.push(new ParserOption(d.entry, sections[d.entry.sectionIndex], null));
    });
    result.push({ name: m.name, nodes: m.nodes, options });
    ownEntries.push(m.own);
  }
  return { sections: result, defaultsMap, ownEntries };
}
