// The diagnostics of one entry that depend on nothing outside it, remembered from one lint to the next. An edit
// changes one entry; the language server lints the whole project again, and every other entry's value and
// pitfall checks (most of a lint's time: parsing values and JSON) are answered from here.
//
// What such a check reads, and so what the key holds: the entry's own text from the start of its first line
// (key, columns, every value line; the ranges it reports follow from it), the value configparser hands dbnd
// (after `%` interpolation, which reads other entries), the section's name and class, the file's path, and the
// environment (compared by content: a new snapshot builds a new but equal object). The reported ranges are
// kept with the line they were computed at and moved when the entry moves (lines added above it).
import type { CfgDocument } from '../reader';
import type { ConfigClassSchema } from '../schema/types';
import type { Range } from '../text/range';
import type { Environment } from '../environment';
import type { CheckedEntry } from './checkedEntries';
import type { CoreDiagnostic } from './types';

export interface EntryDiagnostics {
  /** Unknown, obsolete, unused and deprecated keys; values that do not parse (valueDiagnostics). */
  readonly value: readonly CoreDiagnostic[];
  /** The entry's own pitfalls (pitfallDiagnostics' entry checks). */
  readonly pitfalls: readonly CoreDiagnostic[];
}

interface Remembered {
  /** The 0-based line of the entry's key when `diagnostics` were computed or last moved. */
  readonly line: number;
  readonly diagnostics: EntryDiagnostics;
}

function sameEnvironment(a: Environment, b: Environment): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

/** The entry's text from the start of its first line to the end of its value (its indentation included). */
function entrySource(doc: CfgDocument, checked: CheckedEntry): string {
  const { start, end } = checked.entry.range;
  return doc.text.slice(doc.lineStarts[start.line], doc.lineStarts[end.line] + end.character);
}

function moveRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

function moveAll(diagnostics: readonly CoreDiagnostic[], lines: number): CoreDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, range: moveRange(d.range, lines) }));
}

export class EntryDiagnosticsMemo {
  private env: Environment | undefined;
  /** Per class (undefined: a section of unknown class), per key: this lint's answers. */
  private current = new Map<ConfigClassSchema | undefined, Map<string, Remembered>>();
  /** The previous lint's answers: what this lint may reuse; dropped at the end of the lint (no unbounded growth). */
  private previous = new Map<ConfigClassSchema | undefined, Map<string, Remembered>>();

  /** Starts a lint with `env`; answers remembered under another environment are dropped. */
  startLint(env: Environment): void {
    if (this.env && !sameEnvironment(this.env, env)) this.previous.clear();
    this.env = env;
  }

  /** Ends a lint: what it did not use is forgotten. */
  endLint(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The entry's diagnostics: remembered when an identical entry was checked, else `compute()`d. */
  diagnostics(checked: CheckedEntry, compute: () => EntryDiagnostics): EntryDiagnostics {
    const key = `${checked.path}\0${checked.section.name}\0${checked.value ?? '\u0001'}\0${entrySource(checked.doc, checked)}`;
    const line = checked.entry.range.start.line;
    let current = this.current.get(checked.cls);
    if (!current) this.current.set(checked.cls, (current = new Map()));
    const known = current.get(key) ?? this.previous.get(checked.cls)?.get(key);
    let remembered: Remembered;
    if (!known) remembered = { line, diagnostics: compute() };
    else if (known.line === line) remembered = known;
    else {
      const lines = line - known.line;
      remembered = {
        line,
        diagnostics: {
          value: moveAll(known.diagnostics.value, lines),
          pitfalls: moveAll(known.diagnostics.pitfalls, lines),
        },
      };
    }
    current.set(key, remembered);
    return remembered.diagnostics;
  }
}
