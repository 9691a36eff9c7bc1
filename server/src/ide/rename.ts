// Feature: rename a section — its `[headers]` in every project file and every value that names it (`_from`,
// `_type`, `remote_engine`, `local_engine`, `[databand] env`, `environments` entries), unopened files included.
// dbnd matches section names case-insensitively, so `[K8s]` and `_from = k8s` are renamed together. Names dbnd
// itself gives meaning to (class families such as `kubernetes` or `local`, plugin sections such as `gcp`,
// `[DEFAULT]`) cannot be renamed: the section would stop configuring that class.
import { knownUnmodelledSection, registeredClass, classByFamily } from '../core/schema';
import type { Position, Range } from '../core/text/range';
import type { Analysis } from './analysis';
import type { TextEdit, WorkspaceEdit } from './edits';
import { sortedUnique } from './locations';
import { sectionAtCursor } from './sectionAtCursor';
import { sectionIndex } from './sectionReferences';

export type PrepareRenameResult =
  | { readonly ok: true; readonly range: Range; readonly placeholder: string }
  | { readonly ok: false; readonly reason: string };

export type RenameResult =
  | { readonly ok: true; readonly edit: WorkspaceEdit }
  | { readonly ok: false; readonly reason: string };

/** A name configparser reads back as the same header and `DBND__<SECTION>__<KEY>` variables can address. */
const SECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_\-]*$/;

function reservedReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  const cls = classByFamily(lower) ?? registeredClass(name);
  if (cls) return `[${name}] configures every ${cls.className}: dbnd finds it by this name, so it cannot be renamed.`;
  if (knownUnmodelledSection(lower))
    return `[${name}] is a section dbnd or one of its plugins reads by this name, so it cannot be renamed.`;
  if (lower.includes('.'))
    return `[${name}] is a class path section: dbnd finds it by the class's name, so it cannot be renamed.`;
  return undefined;
}

export function prepareRename(analysis: Analysis, uri: string, position: Position): PrepareRenameResult | undefined {
  const file = analysis.fileByUri(uri);
  const target = file && sectionAtCursor(analysis, file, position);
  if (!target) return undefined;
  const reserved = reservedReason(target.name);
  return reserved ? { ok: false, reason: reserved } : { ok: true, range: target.range, placeholder: target.name };
}

export function rename(analysis: Analysis, uri: string, position: Position, newName: string): RenameResult {
  const prepared = prepareRename(analysis, uri, position);
  if (!prepared) return { ok: false, reason: 'There is no section name here to rename.' };
  if (!prepared.ok) return prepared;
  if (!SECTION_NAME.test(newName)) {
    return { ok: false, reason: `'${newName}' is not a usable section name: use letters, digits, '_' and '-' only.` };
  }
  const clash = reservedReason(newName);
  if (clash) return { ok: false, reason: `'${newName}' is a name dbnd gives meaning to. ${clash}` };
  const name = prepared.placeholder.toLowerCase();
  const index = sectionIndex(analysis);
  if (newName.toLowerCase() !== name && index.definitions.has(newName.toLowerCase())) {
    return { ok: false, reason: `[${newName}] already exists in the project; renaming would merge two sections.` };
  }
  const sites = sortedUnique([
    ...(index.definitions.get(name) ?? []).map((d) => ({ uri: d.file.uri, range: d.section.nameRange })),
    ...(index.references.get(name) ?? []).map((r) => ({ uri: r.file.uri, range: r.range })),
  ]);
  const edit = new Map<string, TextEdit[]>();
  for (const site of sites) {
    const edits = edit.get(site.uri) ?? [];
    edits.push({ range: site.range, newText: newName });
    edit.set(site.uri, edits);
  }
  return { ok: true, edit };
}
