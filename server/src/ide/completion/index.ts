// Feature: completion of section headers, keys and values.
//
//   [kub$0          → kubernetes, sections defined in other files, names used by `_from`/`remote_engine`/...
//   [my_k8s]        (my_k8s has `_from = base` in another file and base has `_type = kubernetes`)
//   na$0            → the keys of KubernetesEngineConfig not yet in [my_k8s]: `namespace = $0`, ...
//   image_pull_policy = $0 → Always, IfNotPresent, Never
//
// Keys come from the class the section builds, resolved through `_type`/`_from` across the project's files.
import { ALL_CONFIG_CLASSES, KNOWN_UNMODELLED_SECTIONS, SPECIAL_KEYS, obsoleteKey } from '../../core/schema';
import type { CfgDocument } from '../../core/reader';
import type { Position } from '../../core/text/range';
import type { Analysis } from '../analysis';
import { type CompletionEntry, snippetText } from './completionItem';
import { valueCompletions } from './completionValues';
import { type CursorContext, cursorContext, lineText } from './cursorContext';
import { keyDetail, keyDocumentation } from '../keyDocs';
import { definedSectionNames, sectionClass, sectionDefinitions } from '../projectQueries';
import { sectionIndex } from '../sectionReferences';
import { keyWithValueSnippet } from './valueSkeletons';

/** Characters that open a completion list without an explicit request. */
export const COMPLETION_TRIGGER_CHARACTERS = ['[', '"', '='] as const;

export function completions(analysis: Analysis, uri: string, pos: Position): CompletionEntry[] {
  const file = analysis.fileByUri(uri);
  if (!file) return [];
  const ctx = cursorContext(file.doc, pos);
  switch (ctx.kind) {
    case 'header':
      return headerCompletions(analysis, file.doc, ctx);
    case 'key':
      return keyCompletions(analysis, file.doc, ctx);
    case 'value':
      return valueCompletions(analysis, ctx);
    case 'none':
      return [];
  }
}

function headerCompletions(
  analysis: Analysis,
  doc: CfgDocument,
  ctx: Extract<CursorContext, { kind: 'header' }>,
): CompletionEntry[] {
  const inThisFile = new Set(doc.sections.map((s) => s.name.toLowerCase()));
  const closed = lineText(doc, ctx.replace.start.line).slice(ctx.replace.end.character).startsWith(']');
  const out = new Map<string, CompletionEntry>();
  const add = (name: string, detail: string, documentation: string | undefined, sortText: string) => {
    const lower = name.toLowerCase();
    if (out.has(lower) || inThisFile.has(lower)) return;
    out.set(lower, {
      label: name,
      kind: 'section',
      detail,
      documentation,
      insertText: closed ? name : `${name}]`,
      replace: ctx.replace,
      sortText: `${sortText}${name}`,
    });
  };
  for (const d of sectionDefinitions(analysis)) {
    const where = d.uri ? d.path : 'the packaged defaults';
    add(d.name, `defined in ${where}`, undefined, '0');
  }
  for (const [lower, refs] of sectionIndex(analysis).references) {
    // A dotted `_type` is a class path, not a section one would define.
    if (definedSectionNames(analysis).has(lower) || lower.includes('.')) continue;
    add(refs[0].name, `used by ${refs[0].key} in ${refs[0].file.path}, not defined yet`, undefined, '1');
  }
  for (const cls of ALL_CONFIG_CLASSES) add(cls.family, cls.className, cls.docs, '2');
  for (const s of KNOWN_UNMODELLED_SECTIONS) add(s.name, 'dbnd section (keys not modelled)', s.description, '3');
  return [...out.values()];
}

function keyCompletions(
  analysis: Analysis,
  doc: CfgDocument,
  ctx: Extract<CursorContext, { kind: 'key' }>,
): CompletionEntry[] {
  if (!ctx.section) return [];
  const present = new Set(
    doc.sections.filter((s) => s.name === ctx.section!.name).flatMap((s) => s.entries.map((e) => e.key)),
  );
  if (ctx.entry) present.delete(ctx.entry.key);
  // On an existing key only the name is replaced; on a new line the value skeleton comes with it.
  const withValue = ctx.entry === null;
  const out: CompletionEntry[] = [];
  for (const special of SPECIAL_KEYS) {
    if (present.has(special.name)) continue;
    out.push({
      label: special.name,
      kind: 'key',
      detail: 'class of this section',
      documentation: special.docs,
      insertText: withValue ? `${special.name} = $0` : special.name,
      snippet: withValue,
      replace: ctx.replace,
      sortText: `0${special.name}`,
    });
  }
  const cls = sectionClass(analysis, ctx.section.name);
  if (!cls?.ok) return out;
  for (const param of cls.value.params) {
    if (present.has(param.name) || obsoleteKey(cls.value.family, param.name)) continue;
    out.push({
      label: param.name,
      kind: 'key',
      detail: keyDetail(param, cls.value),
      documentation: keyDocumentation(param),
      insertText: withValue ? keyWithValueSnippet(param.name, param) : snippetText(param.name),
      snippet: true,
      replace: ctx.replace,
      deprecated: Boolean(param.deprecated || param.unused),
      sortText: `${param.deprecated || param.unused ? 2 : 1}${param.name}`,
    });
  }
  return out;
}
