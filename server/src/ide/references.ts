// Feature: find references of a section name — every value in the project that names it (`_from`, `_type`,
// `remote_engine`, `local_engine`, `[databand] env`, `environments` entries), in open and unopened files, and
// with `includeDeclaration` its `[headers]` too. Works from a header or from any reference.
import type { Position } from '../core/text/range';
import type { Analysis } from './analysis';
import { type FileRange, sortedUnique } from './locations';
import { sectionAtCursor } from './sectionAtCursor';
import { sectionIndex } from './sectionReferences';

export function references(
  analysis: Analysis,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): FileRange[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  const target = sectionAtCursor(analysis, file, position);
  if (!target) return [];
  const name = target.name.toLowerCase();
  const index = sectionIndex(analysis);
  const uses = (index.references.get(name) ?? []).map((r) => ({ uri: r.file.uri, range: r.range }));
  const headers = includeDeclaration
    ? (index.definitions.get(name) ?? []).map((d) => ({ uri: d.file.uri, range: d.section.nameRange }))
    : [];
  return sortedUnique([...headers, ...uses]);
}
