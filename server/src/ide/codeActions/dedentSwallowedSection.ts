// Quick fix: dedent a `[section]` that an indented paste turned into part of the value above it, with the
// keys that follow it (`indented-section-swallowed`).
//
//   [run]                                   [run]
//   environments = ['local', 'k8s']         environments = ['local', 'k8s']
//       [k8s]                      →        [k8s]
//       _from = local                       _from = local
import { type QuickFix, fileAction } from './codeAction';

export const dedentSwallowedSection: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'indented-section-swallowed' || !ctx.diagnostic.data) return undefined;
  const data = ctx.diagnostic.data;
  const edits = data.dedent
    .filter((d) => d.characters > 0)
    .map((d) => ({
      range: { start: { line: d.line, character: 0 }, end: { line: d.line, character: d.characters } },
      newText: '',
    }));
  return fileAction(ctx, `Dedent [${data.section}] and its keys`, edits, true);
};
