// Quick fix: replace a misspelled or obsolete key by the key dbnd knows (`unknown-key`, `obsolete-key`).
//
//   [my_engine]                         [my_engine]
//   namespcae = prod          →         namespace = prod
import { type QuickFix, fileAction } from './codeAction';

export const replaceKey: QuickFix = (ctx) => {
  const { diagnostic } = ctx;
  if (diagnostic.code !== 'unknown-key' && diagnostic.code !== 'obsolete-key') return undefined;
  const key = diagnostic.data?.replaceKeyWith;
  if (!key || !/^[\w.\-]+$/.test(key)) return undefined;
  return fileAction(
    ctx,
    `Change to '${key}'`,
    [{ range: diagnostic.range, newText: key }],
    diagnostic.code === 'unknown-key',
  );
};
