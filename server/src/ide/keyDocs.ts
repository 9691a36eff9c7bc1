// The text completion and hover show for a key: its docs, type and default from the schema, and the warnings
// that apply to it (deprecated, unused, changed by dbnd after reading). One source, the key schema.
import type { Json } from '../core/json';
import type { ConfigClassSchema, ParamSchema } from '../core/schema/types';

export function formatDefault(value: Json | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `str = IfNotPresent`, `int (required)`. */
export function keyDetail(param: ParamSchema, cls?: ConfigClassSchema): string {
  if (!param.hasDefault)
    return cls?.packageDefaultKeys.includes(param.name)
      ? `${param.type} (set by the packaged defaults)`
      : `${param.type} (no default)`;
  const text = formatDefault(param.default);
  return text === '' ? `${param.type} = ''` : `${param.type} = ${text}`;
}

/** Markdown: the docs, then what can go wrong with the key. */
export function keyDocumentation(param: ParamSchema): string {
  const parts = [param.docs];
  if (param.deprecated) parts.push(`**Deprecated:** ${param.deprecated}`);
  if (param.unused) parts.push(`**No effect:** ${param.unused}`);
  if (param.derived) parts.push(`**Changed by dbnd after reading:** ${param.derived}`);
  if (param.enumValues?.length) parts.push(`Values: ${param.enumValues.map((v) => `\`${v}\``).join(', ')}`);
  if (param.examples?.length) parts.push(`Example: \`${param.name} = ${param.examples[0]}\``);
  if (param.cliFlag) parts.push(`Also set by \`dbnd run ${param.cliFlag}\`.`);
  return parts.join('\n\n');
}
