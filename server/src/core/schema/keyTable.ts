// The README's key reference, generated from the schema so the two cannot drift (a test compares them).
import { ALL_CONFIG_CLASSES } from './allClasses';
import { KNOWN_UNMODELLED_SECTIONS } from './knownSections';
import { OBSOLETE_KEYS } from './obsoleteKeys';
import { isRequired } from './registry';
import type { ConfigClassSchema, ParamSchema } from './types';
import type { Json } from '../json';

/** The first sentence of a docs text; abbreviations like "e.g." do not end a sentence. */
export function firstSentence(docs: string): string {
  const sentenceEnd = /\.(?=\s|$)/g;
  for (let m = sentenceEnd.exec(docs); m; m = sentenceEnd.exec(docs)) {
    const before = docs.slice(0, m.index);
    if (/\b(e\.g|i\.e|etc|vs)$/.test(before)) continue;
    return docs.slice(0, m.index + 1);
  }
  return docs;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  // A backtick inside the value needs a longer fence.
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function formatSeconds(seconds: number): string {
  if (seconds !== 0 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds !== 0 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** A code default as one would write it in a .cfg file (Python's spelling for None/True/False). */
function formatDefault(param: ParamSchema, value: Json): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (param.type === 'timedelta' && typeof value === 'number') return code(formatSeconds(value));
  if (typeof value === 'string') return value === '' ? '`""`' : code(value);
  return code(JSON.stringify(value));
}

function defaultCell(cls: ConfigClassSchema, param: ParamSchema): string {
  if (param.hasDefault) return formatDefault(param, param.default ?? null);
  return isRequired(cls, param) ? '**required**' : 'none (shipped value)';
}

function meaningCell(param: ParamSchema): string {
  const marks: string[] = [];
  if (param.system) marks.push('*System key.*');
  if (param.unused !== undefined) marks.push('*Unused.*');
  if (param.deprecated !== undefined) marks.push('*Deprecated.*');
  if (param.derived !== undefined) marks.push('*Derived.*');
  return cell([...marks, firstSentence(param.docs)].join(' '));
}

function renderClass(cls: ConfigClassSchema): string {
  const lines = [
    `### \`[${cls.family}]\`: ${cls.className}`,
    '',
    cell(cls.docs),
    '',
    `Class \`${cls.classPath}\`.`,
    '',
    '| Key | Type | Default | Meaning |',
    '|---|---|---|---|',
    ...cls.params.map((p) => `| \`${p.name}\` | ${cell(p.type)} | ${cell(defaultCell(cls, p))} | ${meaningCell(p)} |`),
  ];
  if (cls.legacyKeys.length > 0) {
    const legacy = cls.legacyKeys.map((k) => (k.movedTo ? `\`${k.name}\` (now \`${k.movedTo}\`)` : `\`${k.name}\``));
    lines.push('', `Legacy keys, ignored with an unknown-key warning since dbnd 1.0.15: ${legacy.join(', ')}.`);
  }
  return lines.join('\n');
}

function renderObsoleteKeys(): string {
  return [
    '### Obsolete keys',
    '',
    '| Key | Section | Use instead | Note |',
    '|---|---|---|---|',
    ...OBSOLETE_KEYS.map(
      (k) => `| \`${k.name}\` | \`[${k.family}]\` | \`${k.replacement}\` | ${cell(firstSentence(k.docs))} |`,
    ),
  ].join('\n');
}

function renderKnownSections(): string {
  return [
    '### Other sections dbnd knows',
    '',
    'These sections are recognised, but their keys are not checked:',
    '',
    ...KNOWN_UNMODELLED_SECTIONS.map((s) => `- \`[${s.name}]\`: ${s.description}`),
  ].join('\n');
}

const LEGEND =
  '"**required**" means dbnd has no default and the shipped files set none; "none (shipped value)" means no ' +
  "code default, but dbnd's packaged config files set one. *Unused* keys are read by nothing in dbnd 1.0.28; " +
  '*derived* keys are changed by dbnd after reading (see the hover text).';

/** The markdown that goes between the README's `<!-- keys:start -->` and `<!-- keys:end -->` markers. */
export function renderKeyTable(): string {
  const blocks = [
    '<!-- Generated from server/src/core/schema by `npm run docs:keys`; edit the schema, not this table. -->',
    LEGEND,
    ...ALL_CONFIG_CLASSES.map(renderClass),
    renderObsoleteKeys(),
    renderKnownSections(),
  ];
  return blocks.join('\n\n') + '\n';
}
