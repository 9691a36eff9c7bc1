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
//
// A file's first version is remembered here alone, not entry by entry too (EntryDiagnosticsMemo.diagnostics): a
// key, a map entry and an object per entry were a third of the first lint of a 100k-line file, for answers
// that only a later version's edited sections ask for. Such a section keeps its text instead (`text`), and its
// entries' answers are made from it when a section of the same name, class and file misses (`takeUnkeyed`).
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

export interface RememberedSection extends SectionAnswer {
  readonly path: string;
  readonly cls: ConfigClassSchema | undefined;
  readonly values: readonly (string | undefined)[];
  /** The 0-based line of the section's header when `own` was computed or last moved. */
  readonly line: number;
  /** The section's text from its header's line to its last entry's end, when its entries' answers were not
   *  remembered one by one (a file's first version); undefined when they were. */
  readonly text?: string;
}

/** A section remembered with its text (not entry by entry), and its node, whose entries the answers are of. */
export interface UnkeyedSection {
  readonly section: CfgSection;
  readonly answer: RememberedSection;
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
  private current = new Map<CfgSection, RememberedSection>();
  /** The previous lint's answers; what this lint does not use is dropped at its end. */
  private previous = new Map<CfgSection, RememberedSection>();

  /** The nodes of the sections remembered with their text, by file and name, from the lint that remembered them
   *  until taken (or found gone) or forgotten: an edit's lint looks up the one name it misses, not every section. */
  private readonly withText = new Map<string, Map<string, CfgSection[]>>();

  private hits = 0;
  /** How many sections the last lint answered whole (for tests and profiling). */
  reusedInLastLint = 0;

  /** Forgets every answer (the environment changed). */
  forget(): void {
    this.previous.clear();
    this.current.clear();
    this.withText.clear();
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

  /** Remembers the answer computed for the section as it is now; with `text` when its entries' answers were
   *  not remembered one by one. */
  remember(
    section: CfgSection,
    path: string,
    cls: ConfigClassSchema | undefined,
    answer: SectionAnswer,
    text?: string,
  ): void {
    const values = section.entries.map((e) => e.interpolated);
    const line = section.headerRange.start.line;
    this.current.set(section, { ...answer, path, cls, values, line, text });
    if (text === undefined) return;
    let byName = this.withText.get(path);
    if (!byName) this.withText.set(path, (byName = new Map()));
    const nodes = byName.get(section.name);
    if (nodes) nodes.push(section);
    else byName.set(section.name, [section]);
  }

  /** The previous lint's sections of `path` named `name` and of class `cls` remembered with their text, each
   *  handed out once. */
  takeUnkeyed(path: string, name: string, cls: ConfigClassSchema | undefined): readonly UnkeyedSection[] {
    const byName = this.withText.get(path);
    const nodes = byName?.get(name);
    if (!byName || !nodes) return [];
    const taken: UnkeyedSection[] = [];
    const left: CfgSection[] = [];
    for (const section of nodes) {
      const answer = this.previous.get(section);
      if (answer?.text !== undefined && answer.cls === cls) taken.push({ section, answer });
      // Another class's, or answered again in this lint: kept for a later miss. Neither: gone, forgotten here.
      else if (answer?.text !== undefined || this.current.has(section)) left.push(section);
    }
    if (left.length > 0) byName.set(name, left);
    else byName.delete(name);
    return taken;
  }
}
