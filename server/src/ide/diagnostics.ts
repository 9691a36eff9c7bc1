// Feature: diagnostics of one project file, computed for the whole project at once (a `_from` in one file is
// checked against the sections of all the others) and handed out per file.
//
// dbnd raises build errors lazily: only for the objects a run builds (docs/dbnd-rules.md §1.7). The core's
// checks look at every section; here an error in a section no enabled environment reads becomes a warning that
// says so, and a section whose class comes from a plugin (or the user's code) the core does not model is only
// information: its keys are not checked, and dbnd itself may well import the class.
import { lintFiles } from '../core/diagnostics/lintFiles';
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { lineInfoAt } from '../core/reader/nodeAt';
import { ALL_CONFIG_CLASSES } from '../core/schema';
import type { Analysis } from './analysis';
import { builtSections, definedSectionNames, layerOf } from './projectQueries';

/** Errors dbnd raises while building an object, not while reading files. */
const BUILD_ERROR_CODES = new Set(['unknown-type', 'from-cycle', 'missing-required-key', 'invalid-value', 'empty-value']);

/** Python modules of the modelled classes: a missing class in one of these is a real error, not a plugin. */
const MODELLED_MODULES = new Set(ALL_CONFIG_CLASSES.map((c) => c.classPath.slice(0, c.classPath.lastIndexOf('.'))));

/** Every diagnostic of the project, in file order. */
export function projectDiagnostics(analysis: Analysis): readonly CoreDiagnostic[] {
  return analysis.memo('diagnostics', () => lintFiles(analysis.files, { env: analysis.env }).map((d) => asDbndRaisesIt(analysis, d)));
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

/** Where `_type`/`_from` of `name` lead: the last name of the chain (a dotted class path or an undefined name). */
function classReferenceEnd(analysis: Analysis, name: string): string {
  const layer = layerOf(analysis);
  let current = name;
  for (let i = 0; layer && i < 20; i++) {
    const next = layer.get(current, '_type') ?? layer.get(current, '_from');
    if (!next || typeof next.value !== 'string' || next.value.trim() === '' || next.value.trim() === current) return current;
    current = next.value.trim();
    if (current.includes('.')) return current;
  }
  return current;
}

function isPluginClass(path: string): boolean {
  return path.includes('.') && !MODELLED_MODULES.has(path.slice(0, path.lastIndexOf('.')));
}

function asDbndRaisesIt(analysis: Analysis, d: CoreDiagnostic): CoreDiagnostic {
  if (d.severity !== 'error' || !BUILD_ERROR_CODES.has(String(d.code))) return d;
  const section = sectionNameAt(analysis, d);
  if (!section) return d;
  const built = builtSections(analysis).has(section.toLowerCase());
  if (d.code === 'unknown-type') {
    const end = classReferenceEnd(analysis, section);
    if (isPluginClass(end)) {
      return { ...d, severity: 'information', message: `[${section}] builds ${end}, a class from a plugin the editor does not model: the keys of [${section}] are not checked.` };
    }
    const pragma = lineInfoAt(analysis.fileByPath(d.path)!.doc, d.range.start.line)?.entry;
    if (pragma?.key === '_from' && !end.includes('.') && !definedSectionNames(analysis).has(end.toLowerCase())) {
      // `_from` names a section to read values from; one that no file defines is a typo whether or not a run
      // builds this section now.
      if (!built) return { ...d, severity: 'warning', message: `[${section}] _from = ${pragma.rawValue}: no file of the project defines [${end}], so [${section}] has no class and inherits nothing. ${d.message}` };
      return d;
    }
    if (!built) {
      return {
        ...d,
        severity: 'information',
        message: `[${section}] names '${end}', which is not a dbnd config class the editor knows (a task or class from your code?): its keys are not checked. No enabled environment builds [${section}]; if one did and dbnd could not find '${end}', it would raise TaskClassNotFoundException.`,
      };
    }
    return d;
  }
  if (built) return d;
  return { ...d, severity: 'warning', message: `${d.message} dbnd raises this only when it builds an object from [${section}], and no enabled environment does now.` };
}
