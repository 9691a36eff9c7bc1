// Feature: go to definition of a section name — from `_from = x`, `_type = x`, `remote_engine = x`,
// `local_engine = x`, `[databand] env = x` or an entry of `environments` to every `[x]` header of the project
// (dbnd merges the sections of all its files key by key, so a name can be defined in several files; names are
// case-insensitive). On a header, the other headers of the same name.
import type { Position } from '../core/text/range';
import type { Analysis } from './analysis';
import { type FileRange, sortedUnique } from './locations';
import { sectionAtCursor } from './sectionAtCursor';
import { sectionIndex } from './sectionReferences';

export function definition(analysis: Analysis, uri: string, position: Position): FileRange[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  const target = sectionAtCursor(analysis, file, position);
  if (!target) return [];
  const sites = sectionIndex(analysis).definitions.get(target.name.toLowerCase()) ?? [];
  return sortedUnique(sites.map((d) => ({ uri: d.file.uri, range: d.section.nameRange })));
}
