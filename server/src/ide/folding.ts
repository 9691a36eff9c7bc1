// Feature: folding — each section (header to its last entry), each multi-line value (key line to its last
// continuation line) and each run of two or more whole-line comments. Lines are 0-based.
import type { Analysis } from './analysis';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment' | 'region';
}

export function foldingRanges(analysis: Analysis, uri: string): FoldingRange[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  const out: FoldingRange[] = [];
  const doc = analysis.document(file);
  const entries = [...doc.preamble];
  for (const section of doc.sections) {
    if (section.range.end.line > section.range.start.line) {
      out.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: 'region' });
    }
    entries.push(...section.entries);
  }
  for (const entry of entries) {
    if (entry.range.end.line > entry.range.start.line)
      out.push({ startLine: entry.range.start.line, endLine: entry.range.end.line });
  }
  let runStart = -1;
  let previous = -2;
  const closeRun = () => {
    if (runStart >= 0 && previous > runStart) out.push({ startLine: runStart, endLine: previous, kind: 'comment' });
  };
  for (const comment of doc.comments) {
    const line = comment.range.start.line;
    if (line !== previous + 1) {
      closeRun();
      runStart = line;
    }
    previous = line;
  }
  closeRun();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
