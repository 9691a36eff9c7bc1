// A bad value that no object of the run uses. Files merge key by key and an object reads its own section before
// its `_from` chain, family and `[config]`, so a value can lose everywhere: in its own section to a later file
// (or a DBND__ variable), and in every object that reads its section to a section of higher priority. dbnd
// parses only the value that wins (docs/dbnd-rules.md §1.6), so such a value fails nothing today: it is a
// warning that says it would fail if the winning value went away, never an error.
import type { ConfigValue } from '../core/config/configValue';
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { originText } from '../core/run/provenance';
import type { CfgEntry } from '../core/reader';
import type { Analysis } from './analysis';
import { enabledObjectsOf, layerOf, sectionsOfObject, valueStack } from './projectQueries';

/** Errors of a value dbnd raises only when it parses that value. */
const VALUE_ERROR_CODES = new Set(['invalid-value', 'empty-value']);

function isEntry(value: ConfigValue | undefined, path: string, entry: CfgEntry): boolean {
  return (
    value?.origin.kind === 'file' &&
    value.origin.path === path &&
    value.origin.keyRange.start.line === entry.keyRange.start.line
  );
}

/** The value that beats the entry for every object reading it; undefined when the entry wins somewhere. */
function winnerOver(analysis: Analysis, path: string, section: string, entry: CfgEntry): ConfigValue | undefined {
  const layer = layerOf(analysis);
  if (!layer) return undefined;
  const own = layer.get(section, entry.key);
  if (own && !isEntry(own, path, entry)) return own; // a later file or a variable sets the same key here
  const enabled = enabledObjectsOf(analysis);
  if (!enabled) return undefined;
  const objects = new Set([...enabled.built, enabled.selectedEnv.toLowerCase(), 'databand', 'core', 'run']);
  let winner: ConfigValue | undefined;
  for (const name of objects) {
    if (!(sectionsOfObject(analysis, name) ?? [name]).includes(section.toLowerCase())) continue;
    const stack = valueStack(analysis, name, entry.key);
    if (stack.some((v) => isEntry(v, path, entry))) return undefined; // it wins (or is merged) here
    winner ??= stack.at(-1);
  }
  return winner;
}

/** The diagnostic as a warning when its value loses for every object that reads it; else unchanged. */
export function asOverridden(analysis: Analysis, d: CoreDiagnostic): CoreDiagnostic {
  if (d.severity !== 'error' || !VALUE_ERROR_CODES.has(String(d.code))) return d;
  const doc = analysis.fileByPath(d.path)?.doc;
  for (const section of doc?.sections ?? []) {
    const entry = section.entries.find((e) => e.valueRange.start.line === d.range.start.line);
    if (!entry) continue;
    const winner = winnerOver(analysis, d.path, section.name, entry);
    if (!winner) return d;
    return {
      ...d,
      severity: 'warning',
      message:
        `${d.message}. This value is overridden: '${entry.key}' comes from ${originText(winner.origin, winner.source, analysis.env.DBND_HOME)} ` +
        `for every object that reads [${section.name}], and dbnd parses only the value that wins, so nothing fails ` +
        `now; it would fail if that value went away.`,
    };
  }
  return d;
}
