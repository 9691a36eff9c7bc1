// Quick fix: a Python literal in a JSON value becomes JSON (`python-literal-in-json`).
//
//   labels = {"team": None}   →         labels = {"team": null}
import { type QuickFix, fileAction } from './codeAction';

export const pythonLiteralToJson: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'python-literal-in-json' || !ctx.diagnostic.data) return undefined;
  const data = ctx.diagnostic.data;
  return fileAction(
    ctx,
    `Write ${data.replaceWith} (JSON) instead of ${data.literal}`,
    [{ range: ctx.diagnostic.range, newText: data.replaceWith }],
    true,
  );
};
