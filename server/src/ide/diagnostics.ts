// Feature: diagnostics of one project file, computed for the whole project at once (a `_from` in one file is
// checked against the sections of all the others) and handed out per file.
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { lintFiles } from '../core/diagnostics/lintFiles';
import type { Analysis } from './analysis';

/** Every diagnostic of the project, in file order. */
export function projectDiagnostics(analysis: Analysis): readonly CoreDiagnostic[] {
  return analysis.memo('diagnostics', () => lintFiles(analysis.files, { env: analysis.env }));
}

/** The diagnostics that belong to the file at `path`. */
export function fileDiagnostics(analysis: Analysis, path: string): CoreDiagnostic[] {
  return projectDiagnostics(analysis).filter((d) => d.path === path);
}
