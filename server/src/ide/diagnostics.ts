// Feature: diagnostics of one project file, computed for the whole project at once (a `_from` in one file is
// checked against the sections of all the others) and handed out per file.
//
// dbnd raises build errors lazily: only for the objects a run builds (docs/dbnd-rules.md §1.7). The core
// already says so for class resolution; for bad values and missing keys, an error in a section that no object
// of the run reads (ide/projectQueries builtSections: the settings, every enabled environment, its engines and
// every section those objects read) becomes a warning that says why dbnd does not raise it now; so does a bad
// value that loses to another value for every object that reads it (ide/overriddenValues).
import { fileReadProblemDiagnostic } from '../core/diagnostics/fileReadProblems';
import { lintFiles } from '../core/diagnostics/lintFiles';
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { lineInfoAt } from '../core/reader/nodeAt';
import type { Analysis } from './analysis';
import { asOverridden } from './overriddenValues';
import { builtSections } from './projectQueries';
import { withProjectVerdict } from './projectAnalysis';

/** Errors dbnd raises while building an object from a value or for a missing one, not while reading files. */
const LAZY_BUILD_ERROR_CODES = new Set(['missing-required-key', 'invalid-value', 'empty-value', 'invalid-json']);

/** Every diagnostic of the project, in file order. */
export function projectDiagnostics(analysis: Analysis): readonly CoreDiagnostic[] {
  return analysis.memo('diagnostics', () => [
    // A file on disk that is not read as text (not UTF-8, too large), worded as lint words it.
    ...analysis.files.flatMap((f) => (f.problem ? [fileReadProblemDiagnostic(f.path, f.problem)] : [])),
    ...withProjectVerdict(
      analysis,
      lintFiles(analysis.files, {
        env: analysis.env,
        environmentName: analysis.snapshot.environmentName,
        memo: analysis.snapshot.lintMemo,
      }).map((d) => asDbndRaisesIt(analysis, asOverridden(analysis, d))),
    ),
  ]);
}

/** The diagnostics that belong to the file at `path`. */
export function fileDiagnostics(analysis: Analysis, path: string): CoreDiagnostic[] {
  return projectDiagnostics(analysis).filter((d) => d.path === path);
}

function sectionNameAt(analysis: Analysis, d: CoreDiagnostic): string | undefined {
  const doc = analysis.fileByPath(d.path)?.doc;
  const info = doc && lineInfoAt(doc, d.range.start.line);
  return info && info.sectionIndex >= 0 ? doc.sections[info.sectionIndex]?.name : undefined;
}

function asDbndRaisesIt(analysis: Analysis, d: CoreDiagnostic): CoreDiagnostic {
  if (d.severity !== 'error' || !LAZY_BUILD_ERROR_CODES.has(String(d.code))) return d;
  const section = sectionNameAt(analysis, d);
  if (!section || builtSections(analysis).has(section.toLowerCase())) return d;
  return {
    ...d,
    severity: 'warning',
    message: `${d.message} dbnd raises this only when it builds an object from [${section}], and no enabled environment does now.`,
  };
}
