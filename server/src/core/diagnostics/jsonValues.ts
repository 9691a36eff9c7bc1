// Values that start like JSON (`{` or `[`). dbnd parses a Dict/List value with hjson (docs/dbnd-rules.md §1.3):
// when that fails, building the object fails. The checks here point at the place in the file (hjson's own
// message counts lines and columns from the start of the value) and name a Python literal when one is the cause.
// In a section whose class is not modelled (a plugin's, or one the user has yet to give a `_type`) the same
// mistake still deserves a warning: the first dbnd object that reads the key as a dict or list fails.
import type { CfgEntry } from '../reader';
import { knownUnmodelledSection } from '../schema';
import { valueOffsetToPosition } from '../reader/valuePositions';
import type { Range } from '../text/range';
import type { Environment } from '../environment';
import { type EntryFacts, jsonText, parsedJson } from './checkedEntries';
import { findPythonLiterals, literalRange } from './pythonLiteralsInJson';
import type { CoreDiagnostic, PythonLiteralFixData } from './types';

function isStructured(checked: EntryFacts): boolean {
  const type = checked.param?.type;
  return type === 'Dict' || type === 'List' || type === 'List[str]' || type === 'Dict[str,str]';
}

/**
 * hjson's "at line L,C" (counted from the start of the parsed text) as an offset into the entry's raw value, when
 * the value reached hjson exactly as written (no `%%`, `$VAR` or surrounding blanks changed it).
 */
function hjsonErrorOffset(entry: CfgEntry, parsedText: string, message: string): number | undefined {
  const m = / at line (\d+),(\d+)/.exec(message);
  const start = entry.rawValue.indexOf(parsedText);
  if (!m || start < 0) return undefined;
  const lines = parsedText.split('\n');
  const line = Number(m[1]) - 1;
  if (line >= lines.length) return undefined;
  let offset = start;
  for (let l = 0; l < line; l++) offset += lines[l].length + 1;
  // hjson counts the first line's columns from 0 and later lines' from 1 (it measures from the previous '\n').
  const column = line === 0 ? Number(m[2]) : Number(m[2]) - 1;
  return offset + Math.max(0, Math.min(column, lines[line].length));
}

function characterRange(entry: CfgEntry, offset: number | undefined): Range {
  if (offset === undefined) return entry.valueRange;
  const at = valueOffsetToPosition(entry, Math.min(offset, Math.max(0, entry.rawValue.length - 1)));
  return { start: at, end: { line: at.line, character: at.character + 1 } };
}

function hjsonMessage(message: string): string {
  return message.replace(/ >>>[\s\S]*$/, '').replace(/ at line \d+,\d+$/, '');
}

export function jsonValueDiagnostics(checked: EntryFacts, env: Environment): CoreDiagnostic[] {
  const { entry, path } = checked;
  // A str parameter takes `{...}` as plain text; only dict/list parameters, and keys of unmodelled classes, parse it.
  if (checked.param && !isStructured(checked)) return [];
  if (checked.cls && !checked.param) return []; // an unknown key of a known class: dbnd ignores its value
  // Logging formats (`[%(asctime)s] ...`) and output templates (`{root}{sep}...`) of known sections are plain text.
  if (!checked.cls && knownUnmodelledSection(checked.section.name.toLowerCase())) return [];
  const parsed = parsedJson(checked, env);
  if (!parsed) return [];
  const literals = checked.value === entry.rawValue ? findPythonLiterals(entry.rawValue) : [];
  const text = jsonText(checked.value as string, env);
  const owner = checked.cls
    ? `dbnd fails to build [${checked.section.name}] (DatabandBuildError)`
    : 'the first dbnd object that reads it as a dict or list fails to build';
  const severity = checked.param ? ('error' as const) : ('warning' as const);
  const out: CoreDiagnostic[] = [];
  if (!parsed.ok) {
    const errorAt = hjsonErrorOffset(entry, text, parsed.error.message);
    // A literal after the place hjson gave up did not cause the failure (e.g. inside swallowed sections).
    const causes = literals.filter((lit) => errorAt === undefined || lit.offset <= errorAt);
    if (causes.length > 0) {
      for (const lit of causes) {
        out.push({
          path,
          range: literalRange(entry, lit),
          severity,
          code: 'python-literal-in-json',
          message:
            `'${lit.literal}' is Python, but dbnd reads '${entry.key}' as JSON (hjson), which has no '${lit.literal}': ` +
            `the value does not parse and ${owner}. Write ${lit.json}. (hjson: ${hjsonMessage(parsed.error.message)})`,
          data: { literal: lit.literal, replaceWith: lit.json } satisfies PythonLiteralFixData,
        });
      }
      return out;
    }
    return [
      {
        path,
        range: characterRange(entry, errorAt),
        severity,
        code: 'invalid-json',
        message:
          `'${entry.key}' starts like JSON but hjson cannot parse it: ${hjsonMessage(parsed.error.message)}. ` +
          `dbnd parses dict and list values with hjson, so ${owner}.`,
      },
    ];
  }
  // Parsed: a Python literal at the end of a line became a quoteless *string*.
  for (const lit of literals) {
    out.push({
      path,
      range: literalRange(entry, lit),
      severity: 'warning',
      code: 'python-literal-in-json',
      message:
        `'${lit.literal}' is Python; hjson reads it here as the string "${lit.literal}", not as ${lit.json}. ` +
        `dbnd parses dict and list values as JSON: write ${lit.json}.`,
      data: { literal: lit.literal, replaceWith: lit.json } satisfies PythonLiteralFixData,
    });
  }
  return out;
}
