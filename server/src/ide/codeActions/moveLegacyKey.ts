// Quick fix: put a legacy key where dbnd reads it now (`legacy-key` with a new home). `[core] environments`
// moves to `[run]`: into this file's `[run]` section (merged into its list when it already has one), or a new
// `[run]` section at the end. A key renamed inside its section (`tracker_url` → `databand_url`) is renamed.
//
//   [core]                                  [core]
//   environments = ['local', 'k8s']   →
//                                           [run]
//                                           environments = ['local', 'k8s']
import { parseStructureText } from '../../core/values/parseStructured';
import type { CfgEntry, CfgSection } from '../../core/reader';
import type { TextEdit } from '../edits';
import { addedLines } from './addedLines';
import { type FixContext, type QuickFix, fileAction, lineText, wholeLines } from './codeAction';

function entryAt(ctx: FixContext): { section: CfgSection; entry: CfgEntry } | undefined {
  for (const section of ctx.file.doc.sections) {
    const entry = section.entries.find((e) => e.keyRange.start.line === ctx.diagnostic.range.start.line);
    if (entry) return { section, entry };
  }
  return undefined;
}

function listOf(entry: CfgEntry): string[] {
  const parsed = parseStructureText(entry.rawValue, 'List');
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.map(String) : [];
}

export const moveLegacyKey: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'legacy-key' || !ctx.diagnostic.data) return undefined;
  const { moveTo } = ctx.diagnostic.data;
  const found = entryAt(ctx);
  if (!found) return undefined;
  const { section, entry } = found;
  const targetName = moveTo.section.toLowerCase();
  const targetKey = moveTo.key;
  if (targetName === section.name.toLowerCase()) {
    if (section.entries.some((e) => e.key === targetKey)) return undefined;
    return fileAction(ctx, `Rename to '${targetKey}'`, [{ range: entry.keyRange, newText: targetKey }], true);
  }
  const first = entry.range.start.line;
  const last = entry.range.end.line;
  const lines = Array.from({ length: last - first + 1 }, (_, i) => lineText(ctx.file, first + i));
  lines[0] = targetKey + lines[0].slice(entry.keyRange.end.character);
  const edits: TextEdit[] = [{ range: wholeLines(first, last), newText: '' }];
  const target = ctx.file.doc.sections.find((s) => s.name.toLowerCase() === targetName);
  const existing = target?.entries.find((e) => e.key === targetKey);
  if (existing) {
    // Both lists in one, [run]'s names first; this only makes sense for list values such as `environments`.
    const merged = [...new Set([...listOf(existing), ...listOf(entry)])];
    if (merged.length === 0) return undefined;
    edits.push({ range: existing.valueRange, newText: `[${merged.map((n) => `'${n}'`).join(', ')}]` });
  } else {
    edits.push(addedLines(ctx.file, target, target ? lines : ['', `[${moveTo.section}]`, ...lines]));
  }
  return fileAction(ctx, `Move '${entry.key}' to [${moveTo.section}]`, edits, true);
};
