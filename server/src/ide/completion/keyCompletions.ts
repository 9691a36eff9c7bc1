// Keys of the section at the cursor: `_type`/`_from`, then the keys of the class the section builds (resolved
// through `_type`/`_from` across the project's files), minus those already set and the obsolete ones.
import { SPECIAL_KEYS, obsoleteKey } from '../../core/schema';
import type { CfgDocument } from '../../core/reader';
import type { Analysis } from '../analysis';
import { keyDetail, keyDocumentation } from '../keyDocs';
import { sectionClass } from '../projectQueries';
import type { CompletionEntry } from './completionItem';
import type { CursorContext } from './cursorContext';
import { keyInsertion } from './valueSkeletons';

export function keyCompletions(
  analysis: Analysis,
  doc: CfgDocument,
  ctx: Extract<CursorContext, { kind: 'key' }>,
): CompletionEntry[] {
  if (!ctx.section) return [];
  const present = new Set(
    doc.sections.filter((s) => s.name === ctx.section!.name).flatMap((s) => s.entries.map((e) => e.key)),
  );
  if (ctx.entry) present.delete(ctx.entry.key);
  // On an existing key only the name is replaced; on a new line `key = ` (and its value list or skeleton) comes.
  const insertion = (key: string, param: Parameters<typeof keyInsertion>[1]) =>
    ctx.entry === null ? keyInsertion(key, param) : { insertText: key, snippet: false, reopen: false };
  const out: CompletionEntry[] = [];
  for (const special of SPECIAL_KEYS) {
    if (present.has(special.name)) continue;
    out.push({
      label: special.name,
      kind: 'key',
      detail: 'class of this section',
      documentation: special.docs,
      ...insertion(special.name, undefined),
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
      ...insertion(param.name, param),
      replace: ctx.replace,
      deprecated: Boolean(param.deprecated || param.unused),
      sortText: `${param.deprecated || param.unused ? 2 : 1}${param.name}`,
    });
  }
  return out;
}
