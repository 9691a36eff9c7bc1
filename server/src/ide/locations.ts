// A place in a project file, in editor terms: the file's URI and a range. What navigation features return.
import type { Range } from '../core/text/range';

export interface FileRange {
  readonly uri: string;
  readonly range: Range;
}

/** Ranges sorted by file, then position, with duplicates removed (a stable answer for the editor and tests). */
export function sortedUnique(ranges: readonly FileRange[]): FileRange[] {
  const seen = new Set<string>();
  const out: FileRange[] = [];
  for (const r of ranges) {
    const key = `${r.uri}:${r.range.start.line}:${r.range.start.character}:${r.range.end.line}:${r.range.end.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.sort(
    (a, b) =>
      a.uri.localeCompare(b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}
