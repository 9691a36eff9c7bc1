// The tolerant reader: CPython 3.11 `RawConfigParser._read` line by line, with default options (delimiters
// `=`/`:`, whole-line `#`/`;` comments, strict, empty_lines_in_values, no allow_no_value), but it never stops:
// every error is recorded with its range and the one Python would raise is marked.
// The file is read as blocks (blocks.ts: each header at column 0 starts one) and assembled (assemble.ts), so
// that an edit re-reads only the blocks it touches (incremental.ts).
import { splitLines } from './lineSplitter';
import { readBlocks } from './blocks';
import { assemble } from './assemble';
import type { CfgDocument } from './model';

export { bracketBalance } from './blocks';

/** Parses a whole .cfg text. Never throws. */
export function parseCfg(text: string): CfgDocument {
  const lines = splitLines(text);
  const { blocks, rows } = readBlocks(text, lines, 0, true);
  return assemble(text, lines.starts, blocks, rows);
}
