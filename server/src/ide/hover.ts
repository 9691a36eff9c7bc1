// Feature: hover. On a section name: the class it builds, the sections its object reads and whether a run
// builds it. On a key or value: docs, type and default from the key schema, and the effective value for this
// section's object with where it comes from — and, when another file, section or variable beats this line,
// which one.
//
//   [kubernetes]
//   namespace$0 = dev      → `namespace`: str = default … Effective for [kubernetes]: `prod` from
//                             $DBND__KUBERNETES__NAMESPACE — this line is overridden.
//
// Hovers read the tolerant model (ide/analysis.ts): while a line of the file is half-typed, the other lines
// explain themselves as if it were not there. On a line the tolerant model sets aside (a later duplicate key,
// a value whose interpolation fails), the hover says so instead of calling the line overridden.
import type { CfgEntry, CfgSection } from '../core/reader';
import { nodeAt } from '../core/reader/nodeAt';
import { firstSentence, knownUnmodelledSection, legacyKeyOf, obsoleteKey, paramOf, specialKey } from '../core/schema';
import type { Position, Range } from '../core/text/range';
import type { Analysis, ProjectFile } from './analysis';
import { type ValueFrom, effectiveValue } from './effectiveValue';
import { keyDetail, keyDocumentation } from './keyDocs';
import { builtSections, sectionClass, sectionsOfObject } from './projectQueries';

export interface HoverResult {
  /** Markdown. */
  readonly markdown: string;
  readonly range: Range;
}

/** The URI of a file the hover names (a link to it); undefined leaves the name as text. */
export type UriOfPath = (path: string) => string | undefined;

/**
 * `uriOf` turns a file the effective value comes from into a link: `[.dbnd/databand-system.cfg:12](file:///…#L12)`,
 * a plain `file:` URI with VS Code's line fragment (no command link, which a client would refuse to run).
 */
export function hover(analysis: Analysis, uri: string, pos: Position, uriOf?: UriOfPath): HoverResult | null {
  const file = analysis.fileByUri(uri);
  if (!file) return null;
  const node = nodeAt(analysis.document(file), pos);
  switch (node.kind) {
    case 'section-name':
      return { markdown: sectionHover(analysis, node.section), range: node.section.nameRange };
    case 'key':
    case 'value':
    case 'continuation':
      if (!node.section) return null;
      return {
        markdown: keyHover(analysis, file, node.section, node.entry, uriOf),
        range: node.kind === 'key' ? node.entry.keyRange : node.entry.valueRange,
      };
    default:
      return null;
  }
}

function sectionHover(analysis: Analysis, section: CfgSection): string {
  const lines = [`**[${section.name}]**`];
  const cls = sectionClass(analysis, section.name);
  const known = knownUnmodelledSection(section.name.toLowerCase());
  if (cls?.ok) {
    lines.push(`Builds \`${cls.value.className}\` (\`${cls.value.classPath}\`). ${firstSentence(cls.value.docs)}`);
    const sections = sectionsOfObject(analysis, section.name);
    if (sections && sections.length > 1)
      lines.push(`Its object reads, highest priority first: ${sections.map((s) => `\`[${s}]\``).join(', ')}.`);
  } else if (known) {
    lines.push(`${known.description} Its keys are not checked by the editor.`);
  } else if (cls && !cls.ok) {
    lines.push('Its class is not one the editor models (a plugin class or your own): its keys are not checked.');
  }
  const built = builtSections(analysis).has(section.name.toLowerCase());
  lines.push(
    built
      ? '`dbnd run` reads this section for the enabled environments and their engines.'
      : 'No enabled environment builds an object from this section: dbnd reports its errors only when something builds it.',
  );
  return lines.join('\n\n');
}

const SET_ASIDE =
  '**This line is set aside:** dbnd cannot load the file because of it (see its error), so the effective value is read as if the line were not there.';

/** A markdown link to the file and line a value comes from, or its words when there is no file to open. */
export function fromMarkdown(from: ValueFrom, uriOf: UriOfPath | undefined): string {
  const uri = from.file && uriOf?.(from.file.path);
  if (!from.file || !uri) return from.text;
  const label = from.text.replace(/[\\[\]]/g, (c) => `\\${c}`);
  const target = `${uri.split('#')[0]}#L${from.file.line + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${label}](${target})`;
}

function keyHover(
  analysis: Analysis,
  file: ProjectFile,
  section: CfgSection,
  entry: CfgEntry,
  uriOf: UriOfPath | undefined,
): string {
  const special = specialKey(entry.key);
  if (special) return `**${special.name}**\n\n${special.docs}`;
  const cls = sectionClass(analysis, section.name);
  const param = cls?.ok ? paramOf(cls.value, entry.key) : undefined;
  const parts: string[] = [];
  if (param && cls?.ok) {
    parts.push(
      `**${param.name}**: \`${keyDetail(param, cls.value)}\` — ${cls.value.className}`,
      keyDocumentation(param),
    );
  } else if (cls?.ok) {
    const obsolete = obsoleteKey(cls.value.family, entry.key);
    const legacy = legacyKeyOf(cls.value, entry.key);
    if (obsolete)
      parts.push(
        `**${entry.key}**: not a key of ${cls.value.className} any more; use \`${obsolete.replacement}\`.`,
        obsolete.docs,
      );
    else if (legacy)
      parts.push(
        `**${entry.key}**: a key of older dbnd${legacy.movedTo ? `, now \`${legacy.movedTo}\`` : ''}.`,
        legacy.docs,
      );
    else parts.push(`**${entry.key}**: not a key of ${cls.value.className}; dbnd warns about it and ignores it.`);
  } else if (cls) {
    parts.push(`**${entry.key}**: the class of [${section.name}] is not modelled, so this key is not checked.`);
  } else {
    parts.push(`**${entry.key}**: the project's files do not load, so the class of [${section.name}] is unknown.`);
  }
  const setAside = analysis.isSetAside(file, entry.keyRange.start.line);
  const effective = effectiveValue(analysis, section.name, param, entry.key, { path: file.path, entry });
  if (effective) {
    const from = effective.from.map((f) => fromMarkdown(f, uriOf)).join(' + ');
    let text = `**Effective for [${section.name}]:** \`${effective.text}\` from ${from}`;
    if (effective.error) text += `\n\ndbnd fails to parse it: ${effective.error}`;
    else if (setAside) text += `\n\n${SET_ASIDE}`;
    else if (!effective.thisLineWins) text += `\n\n**This line is overridden:** the value comes from ${from}.`;
    parts.push(text);
  } else if (setAside) parts.push(SET_ASIDE);
  return parts.join('\n\n');
}
