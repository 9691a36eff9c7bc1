// Feature: the outline of one file — its sections, each with its keys. A section's detail says which class or
// section it builds on (`_type`/`_from`); key values are not shown, since they may be secrets or tokens.
import type { CfgSection } from '../core/reader';
import type { Range } from '../core/text/range';
import type { Analysis } from './analysis';

export interface DocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'section' | 'key';
  /** The whole section or entry. */
  readonly range: Range;
  /** The name: what the editor selects and reveals. */
  readonly selectionRange: Range;
  readonly children: readonly DocumentSymbol[];
}

function sectionDetail(section: CfgSection): string | undefined {
  const parts = ['_type', '_from']
    .map((key) => section.entries.find((e) => e.key === key))
    .filter((e) => e !== undefined)
    .map((e) => `${e.key} = ${e.rawValue.trim()}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function documentSymbols(analysis: Analysis, uri: string): DocumentSymbol[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  return analysis.document(file).sections.map((section) => ({
    name: section.name,
    detail: sectionDetail(section),
    kind: 'section' as const,
    range: section.range,
    selectionRange: section.nameRange,
    children: section.entries.map((entry) => ({
      name: entry.rawKey,
      kind: 'key' as const,
      range: entry.range,
      selectionRange: entry.keyRange,
      children: [],
    })),
  }));
}
