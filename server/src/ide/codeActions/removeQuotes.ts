// Quick fix: drop the quotes configparser would keep in a scalar value (`quoted-value`).
//
//   namespace = "prod"        →         namespace = prod
import { type QuickFix, fileAction } from './codeAction';

export const removeQuotes: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'quoted-value' || !ctx.diagnostic.data) return undefined;
  const { unquoted } = ctx.diagnostic.data;
  return fileAction(ctx, 'Remove the quotes', [{ range: ctx.diagnostic.range, newText: unquoted }], true);
};
