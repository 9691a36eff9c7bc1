// The text of the "Effective config" document: the env and engine objects dbnd would build, one YAML mapping
// each, every value (as JSON, which YAML reads as is) followed by where it comes from (the core's wording);
// places in the project's files are links.
import type { EffectiveConfigResult, EffectiveParam } from '../../../protocol/customRequests';
import { errorLines, filesLine, fromProtocolLocation, type TextBuilder } from './viewText';
import type { RenderedView } from './readOnlyView';

function paramLine(p: EffectiveParam, out: TextBuilder): void {
  const head = `  ${p.name}: ${JSON.stringify(p.value)}  # `;
  // The last place decides the value (earlier ones were extended by it); a file place is a link to its line.
  const last = p.from.at(-1);
  const earlier = p.from.slice(0, -1).map((s) => s.text);
  const after = earlier.length > 0 ? ` (extends ${earlier.join(', ')})` : '';
  if (last?.location) out.lineWithLink(head, fromProtocolLocation(last.location), after);
  else out.line(`${head}${last?.text ?? ''}${after}`);
}

export function effectiveConfigText(result: EffectiveConfigResult, out: TextBuilder): RenderedView {
  out.line(`# The effective config of \`dbnd run --env ${result.env}\`: every value and where it comes from.`);
  out.line(`# ${filesLine(result.files)}`);
  for (const obj of result.objects) {
    out.line('');
    out.line(`# The ${obj.role} object: class ${obj.classPath}, read from sections ${obj.sections.join(', ')}`);
    out.line(`${obj.name}:`);
    for (const p of obj.params) paramLine(p, out);
  }
  for (const w of result.warnings) out.line(`# warning: ${w}`);
  if (result.error) {
    out.line('');
    out.line(`# dbnd would fail at the ${result.error.stage} stage:`);
    errorLines(result.error, out);
  }
  return out.view(result.files);
}
