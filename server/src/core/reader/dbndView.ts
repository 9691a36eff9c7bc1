// What dbnd's `read_from_config_stream` keeps from one file: a stock ConfigParser reads it, every
// (section, option) is fetched with `parser.get()`, and the values go into a `_ConfigStore`, which lower-cases
// section names (so `[Kube]` and `[kube]` merge, the later key winning at the earlier position). Or, when
// configparser raises, that one error, with Python's type, line and message.
import type { CfgDocument, CfgError, CfgSection, PythonErrorType, PythonSection } from './model';
import { parsingErrorMessage, pythonErrorMessage } from './pythonErrorMessages';
import { pyLower, pyRepr } from '../python';
import { ParserOption } from './parserOption';

/** One value of the view: the parser's option (parserOption.ts), whose value `parser.get()` returned (interpolated,
 *  continuation lines joined); a file config store shares it as its ConfigValue. */
export type DbndValue = ParserOption & { readonly value: string };

export interface DbndSectionView {
  /** Lower-cased, as dbnd's store keys it. */
  readonly name: string;
  /** Keys in dbnd's order (a dict updated section after section). */
  readonly values: ReadonlyMap<string, DbndValue>;
  /** The headers that fed this section, in file order (several when names differ only by case). */
  readonly headers: readonly CfgSection[];
}

export interface DbndReadError {
  readonly type: PythonErrorType;
  /** 1-based, or null for interpolation errors (Python does not know the line). */
  readonly line: number | null;
  readonly message: string;
  readonly section?: string;
  readonly option?: string;
  /** ParsingError only: every bogus line, `text` being Python's repr of the raw line with its `\n`. */
  readonly errors?: readonly { readonly line: number; readonly text: string }[];
  /** The document errors behind this one (one, or every bogus line of a ParsingError). */
  readonly causes: readonly CfgError[];
}

export type DbndFileView =
  | { readonly kind: 'sections'; readonly source: string; readonly sections: ReadonlyMap<string, DbndSectionView> }
  | { readonly kind: 'error'; readonly source: string; readonly error: DbndReadError };

/** The error dbnd reports for a document whose `raisedError` is set. */
export function dbndReadError(doc: CfgDocument, source: string): DbndReadError | null {
  const raised = doc.raisedError;
  if (!raised) return null;
  if (raised.pythonType === 'ParsingError') {
    const causes = doc.errors.filter((e) => e.pythonType === 'ParsingError');
    const errors = causes.map((e) => ({ line: e.line as number, text: pyRepr('rawLine' in e ? e.rawLine : '') }));
    return { type: 'ParsingError', line: errors[0].line, message: parsingErrorMessage(source, errors), errors, causes };
  }
  const base = {
    type: raised.pythonType,
    line: raised.line,
    message: pythonErrorMessage(raised, source),
    causes: [raised],
  };
  switch (raised.code) {
    case 'duplicate-section':
      return { ...base, section: raised.section };
    case 'duplicate-key':
    case 'interpolation-syntax':
    case 'interpolation-missing-option':
    case 'interpolation-depth':
      return { ...base, section: raised.section, option: raised.option };
    default:
      return base;
  }
}

/** Views already made, per document and source: a lint, the project's verdict and the editor's model each
 *  layer the same documents, and a document does not change (an edit makes a new one). */
const views = new WeakMap<CfgDocument, Map<string, DbndFileView>>();

/** dbnd's view of one file read alone; `source` is the path dbnd names in its messages. Made once per document
 *  and source; treat it as read-only. */
export function toDbndView(doc: CfgDocument, source: string): DbndFileView {
  let bySource = views.get(doc);
  if (!bySource) views.set(doc, (bySource = new Map()));
  let view = bySource.get(source);
  if (!view) bySource.set(source, (view = makeDbndView(doc, source)));
  return view;
}

type SectionTarget = { name: string; values: Map<string, DbndValue>; headers: CfgSection[] };

/** A view section made of one parser section alone, per parser section: the assembly of an edit reuses the
 *  sections it did not touch (assemble.ts), with the same options, so their view is the same map, which the
 *  file's config store then recognises as its own (fileValues.ts) instead of comparing it value by value. */
const sectionViews = new WeakMap<PythonSection, DbndSectionView>();

function makeDbndView(doc: CfgDocument, source: string): DbndFileView {
  const error = dbndReadError(doc, source);
  if (error) return { kind: 'error', source, error };
  const sections = new Map<string, DbndSectionView>();
  // The sections this view made itself, with the parser section each one was made of while it was one only.
  const made = new Map<string, PythonSection | null>();
  for (const ps of doc.parser.sections) {
    // dbnd's store gets a section only when a value is set in it, so an empty section is not there.
    if (ps.options.length === 0) continue;
    const name = pyLower(ps.name);
    const had = sections.get(name);
    if (!had) {
      const reused = sectionViews.get(ps);
      if (reused) sections.set(name, reused);
      else {
        sections.set(name, sectionView(ps, { name, values: new Map(), headers: [] }));
        made.set(name, ps);
      }
      continue;
    }
    // Names that differ only by case merge into one section, never into a reused one (it is shared).
    const target = made.has(name) ? (had as SectionTarget) : copied(had);
    sections.set(name, sectionView(ps, target));
    made.set(name, null);
  }
  for (const [name, ps] of made) if (ps) sectionViews.set(ps, sections.get(name) as DbndSectionView);
  return { kind: 'sections', source, sections };
}

function copied(section: DbndSectionView): SectionTarget {
  return { name: section.name, values: new Map(section.values), headers: [...section.headers] };
}

function sectionView(ps: PythonSection, target: SectionTarget): SectionTarget {
  target.headers.push(...ps.nodes);
  const options = ps.options as readonly ParserOption[];
  for (let k = 0; k < options.length; k++) {
    const option = options[k];
    // Without a raised error every `get()` succeeded, so `value` is set: the option is the value (it carries
    // the entry's section node too), shared instead of copied.
    const value = (option.value !== null ? option : new ParserOption(option.entry, option.section, '')) as DbndValue;
    target.values.set(option.key, value);
  }
  return target;
}

/** Sets a key on a plain object even when it is `__proto__`, so JSON shapes match Python's dicts. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The conformance format's `files` entry (docs/conformance.md §5.1): `{sections: {s: {k: v}}}` or `{error: {...}}`. */
export function dbndViewToJson(view: DbndFileView): Record<string, unknown> {
  if (view.kind === 'error') {
    const error = view.error;
    const json: Record<string, unknown> = { type: error.type, line: error.line, message: error.message };
    if (error.section !== undefined) json.section = error.section;
    if (error.option !== undefined) json.option = error.option;
    if (error.errors !== undefined) json.errors = error.errors.map((e) => ({ line: e.line, text: e.text }));
    return { error: json };
  }
  const sections: Record<string, unknown> = {};
  for (const [name, s] of view.sections) {
    const values: Record<string, unknown> = {};
    for (const [key, v] of s.values) setOwn(values, key, v.value);
    setOwn(sections, name, values);
  }
  return { sections };
}
