// Quick fix: indent a closing bracket at column 0 so configparser keeps it in the multi-line value
// (`closing-bracket-not-indented`).
//
//   secrets = [                             secrets = [
//       {"type": "env"}                         {"type": "env"}
//   ]                              →            ]
import { type QuickFix, fileAction, lineText } from './codeAction';

export const indentClosingBracket: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'closing-bracket-not-indented') return undefined;
  const indentTo = ctx.diagnostic.data?.indentTo;
  if (indentTo === undefined) return undefined;
  const line = ctx.diagnostic.range.start.line;
  const current = lineText(ctx.file, line).length - lineText(ctx.file, line).trimStart().length;
  const range = { start: { line, character: 0 }, end: { line, character: current } };
  return fileAction(ctx, `Indent the bracket by ${indentTo}`, [{ range, newText: ' '.repeat(indentTo) }], true);
};
