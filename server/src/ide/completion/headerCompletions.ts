// Section names after `[`: sections defined in the project's other files (and the packaged defaults), names
// that `_from`/`remote_engine`/... use but nobody defines yet, the config families, dbnd's unmodelled sections.
import { ALL_CONFIG_CLASSES, KNOWN_UNMODELLED_SECTIONS } from '../../core/schema';
import type { CfgDocument } from '../../core/reader';
import type { Analysis } from '../analysis';
import { definedSectionNames, sectionDefinitions } from '../projectQueries';
import { sectionIndex } from '../sectionReferences';
import type { CompletionEntry } from './completionItem';
import { type CursorContext, lineText } from './cursorContext';
import { headerSnippets } from './snippets';

export function headerCompletions(
  analysis: Analysis,
  doc: CfgDocument,
  ctx: Extract<CursorContext, { kind: 'header' }>,
): CompletionEntry[] {
  const line = ctx.replace.start.line;
  // The header being typed is a section of this file once it has its `]` (`[kubernetes|]`); it must not hide the
  // name it is becoming, or asking again mid-word would lose the item the user is typing towards.
  const inThisFile = new Set(
    doc.sections.filter((s) => s.headerRange.start.line !== line).map((s) => s.name.toLowerCase()),
  );
  const closed = lineText(doc, line).slice(ctx.replace.end.character).startsWith(']');
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
  return [...out.values(), ...headerSnippets(ctx, closed)];
}
