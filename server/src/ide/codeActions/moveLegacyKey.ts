// Quick fix: put a legacy key where dbnd reads it now (`legacy-key` with a new home). A key renamed inside its
// section (`tracker_url` → `databand_url`) is renamed.
//
// `[core] environments` moves to `[run]` without making the project worse: the list written is the project's
// effective `[run] environments` (whatever file or default it comes from) plus the names the `[core]` list adds,
// so no environment the project enables today — in particular the one `[databand] env` selects — is lost. It
// goes where it wins: into the file that holds the winning `[run] environments` when that file is this one or
// loads after it, else into this file's `[run]` (a new section at the end when there is none). A `[core]` list
// that does not parse is not moved: dbnd ignores it today, and in `[run]` it would fail every run.
//
//   .dbnd/databand-system.cfg: [run] environments = ['local', 'k8s']
//   project.cfg:
//   [core]                                  [core]
//   environments = ['local', 'gcp']   →
//                                           [run]
//                                           environments = ['local', 'k8s', 'gcp']
import { parseParameterValue } from '../../core/values/parseValue';
import type { CfgEntry, CfgSection } from '../../core/reader';
import type { Analysis, ProjectFile } from '../analysis';
import type { TextEdit } from '../edits';
import { enabledObjectsOf, valueStack } from '../projectQueries';
import { addedLines } from './addedLines';
import { type CodeAction, type FixContext, type QuickFix, fileAction, lineText, wholeLines } from './codeAction';

function entryAt(ctx: FixContext): { section: CfgSection; entry: CfgEntry } | undefined {
  for (const section of ctx.analysis.document(ctx.file).sections) {
    const entry = section.entries.find((e) => e.keyRange.start.line === ctx.diagnostic.range.start.line);
    if (entry) return { section, entry };
  }
  return undefined;
}

/** The list as dbnd's `List[str]` parameter reads it; undefined when it does not parse. */
function listOf(analysis: Analysis, entry: CfgEntry): string[] | undefined {
  const { env, readFile } = analysis.snapshot;
  const parsed = parseParameterValue(entry.rawValue, { type: 'List[str]' }, { env, readFile });
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.map(String) : undefined;
}

const pyList = (names: readonly string[]): string => `[${names.map((n) => `'${n}'`).join(', ')}]`;

/** The file and entry holding the winning `[run] <key>`, when a project file at or after `file` holds it. */
function winningEntry(
  analysis: Analysis,
  file: ProjectFile,
  key: string,
): { file: ProjectFile; entry: CfgEntry } | undefined {
  const origin = valueStack(analysis, 'run', key).at(-1)?.origin;
  if (origin?.kind !== 'file') return undefined;
  const winner = analysis.fileByPath(origin.path);
  if (!winner || analysis.files.indexOf(winner) < analysis.files.indexOf(file)) return undefined;
  const entry = analysis
    .document(winner)
    .sections.flatMap((s) => s.entries)
    .find((e) => e.keyRange.start.line === origin.keyRange.start.line && e.key === key);
  return entry && { file: winner, entry };
}

function moveEnvironments(ctx: FixContext, entry: CfgEntry, moved: readonly string[], title: string) {
  const { analysis, file } = ctx;
  const key = 'environments';
  const enabled = enabledObjectsOf(analysis)?.environments ?? [];
  const merged = [...new Set([...enabled, ...moved])];
  const removal: TextEdit = { range: wholeLines(entry.range.start.line, entry.range.end.line), newText: '' };
  const winner = winningEntry(analysis, file, key);
  const edit = new Map<string, TextEdit[]>([[file.uri, [removal]]]);
  if (winner) {
    const replace = { range: winner.entry.valueRange, newText: pyList(merged) };
    if (winner.file === file) edit.get(file.uri)!.push(replace);
    else edit.set(winner.file.uri, [replace]);
  } else {
    const target = analysis.document(file).sections.find((s) => s.name.toLowerCase() === 'run');
    const line = `${key} = ${pyList(merged)}`;
    edit.get(file.uri)!.push(addedLines(file, target, target ? [line] : ['', '[run]', line]));
  }
  return { title, diagnostic: ctx.diagnostic, edit, isPreferred: true } satisfies CodeAction;
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
  const title = `Move '${entry.key}' to [${moveTo.section}]`;
  if (targetName === 'run' && targetKey === 'environments') {
    const moved = listOf(ctx.analysis, entry);
    return moved && moveEnvironments(ctx, entry, moved, title);
  }
  if (
    ctx.analysis
      .document(ctx.file)
      .sections.some((s) => s.name.toLowerCase() === targetName && s.entries.some((e) => e.key === targetKey))
  )
    return undefined;
  const first = entry.range.start.line;
  const last = entry.range.end.line;
  const lines = Array.from({ length: last - first + 1 }, (_, i) => lineText(ctx.file, first + i));
  lines[0] = targetKey + lines[0].slice(entry.keyRange.end.character);
  const target = ctx.analysis.document(ctx.file).sections.find((s) => s.name.toLowerCase() === targetName);
  const edits: TextEdit[] = [
    { range: wholeLines(first, last), newText: '' },
    addedLines(ctx.file, target, target ? lines : ['', `[${moveTo.section}]`, ...lines]),
  ];
  return fileAction(ctx, title, edits, true);
};
