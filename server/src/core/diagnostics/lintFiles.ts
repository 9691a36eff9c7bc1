// Everything the core can say about a set of dbnd config files read together (in the order given, on top of
// dbnd's package defaults, as dbnd layers them): syntax errors, unknown `_type`s and `_from` cycles, unknown or
// obsolete keys, values that do not parse, and required keys missing from engine and environment sections.
import type { ConfigLayer } from '../config/configLayers';
import { type ConfigFile, PACKAGE_DEFAULT_FILES, loadConfig } from '../config/loadConfig';
import { type CfgDocument, type CfgEntry, type CfgSection, parseCfg, tolerantDocument } from '../reader';
import { MAX_CLASS_CHAIN_DEPTH, resolveConfigClass } from '../resolve/classResolution';
import type { ConfigClassSchema } from '../schema/types';
import { type EnabledObjects, enabledObjects } from './enabledObjects';
import { EnabledObjectsMemo } from './enabledObjectsMemo';
import type { CheckedEntry } from './checkedEntries';
import { type EntryDiagnostics, type EntryDiagnosticsMemo, NO_ENTRY_DIAGNOSTICS } from './entryDiagnosticsMemo';
import {
  entryPitfallDiagnostics,
  projectChecksApply,
  projectPitfallDiagnostics,
  withoutSuperseded,
} from './pitfallDiagnostics';
import type { SectionAnswer } from './sectionDiagnosticsMemo';
import { type SectionClassFacts, SectionClassFactsMemo, sectionClassFacts } from './sectionClassFacts';
import { paramOf } from '../schema';
import { syntaxDiagnostics } from './syntaxDiagnostics';
import type { CoreDiagnostic } from './types';
import { unresolvedClassDiagnostic } from './unresolvedClasses';
import { entryValueDiagnostics } from './valueDiagnostics';
import type { Environment } from '../environment';

export interface LintInput {
  readonly path: string;
  readonly text: string;
  /** The parsed `text`, when the caller already has it (the language server keeps one per file). */
  readonly doc?: CfgDocument;
}

export interface LintOptions {
  /** The environment `$VAR`s and `DBND__S__K` variables come from; empty when not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The environment a run selects (`dbnd run --env`, the editor's default); `[databand] env` when not given. */
  readonly environmentName?: string;
  /** Entry diagnostics remembered from the previous lint of these files (the language server keeps one). */
  readonly memo?: EntryDiagnosticsMemo;
}

interface ParsedInput extends LintInput {
  readonly doc: CfgDocument;
}

function pragmaEntry(section: CfgSection) {
  return section.entries.find((e) => e.key === '_type') ?? section.entries.find((e) => e.key === '_from');
}

/** Class resolution of every section that names a class; errors at its `_type`/`_from` line. */
function classDiagnostics(
  input: ParsedInput,
  layer: ConfigLayer,
  env: Environment,
  facts: readonly SectionClassFacts[],
  classes: Map<string, ConfigClassSchema | undefined>,
  enabled: EnabledObjects,
): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  input.doc.sections.forEach((section, i) => {
    const fact = facts[i];
    if (fact.cls) classes.set(section.name.toLowerCase(), fact.cls);
    if (!fact.unresolved) return;
    const pragma = pragmaEntry(section);
    if (!pragma) return;
    // Why it does not resolve, asked of the lint's layer (only for the few sections that fail).
    const resolved = resolveConfigClass(section.name, layer, env);
    if (resolved.ok) return;
    if (resolved.error.type === 'RecursionError') {
      // dbnd's words first; which sections recurse is ours (Python's message names none).
      const { cycle } = resolved.error;
      const why = cycle
        ? `the _type/_from references form a cycle: ${cycle.join(' -> ')}`
        : `the _type/_from chain from [${section.name}] is longer than Python's recursion limit (${MAX_CLASS_CHAIN_DEPTH})`;
      out.push({
        path: input.path,
        range: pragma.valueRange,
        severity: 'error',
        code: cycle ? 'from-cycle' : 'from-chain-too-deep',
        message: `dbnd fails building [${section.name}] with RecursionError: ${resolved.error.message} (${why}).`,
      });
      return;
    }
    out.push(unresolvedClassDiagnostic(input.path, section, pragma, resolved.error, layer, enabled));
  });
  return out;
}

/**
 * Required keys (no code default, not derived) that no layer sets for an engine or environment section: dbnd
 * raises MissingParameterError when it builds the object. Checked directly, so a bad value elsewhere in the
 * section (which stops dbnd's build first) does not hide it.
 */
function missingKeyDiagnostics(input: ParsedInput, facts: readonly SectionClassFacts[]): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  input.doc.sections.forEach((section, i) => {
    const { cls, missing } = facts[i];
    for (const param of missing) {
      out.push({
        path: input.path,
        range: section.headerRange,
        severity: 'error',
        code: 'missing-required-key',
        message: `[${section.name}] needs '${param.name}': ${cls!.className} has no default for it and no config file sets it (dbnd: MissingParameterError).`,
        data: { addKey: param.name },
      });
    }
  });
  return out;
}

function computeEntryDiagnostics(checked: CheckedEntry, env: Environment): EntryDiagnostics {
  const value = entryValueDiagnostics(checked, env);
  const pitfalls = entryPitfallDiagnostics(checked, env);
  return value.length === 0 && pitfalls.length === 0 ? NO_ENTRY_DIAGNOSTICS : { value, pitfalls };
}

function entryDiagnostics(checked: CheckedEntry, env: Environment, memo: EntryDiagnosticsMemo | undefined) {
  // Without a memo (a lint process) no closure per entry.
  return memo
    ? memo.diagnostics(checked, () => computeEntryDiagnostics(checked, env))
    : computeEntryDiagnostics(checked, env);
}

/** A section's entry diagnostics and the entries the project checks run on (with what those read). */
interface SectionResult extends SectionAnswer {
  readonly projectEntries: readonly CheckedEntry[];
}

/** The entry diagnostics of each named section of `doc`, whole sections answered by the memo when it can. */
function sectionResults(
  doc: CfgDocument,
  path: string,
  classOf: (sectionName: string) => ConfigClassSchema | undefined,
  env: Environment,
  memo: EntryDiagnosticsMemo | undefined,
): SectionResult[] {
  const out: SectionResult[] = [];
  const checkedOf = (section: CfgSection, cls: ConfigClassSchema | undefined, entry: CfgEntry): CheckedEntry => ({
    path,
    doc,
    section,
    entry,
    cls,
    param: cls && paramOf(cls, entry.key),
    value: entry.interpolated,
  });
  for (const section of doc.sections) {
    if (section.isDefault) continue;
    const cls = classOf(section.name);
    const known = memo?.sections.find(section, path, cls);
    if (known) {
      memo?.carry(cls, section.name);
      const projectEntries = known.projectChecked.map((i) => checkedOf(section, cls, section.entries[i]));
      out.push({ ...known, projectEntries });
      continue;
    }
    const entries = section.entries.map((entry) => checkedOf(section, cls, entry));
    const own = entries.map((checked) => entryDiagnostics(checked, env, memo));
    const projectChecked: number[] = [];
    entries.forEach((checked, i) => projectChecksApply(checked) && projectChecked.push(i));
    memo?.rememberSection(doc, section, path, cls, { own, projectChecked });
    out.push({ own, projectChecked, projectEntries: projectChecked.map((i) => entries[i]) });
  }
  return out;
}

/** The enabled objects remembered per lint memo (one per language server project), beside its entry answers. */
const enabledMemos = new WeakMap<EntryDiagnosticsMemo, EnabledObjectsMemo>();
/** The sections' class facts remembered per lint memo, likewise. */
const classFactsMemos = new WeakMap<EntryDiagnosticsMemo, SectionClassFactsMemo>();

function classFactsMemoOf(memo: EntryDiagnosticsMemo | undefined): SectionClassFactsMemo | undefined {
  if (!memo) return undefined;
  let facts = classFactsMemos.get(memo);
  if (!facts) classFactsMemos.set(memo, (facts = new SectionClassFactsMemo()));
  return facts;
}

/** How many files the last lint with `memo` answered the class facts of from the previous one (for tests). */
export function classFactsReused(memo: EntryDiagnosticsMemo): number {
  return classFactsMemos.get(memo)?.reusedFiles ?? 0;
}

function enabledObjectsOf(
  layer: ConfigLayer,
  env: Environment,
  environmentName: string | undefined,
  memo: EntryDiagnosticsMemo | undefined,
): EnabledObjects {
  if (!memo) return enabledObjects(layer, env, environmentName);
  let enabled = enabledMemos.get(memo);
  if (!enabled) enabledMemos.set(memo, (enabled = new EnabledObjectsMemo()));
  return enabled.enabledObjects(layer, env, environmentName);
}

/** How the last lint with `memo` found its enabled objects (for tests: whether the memo answered). */
export function enabledObjectsReused(memo: EntryDiagnosticsMemo): boolean {
  return enabledMemos.get(memo)?.reusedLast ?? false;
}

function pushAll(out: CoreDiagnostic[], found: readonly CoreDiagnostic[]): void {
  for (let i = 0; i < found.length; i++) out.push(found[i]);
}

export function lintFiles(inputs: readonly LintInput[], options: LintOptions = {}): CoreDiagnostic[] {
  const env: Environment = options.env ?? {};
  const parsed: ParsedInput[] = inputs.map((i) => ({ ...i, doc: i.doc ?? parseCfg(i.text) }));
  // A file dbnd cannot load gets its load error (the syntax diagnostics, on the document as it is) and the
  // findings of its other lines, checked on its tolerant reading (the rejected lines set aside): those are what
  // dbnd raises once the line is finished, and they must not vanish while it is typed.
  const diagnostics: CoreDiagnostic[] = parsed.flatMap((p) => syntaxDiagnostics(p.doc, p.path));
  const tolerant = parsed.map((p) => ({ ...p, doc: tolerantDocument(p.doc).doc }));
  const files: ConfigFile[] = [...PACKAGE_DEFAULT_FILES, ...tolerant];
  const loaded = loadConfig(files, env, {});
  if (!loaded.ok) return diagnostics;
  const classes = new Map<string, ConfigClassSchema | undefined>();
  const enabled = enabledObjectsOf(loaded.value, env, options.environmentName, options.memo);
  const ctx = { layer: loaded.value, env, enabled };
  options.memo?.startLint(env);
  const factsMemo = classFactsMemoOf(options.memo);
  factsMemo?.keepOnly(new Set(tolerant.map((t) => t.path)));
  for (const input of tolerant) {
    const classOf = (name: string) => classes.get(name.toLowerCase());
    const facts = factsMemo
      ? factsMemo.facts(input.path, input.doc, loaded.value, env)
      : sectionClassFacts(input.doc, loaded.value, env);
    diagnostics.push(...classDiagnostics(input, loaded.value, env, facts, classes, enabled));
    const sections = sectionResults(input.doc, input.path, classOf, env, options.memo);
    // Indexed loops over every entry's answers (a cold process runs them before V8 optimises them, when
    // `for...of` and spreading allocate per entry); the order of the findings is the plain loops'.
    for (let s = 0; s < sections.length; s++) {
      const own = sections[s].own;
      for (let i = 0; i < own.length; i++) pushAll(diagnostics, own[i].value);
    }
    diagnostics.push(...missingKeyDiagnostics(input, facts));
    for (let s = 0; s < sections.length; s++) {
      const { own, projectChecked, projectEntries } = sections[s];
      let next = 0;
      for (let i = 0; i < own.length; i++) {
        pushAll(diagnostics, own[i].pitfalls);
        if (projectChecked[next] === i) pushAll(diagnostics, projectPitfallDiagnostics(projectEntries[next++], ctx));
      }
    }
  }
  options.memo?.endLint();
  return withoutSuperseded(diagnostics);
}
