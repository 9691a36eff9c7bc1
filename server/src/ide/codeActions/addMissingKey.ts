// Quick fix: add a required key dbnd has no default for (`missing-required-key`), after the section's last
// entry, with an EMPTY value and the cursor after `= `. Never an example value: a real-looking name such as
// `gcr.io/my-project/my-app` is one dbnd accepts, so the project would build pods from an image that is not the
// user's and the finding would go away; with the value empty dbnd still fails (and so does lint) until the user
// types one.
//
//   [my_engine]                         [my_engine]
//   _type = kubernetes        →         _type = kubernetes
//                                       container_repository = |
import { addedLines } from './addedLines';
import { type QuickFix, fileAction } from './codeAction';

/** The text with LSP snippet syntax escaped (`$`, `}` and `\` are literal). */
const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, '\\$&');

export const addMissingKey: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'missing-required-key' || !ctx.diagnostic.data) return undefined;
  const key = ctx.diagnostic.data.addKey;
  const section = ctx.analysis
    .document(ctx.file)
    .sections.find((s) => s.headerRange.start.line === ctx.diagnostic.range.start.line);
  if (!section) return undefined;
  const line = `${key} = `;
  const edit = addedLines(ctx.file, section, [line]);
  const at = edit.newText.indexOf(line) + line.length;
  const snippet = `${escapeSnippet(edit.newText.slice(0, at))}$0${escapeSnippet(edit.newText.slice(at))}`;
  return fileAction(ctx, `Add '${key}' to [${section.name}] (type its value)`, [{ ...edit, snippet }], true);
};
