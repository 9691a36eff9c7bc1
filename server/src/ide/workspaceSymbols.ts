// Feature: workspace symbols — every section of every project file (unopened ones included) whose name matches
// the query: case-insensitive, the query's characters in order (`k8e` finds `kubernetes_engine`).
import type { Range } from '../core/text/range';
import type { Analysis } from './analysis';

export interface WorkspaceSymbol {
  readonly name: string;
  readonly uri: string;
  readonly range: Range;
  /** The file's name, shown beside the section. */
  readonly containerName: string;
}

function matches(name: string, query: string): boolean {
  const lower = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    at = lower.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Matching sections of all `analyses` (several projects share no file; a file met twice is listed once). */
export function workspaceSymbols(analyses: readonly Analysis[], query: string): WorkspaceSymbol[] {
  const seen = new Set<string>();
  const out: WorkspaceSymbol[] = [];
  for (const analysis of analyses) {
    for (const file of analysis.files) {
      if (seen.has(file.uri)) continue;
      seen.add(file.uri);
      for (const section of analysis.document(file).sections) {
        if (!matches(section.name, query)) continue;
        out.push({ name: section.name, uri: file.uri, range: section.nameRange, containerName: baseName(file.path) });
      }
    }
  }
  return out;
}
