// Quick fix: escape a lone `%` as `%%`, configparser's literal percent sign (`interpolation-syntax`).
//
//   password = p%40ss         →         password = p%%40ss
import { type QuickFix, fileAction } from './codeAction';

export const escapePercent: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'interpolation-syntax') return undefined;
  const range = ctx.diagnostic.data?.escapePercent;
  if (!range) return undefined;
  return fileAction(ctx, "Escape '%' as '%%'", [{ range, newText: '%%' }], true);
};
