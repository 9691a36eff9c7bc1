// Quick fix: add a required key dbnd has no default for (`missing-required-key`), after the section's last
// entry, with an example value when the schema has one.
//
//   [my_engine]                         [my_engine]
//   _type = kubernetes        →         _type = kubernetes
//                                       container_repository =
import { ALL_CONFIG_CLASSES } from '../../core/schema';
import { addedLines } from './addedLines';
import { type QuickFix, fileAction } from './codeAction';

function exampleValue(key: string): string {
  for (const cls of ALL_CONFIG_CLASSES) {
    const example = cls.params.find((p) => p.name === key)?.examples?.[0];
    if (example !== undefined) return example;
  }
  return '';
}

export const addMissingKey: QuickFix = (ctx) => {
  if (ctx.diagnostic.code !== 'missing-required-key' || !ctx.diagnostic.data) return undefined;
  const key = ctx.diagnostic.data.addKey;
  const section = ctx.file.doc.sections.find((s) => s.headerRange.start.line === ctx.diagnostic.range.start.line);
  if (!section) return undefined;
  return fileAction(
    ctx,
    `Add '${key}' to [${section.name}]`,
    [addedLines(ctx.file, section, [`${key} = ${exampleValue(key)}`])],
    true,
  );
};
