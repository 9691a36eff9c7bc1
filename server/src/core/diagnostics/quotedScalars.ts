// configparser never strips quotes (docs/dbnd-rules.md §1.1): `namespace = "prod"` is the six-character
// string with the quotes, and `container_repository = ""` is two quote characters (not empty). dbnd accepts
// both silently; the quotes then end up in the pod (an invalid namespace, an image named `""`).
import type { EntryFacts } from './checkedEntries';
import type { CoreDiagnostic, QuotedValueFixData } from './types';

const TEXT_TYPES = new Set(['str', 'VersionStr', 'Target']);

export function quotedScalarDiagnostics(checked: EntryFacts): CoreDiagnostic[] {
  const { entry, param, value } = checked;
  if (!param || !TEXT_TYPES.has(param.type) || value === undefined || entry.lineCount > 1) return [];
  const q = value[0];
  if (value.length < 2 || (q !== '"' && q !== "'") || value[value.length - 1] !== q) return [];
  const unquoted = value.slice(1, -1);
  return [
    {
      path: checked.path,
      range: entry.valueRange,
      severity: 'warning',
      code: 'quoted-value',
      message:
        `The quotes are part of the value: configparser keeps them, so '${entry.key}' is ${value} ` +
        `(${value.length} characters, quotes included${unquoted === '' ? ', not empty' : ''}). Remove the quotes.`,
      data: unquoted === '' ? undefined : ({ unquoted } satisfies QuotedValueFixData),
    },
  ];
}
