// A whole section's entry diagnostics, remembered from one lint to the next by the section's node. The
// incremental reader (core/reader/incremental.ts) hands the next document the very node of every section whose
// block an edit did not touch, and a node's text never changes (only its line), so most sections of an edited
// project are answered here at once, without a key per entry (entryDiagnosticsMemo.ts answers the others).
//
// Why the key is complete: an entry's own checks read its entry facts (checkedEntries.ts EntryFacts): the entry's
// text (fixed by the node, with the section's name and the order of its entries), the section's class, the
// parameter (the class and the key), the file's path, the value configparser hands dbnd (interpolation reads
// other entries, so each entry's value is compared), and the environment (EntryDiagnosticsMemo.startLint
// forgets everything when it changes). The node, class, path and values are the key. Which entries a project
// check applies to (projectChecksApply) is decided by the same facts. The ranges are kept with the section's
// line when they were computed and moved with it.
import type { CfgSection } from '../reader';
import type { ConfigClassSchema } from '../schema/types';
import type { EntryDiagnostics } from './entryDiagnosticsMemo';
import { moveDiagnostics } from './movedDiagnostics';

/** The entry diagnostics of a section's entries, in order, and which of them the project checks apply to. */
export interface SectionAnswer {
  readonly own: readonly EntryDiagnostics[];
  /** Indices into the section's entries, ascending. */
  readonly projectChecked: readonly number[];
}

interface Remembered extends SectionAnswer {
  readonly path: string;
  readonly cls: ConfigClassSchema | undefined;
  readonly values: readonly (string | undefined)[];
  /** The 0-based line of the section's header when `own` was computed or last moved. */
  readonly line: number;
}

function moved(own: readonly EntryDiagnostics[], lines: number): EntryDiagnostics[] {
  return own.map((d) =>
    // Nothing to move (most entries: the shared NO_ENTRY_DIAGNOSTICS) stays the same object.
    d.value.length === 0 && d.pitfalls.length === 0
      ? d
      : { value: moveDiagnostics(d.value, lines), pitfalls: moveDiagnostics(d.pitfalls, lines) },
  );
}

function sameValues(section: CfgSection, values: readonly (string | undefined)[]): boolean {
  const entries = section.entries;
  if (entries.length !== values.length) return false;
  for (let i = 0; i < entries.length; i++) if (entries[i].interpolated !== values[i]) return false;
  return true;
}

export class SectionDiagnosticsMemo {
  private current = new Map<CfgSection, Remembered>();
  /** The previous lint's answers; what this lint does not use is dropped at its end. */
  private previous = new Map<CfgSection, Remembered>();

  private hits = 0;
  /** How many sections the last lint answered whole (for tests and profiling). */
  reusedInLastLint = 0;

  /** Forgets every answer (the environment changed). */
  forget(): void {
    this.previous.clear();
    this.current.clear();
  }

  endLint(): void {
    this.previous = this.current;
    this.current = new Map();
    this.reusedInLastLint = this.hits;
    this.hits = 0;
  }

  /** The answer for the section as it is now, when a previous lint computed it for the same key. */
  find(section: CfgSection, path: string, cls: ConfigClassSchema | undefined): SectionAnswer | undefined {
    const known = this.current.get(section) ?? this.previous.get(section);
    if (!known || known.path !== path || known.cls !== cls || !sameValues(section, known.values)) return undefined;
    const line = section.headerRange.start.line;
    const answer = known.line === line ? known : { ...known, line, own: moved(known.own, line - known.line) };
    this.current.set(section, answer);
    this.hits++;
    return answer;
  }

  /** Remembers the answer computed for the section as it is now. */
  remember(section: CfgSection, path: string, cls: ConfigClassSchema | undefined, answer: SectionAnswer): void {
    const values = section.entries.map((e) => e.interpolated);
    const line = section.headerRange.start.line;
    this.current.set(section, { ...answer, path, cls, values, line });
  }
}
