// The diagnostics of one entry that depend on nothing outside it, remembered from one lint to the next. An edit
// changes one entry; the language server lints the whole project again, and every other entry's value and
// pitfall checks (most of a lint's time: parsing values and JSON) are answered from here.
//
// What such a check reads, and so what the key holds: the entry's own text from the start of its first line
// (key, columns, every value line; the ranges it reports follow from it), the value configparser hands dbnd
// (after `%` interpolation, which reads other entries), the section's name and class, the file's path, and the
// environment (compared by content: a new snapshot builds a new but equal object). The reported ranges are
// kept with the line they were computed at and moved when the entry moves (lines added above it).
import type { CfgDocument, CfgSection } from '../reader';
import { splitLines } from '../reader/lineSplitter';
import { ownCopy } from '../reader/ownCopy';
import type { ConfigClassSchema } from '../schema/types';
import type { Position } from '../text/range';
import type { Environment } from '../environment';
import type { CheckedEntry } from './checkedEntries';
import { type SectionAnswer, SectionDiagnosticsMemo, type UnkeyedSection } from './sectionDiagnosticsMemo';
import { moveDiagnostics } from './movedDiagnostics';
import type { CoreDiagnostic } from './types';

export interface EntryDiagnostics {
  /** Unknown, obsolete, unused and deprecated keys; values that do not parse (valueDiagnostics). */
  readonly value: readonly CoreDiagnostic[];
  /** The entry's own pitfalls (pitfallDiagnostics' entry checks). */
  readonly pitfalls: readonly CoreDiagnostic[];
}

/** Most entries have nothing to report: they all share this answer (a 100k-line project has ~50k entries). */
export const NO_ENTRY_DIAGNOSTICS: EntryDiagnostics = Object.freeze({ value: [], pitfalls: [] });

interface Remembered {
  /** With the section and the entry's text (the map keys), what else the checks read. */
  readonly path: string;
  readonly value: string | undefined;
  /** The 0-based line of the entry's key when `diagnostics` were computed or last moved. */
  readonly line: number;
  readonly diagnostics: EntryDiagnostics;
}

type Answers = Map<ConfigClassSchema | undefined, Map<string, Map<string, Remembered>>>;

/** The map of `answers` for the class and section, made when `create` says so. */
function sectionAnswers(
  answers: Answers,
  cls: ConfigClassSchema | undefined,
  section: string,
  create: true,
): Map<string, Remembered>;
function sectionAnswers(
  answers: Answers,
  cls: ConfigClassSchema | undefined,
  section: string,
  create: false,
): Map<string, Remembered> | undefined;
function sectionAnswers(answers: Answers, cls: ConfigClassSchema | undefined, section: string, create: boolean) {
  let bySection = answers.get(cls);
  if (!bySection) {
    if (!create) return undefined;
    answers.set(cls, (bySection = new Map()));
  }
  let byText = bySection.get(section);
  if (!byText && create) bySection.set(section, (byText = new Map()));
  return byText;
}

function sameEnvironment(a: Environment, b: Environment): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

/** The document's text from the start of line `firstLine` to `end`. */
function linesText(doc: CfgDocument, firstLine: number, end: Position): string {
  return doc.text.slice(doc.lineStarts[firstLine], doc.lineStarts[end.line] + end.character);
}

/** Sources already cut, per entry node: the incremental reader (core/reader/incremental.ts) hands the same node
 *  to the next lint when its block did not change, and a node's text never changes (only its line), so its
 *  source is cut once and the maps below find it by a string whose hash is already computed. */
const sources = new WeakMap<CheckedEntry['entry'], string>();

/**
 * The entry's text from the start of its first line to the end of its value (its indentation included), in memory
 * of its own: a slice is a view that keeps the whole text it was cut from alive as long as it lives (the node, and
 * the maps below, keep it across edits), so each edit pins no text. Only a later version's entries are cut here:
 * a file's first version is remembered section by section (rememberSection), one slice per section of a text its
 * nodes pin anyway, and its entries are cut from that slice only when a later version asks (unkeyedAnswers).
 */
function entrySource(doc: CfgDocument, entry: CheckedEntry['entry']): string {
  let source = sources.get(entry);
  if (source === undefined) {
    const { start, end } = entry.range;
    source = ownCopy(linesText(doc, start.line, end));
    sources.set(entry, source);
  }
  return source;
}

/** The entry answers of a section remembered whole, keyed by each entry's text as `entrySource` cuts it. */
function unkeyedAnswers({ section, answer }: UnkeyedSection): [string, Remembered][] {
  const text = answer.text as string;
  const starts = splitLines(text).starts;
  // The entries' lines counted from the header's: the same in whichever document the node now sits.
  const header = section.headerRange.start.line;
  return section.entries.map((entry, i) => {
    const { start, end } = entry.range;
    const source = text.slice(starts[start.line - header], starts[end.line - header] + end.character);
    const line = answer.line + start.line - header;
    return [source, { path: answer.path, value: answer.values[i], line, diagnostics: answer.own[i] }];
  });
}

export class EntryDiagnosticsMemo {
  private env: Environment | undefined;
  /** Per class (undefined: a section of unknown class), section name and entry text: this lint's answers. */
  private current: Answers = new Map();
  /** The previous lint's answers: what this lint may reuse; dropped at the end of the lint (no unbounded growth). */
  private previous: Answers = new Map();

  /** The paths of the files earlier lints checked: a later version of one has its entries' sources copied. */
  private readonly linted = new Set<string>();
  /** This lint's paths (added to `linted` when it ends). */
  private readonly linting = new Set<string>();
  /** The last document asked about and whether it is a later version of a file (asked once per document, not
   *  per entry). */
  private lastDoc: CfgDocument | undefined;
  private lastDocIsLater = false;
  /** The last section whose entries were asked about: the previous lint's answers for its name were looked up. */
  private lastSection: CfgSection | undefined;

  /** Whole sections' answers, by section node (sectionDiagnosticsMemo.ts); under the same environment. */
  readonly sections = new SectionDiagnosticsMemo();

  /** Starts a lint with `env`; answers remembered under another environment are dropped. */
  startLint(env: Environment): void {
    if (this.env && !sameEnvironment(this.env, env)) {
      this.previous.clear();
      this.sections.forget();
    }
    this.env = env;
  }

  /** Ends a lint: what it did not use is forgotten. */
  endLint(): void {
    for (const path of this.linting) this.linted.add(path);
    this.linting.clear();
    this.lastDoc = undefined;
    this.lastSection = undefined;
    this.previous = this.current;
    this.current = new Map();
    this.sections.endLint();
  }

  /** Keeps the previous lint's entry answers of a section answered whole (this.sections) for the next lint, as
   *  if each entry had been asked: an edit of that section next time then recomputes only its edited entries. */
  carry(cls: ConfigClassSchema | undefined, section: string): void {
    const previous = sectionAnswers(this.previous, cls, section, false);
    if (!previous) return;
    let bySection = this.current.get(cls);
    if (!bySection) this.current.set(cls, (bySection = new Map()));
    const current = bySection.get(section);
    // Shared as it is (no copy per entry): what this lint adds to it are valid answers for the previous one too.
    if (!current) return void bySection.set(section, previous);
    if (current === previous) return;
    for (const [source, remembered] of previous) if (!current.has(source)) current.set(source, remembered);
  }

  /** Whether `doc` is a later version of a file an earlier lint checked (its entries are keyed one by one). */
  private isLaterVersion(doc: CfgDocument, path: string): boolean {
    if (doc !== this.lastDoc) {
      this.lastDoc = doc;
      this.lastDocIsLater = this.linted.has(path);
      this.linting.add(path);
    }
    return this.lastDocIsLater;
  }

  /** Remembers a section's answer computed in this lint: with its text when its entries were not keyed. */
  rememberSection(
    doc: CfgDocument,
    section: CfgSection,
    path: string,
    cls: ConfigClassSchema | undefined,
    answer: SectionAnswer,
  ): void {
    let text: string | undefined;
    if (!this.isLaterVersion(doc, path) && section.entries.length > 0) {
      const { end } = section.range;
      text = linesText(doc, section.headerRange.start.line, end);
    }
    this.sections.remember(section, path, cls, answer, text);
  }

  /** The entry answers of the previous lint's sections of `path` named `name` that were remembered whole (with
   *  their text), added to the previous lint's answers as if each entry had been keyed. */
  private addUnkeyed(path: string, name: string, cls: ConfigClassSchema | undefined): void {
    for (const unkeyed of this.sections.takeUnkeyed(path, name, cls)) {
      const answers = sectionAnswers(this.previous, cls, name, true);
      for (const [source, remembered] of unkeyedAnswers(unkeyed))
        if (!answers.has(source)) answers.set(source, remembered);
    }
  }

  /** The entry's diagnostics: remembered when an identical entry was checked, else `compute()`d. */
  diagnostics(checked: CheckedEntry, compute: () => EntryDiagnostics): EntryDiagnostics {
    // The section and the entry's text key the maps (no concatenated key to build and hash); the rest is compared.
    const { path, value, cls, doc } = checked;
    // A file's first version: no earlier lint has answers for this file, and its section answers are remembered
    // whole (rememberSection), so nothing is looked up or keyed here.
    if (!this.isLaterVersion(doc, path)) return compute();
    if (checked.section !== this.lastSection) {
      this.lastSection = checked.section;
      this.addUnkeyed(path, checked.section.name, cls);
    }
    const source = entrySource(doc, checked.entry);
    const section = checked.section.name;
    const line = checked.entry.range.start.line;
    const current = sectionAnswers(this.current, cls, section, true);
    const candidate = current.get(source) ?? sectionAnswers(this.previous, cls, section, false)?.get(source);
    const known = candidate && candidate.path === path && candidate.value === value ? candidate : undefined;
    let remembered: Remembered;
    if (!known) remembered = { path, value, line, diagnostics: compute() };
    else if (known.line === line) remembered = known;
    else if (known.diagnostics === NO_ENTRY_DIAGNOSTICS)
      remembered = { path, value, line, diagnostics: known.diagnostics };
    else {
      const lines = line - known.line;
      const { value: valueDiagnostics, pitfalls } = known.diagnostics;
      remembered = {
        path,
        value,
        line,
        diagnostics: { value: moveDiagnostics(valueDiagnostics, lines), pitfalls: moveDiagnostics(pitfalls, lines) },
      };
    }
    current.set(source, remembered);
    return remembered.diagnostics;
  }
}
