// Feature support: the section name under the cursor, for go to definition, find references and rename — a
// `[header]` name, or a name used in the value of `_from`, `_type`, `remote_engine`, `local_engine`,
// `[databand] env` or an `environments` list.
import { nodeAt } from '../core/reader';
import { containsPosition, type Position, type Range } from '../core/text/range';
import type { Analysis, ProjectFile } from './analysis';
import { referencesOf } from './sectionReferences';

export interface SectionAtCursor {
  /** The name as written at the cursor. */
  readonly name: string;
  /** Its range in the file. */
  readonly range: Range;
  /** True on a `[header]`, false on a reference in a value. */
  readonly isDefinition: boolean;
}

/** Read on the editor's document (`Analysis.document`: a leading byte order mark is a space there), so a name
 *  on a BOM file's first lines is found where the client points. */
export function sectionAtCursor(
  analysis: Analysis,
  file: ProjectFile,
  position: Position,
): SectionAtCursor | undefined {
  const node = nodeAt(analysis.document(file), position);
  if (node.kind === 'section-name') {
    if (node.section.isDefault) return undefined;
    return { name: node.section.name, range: node.section.nameRange, isDefinition: true };
  }
  if ((node.kind === 'value' || node.kind === 'continuation') && node.section) {
    const ref = referencesOf(node.entry, node.section.name).find((r) => containsPosition(r.range, position));
    return ref ? { name: ref.name, range: ref.range, isDefinition: false } : undefined;
  }
  return undefined;
}
