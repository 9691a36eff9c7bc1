// Quick fix: remove a `retry_delay` dbnd never reads from a `pod_error_cfg_source_dict` entry
// (`retry-delay-ignored`), with the comma that separated it.
//
//   "255": {"retry_count": 3, "retry_delay": "3m"},   →   "255": {"retry_count": 3},
import { type QuickFix, fileAction, lineText } from './codeAction';

export const dropRetryDelay: QuickFix = (ctx) => {
  const { range } = ctx.diagnostic;
  if (ctx.diagnostic.code !== 'retry-delay-ignored' || range.start.line !== range.end.line) return undefined;
  const text = lineText(ctx.file, range.start.line);
  const before = /,\s*$/.exec(text.slice(0, range.start.character));
  const after = /^\s*,\s*/.exec(text.slice(range.end.character));
  const start = before ? range.start.character - before[0].length : range.start.character;
  const end = !before && after ? range.end.character + after[0].length : range.end.character;
  const line = range.start.line;
  return fileAction(
    ctx,
    "Remove 'retry_delay' (dbnd never reads it)",
    [{ range: { start: { line, character: start }, end: { line, character: end } }, newText: '' }],
    true,
  );
};
