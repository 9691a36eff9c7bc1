// Generators of .cfg text for the reader's properties: config-shaped text full of the corners configparser
// cares about, and well-formed configs built from a model (for round trips).
import fc from 'fast-check';

const LINE_BREAKS = ['\n', '\n', '\n', '\n', '\r\n', '\r'];
const INDENTS = ['', '', '', '', ' ', '  ', '    ', '\t', '\u00a0', '\f', '\u2003', '\u001c'];
const NAME_UNITS = ['a', 'b', 'K', '_', '.', '-', '1', ' ', '[', ']', '%', 'é', 'İ', 'Σ', '\u{1F600}'];
const KEYS = ['a', 'b', 'A', 'k', 'key', 'namespace', 'x y', '', '%', 'İ'];
const DELIMITED = [' = ', '=', ': ', ':', ' =', '  :  ', '= ', '\u00a0=\u00a0'];
const VALUE_UNITS = [
  'a',
  'a',
  'a',
  'b',
  'b',
  'x',
  'x',
  'x',
  ' ',
  ' ',
  '0',
  'v',
  'v',
  'a',
  'x',
  ' ',
  '1',
  '%',
  '%%',
  '%(a)s',
  '%(b)s',
  '%(A)s',
  '%(k)s',
  '%(',
  ')s',
  '=',
  ':',
  '#',
  ';',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '\\',
  'é',
  '\u2003',
  '\u0085',
  '\t',
  '\u{1F600}',
  '\ud800',
];

const indent = fc.constantFrom(...INDENTS);
const sectionName = fc.string({ unit: fc.constantFrom(...NAME_UNITS), maxLength: 6 });
const valueText = fc.string({ unit: fc.constantFrom(...VALUE_UNITS), maxLength: 8, size: 'max' });

const headerLine = fc.oneof(
  fc.tuple(indent, sectionName, fc.constantFrom('', '', ' # note', ' ]x', '  ')).map(([i, n, t]) => `${i}[${n}]${t}`),
  indent.map((i) => `${i}[DEFAULT]`),
);
const optionLine = fc
  .tuple(indent, fc.constantFrom(...KEYS), fc.constantFrom(...DELIMITED), valueText)
  .map(([i, k, d, v]) => `${i}${k}${d}${v}`);
const continuationLine = fc.tuple(fc.constantFrom('  ', '    ', '\t\t', '      '), valueText).map(([i, v]) => i + v);
const commentLine = fc.tuple(indent, fc.constantFrom('#', ';'), valueText).map(([i, p, v]) => `${i}${p}${v}`);
const blankLine = fc.constantFrom('', '', ' ', '\t', '\u3000');
const junkLine = fc
  .tuple(indent, fc.constantFrom('junk', ']', '}', ')', '],', '[', '[]', 'no delimiter'))
  .map(([i, j]) => i + j);

const cfgLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: headerLine, weight: 2 },
  { arbitrary: optionLine, weight: 5 },
  { arbitrary: continuationLine, weight: 3 },
  { arbitrary: commentLine, weight: 1 },
  { arbitrary: blankLine, weight: 2 },
  { arbitrary: junkLine, weight: 1 },
  { arbitrary: fc.constantFrom('[s]', '[t]', '[S]', '[DEFAULT]'), weight: 1 },
);

const numberedLine = fc.tuple(cfgLine, fc.constantFrom(...LINE_BREAKS));

/** Text shaped like a config, with every line kind, both delimiters, `%`, [DEFAULT], CRLF and CR. */
export const configShapedText: fc.Arbitrary<string> = fc
  // Mostly starting with a header: otherwise nearly every input stops at MissingSectionHeaderError.
  // Short texts (fast-check's default size) mostly load; long ones mostly hit an error: both matter.
  .tuple(
    fc.nat(9).map((n) => n > 0),
    fc.oneof(fc.array(numberedLine, { maxLength: 25 }), fc.array(numberedLine, { maxLength: 25, size: 'max' })),
    fc.boolean(),
  )
  .map(([header, lines, endBreak]) => {
    const body = lines.map(([l, b]) => l + b).join('');
    const text = (header ? '[s]\n' : '') + body;
    return endBreak ? text : text.replace(/(\r\n|\r|\n)$/, '');
  });

/** Arbitrary strings, including lone surrogates and every control character. (`size` lifts fast-check's default
 *  cap of about ten characters, so lengths really spread up to the maximum.) */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200, size: 'max' }),
  fc.string({
    unit: fc.constantFrom('[', ']', '=', ':', '%', '(', ')', 's', '#', ';', ' ', '\t', '\n', '\r', 'a'),
    maxLength: 120,
    size: 'max',
  }),
);

/** A well-formed config as data: what dbnd should read back after it is written out with `serializeConfig`. */
export interface ConfigModel {
  readonly defaults: readonly ModelEntry[];
  readonly sections: readonly { readonly name: string; readonly entries: readonly ModelEntry[] }[];
  readonly lineBreak: string;
}
interface ModelEntry {
  readonly key: string;
  readonly delimiter: string;
  /** Each line as written (with `%%`); the first may be empty, later ones are not. */
  readonly lines: readonly string[];
}

const identifier = fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,7}$/);
const safeUnits = ['a', 'Z', '0', ' ', '-', '/', '{', '}', '"', ',', '=', ':', '%%', '[', ']', 'é', '#'];
const safeLine = fc
  .string({ unit: fc.constantFrom(...safeUnits), minLength: 1, maxLength: 10 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s[0] !== '#' && s[0] !== ';');
const modelEntry = fc.record({
  key: identifier,
  delimiter: fc.constantFrom(' = ', '=', ': '),
  lines: fc
    .tuple(fc.oneof(safeLine, fc.constant('')), fc.array(safeLine, { maxLength: 3 }))
    .map(([f, rest]) => [f, ...rest]),
});
const uniqueEntries = fc.uniqueArray(modelEntry, { selector: (e) => e.key, maxLength: 5, size: 'max' });

export const configModel: fc.Arbitrary<ConfigModel> = fc.record({
  defaults: fc.oneof(fc.constant([] as ModelEntry[]), uniqueEntries),
  sections: fc.uniqueArray(fc.record({ name: identifier, entries: uniqueEntries }), {
    selector: (s) => s.name,
    maxLength: 5,
  }),
  lineBreak: fc.constantFrom('\n', '\r\n'),
});

function serializeEntries(entries: readonly ModelEntry[], br: string): string {
  return entries
    .map(
      (e) =>
        `${e.key}${e.delimiter}${e.lines[0]}${br}${e.lines
          .slice(1)
          .map((l) => `    ${l}${br}`)
          .join('')}`,
    )
    .join('');
}

export function serializeConfig(m: ConfigModel): string {
  const br = m.lineBreak;
  let text = m.defaults.length > 0 ? `[DEFAULT]${br}${serializeEntries(m.defaults, br)}${br}` : '';
  for (const s of m.sections) text += `# ${s.name}${br}[${s.name}]${br}${serializeEntries(s.entries, br)}${br}`;
  return text;
}

/** dbnd's view of the model: own keys then DEFAULT keys, `%%` read as `%`, lines joined with `\n`. */
export function expectedView(m: ConfigModel): [string, [string, string][]][] {
  const value = (e: ModelEntry) => e.lines.join('\n').split('%%').join('%');
  const result: [string, [string, string][]][] = [];
  for (const s of m.sections) {
    const own = s.entries.map((e) => [e.key, value(e)] as [string, string]);
    const inherited = m.defaults
      .filter((d) => !s.entries.some((e) => e.key === d.key))
      .map((d) => [d.key, value(d)] as [string, string]);
    const values = [...own, ...inherited];
    if (values.length > 0) result.push([s.name, values]);
  }
  return result;
}
