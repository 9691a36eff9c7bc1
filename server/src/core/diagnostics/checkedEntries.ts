// The entries of one file with what the pitfall checks need: the section's class when it is known, the key's
// parameter, and the value configparser hands dbnd (after `%` interpolation). One walk shared by the checks in
// this folder, so each check is a small function over one entry.
import type { CfgDocument, CfgEntry, CfgSection } from '../reader';
import { pyStrip, skipPySpace } from '../python/strMethods';
import { valueSpanToRange } from '../reader/valuePositions';
import type { Json } from '../json';
import type { ConfigClassSchema, ParamSchema } from '../schema/types';
import type { Range } from '../text/range';
import type { Environment } from '../environment';
import { expandEnvVar } from '../values/expandVars';
import { parseHjson } from '../values/hjson';
import type { DbndResult } from '../result';
import { ownCopy } from '../reader/ownCopy';

/**
 * What a check of one entry may read: the entry, its section's name and class, the file's path and the value
 * configparser hands dbnd. Nothing else of the document: the language server remembers these checks' answers
 * per entry (entryDiagnosticsMemo.ts keys them on exactly this), so a check that needs more is a project check.
 */
export interface EntryFacts {
  readonly path: string;
  readonly section: { readonly name: string };
  readonly entry: CfgEntry;
  /** The class the section builds, when the core models it. */
  readonly cls: ConfigClassSchema | undefined;
  /** The parameter `entry.key` sets, when the class has one by that name. */
  readonly param: ParamSchema | undefined;
  /** configparser's value (after `%` interpolation); undefined when reading it raises. */
  readonly value: string | undefined;
}

/** An entry with the document and section it is in, for the checks that read the rest of the project. */
export interface CheckedEntry extends EntryFacts {
  readonly doc: CfgDocument;
  readonly section: CfgSection;
}

/** dbnd parses a Dict/List value with hjson when its stripped text starts with `{`, `[` (or `@`, a file). */
export function looksLikeJson(value: string): boolean {
  // The first character of `pyStrip(value)`, found without cutting the stripped copy (every entry asks this).
  const first = value.charCodeAt(skipPySpace(value, 0, value.length));
  return first === 0x7b /* { */ || first === 0x5b /* [ */;
}

/** The value as dbnd hands it to hjson: `$VAR`-expanded and stripped. */
export function jsonText(value: string, env: Environment): string {
  return pyStrip(expandEnvVar(value, env).value);
}

/** hjson's reading of a JSON-looking value, or undefined when the value does not start like JSON. */
export function parsedJson(checked: EntryFacts, env: Environment): DbndResult<Json> | undefined {
  if (checked.value === undefined || !looksLikeJson(checked.value)) return undefined;
  return parseHjson(jsonText(checked.value, env));
}

/** Compiled member patterns by key: the same few keys (`type`, `retry_delay`, a label's name) are searched in
 *  every section; a pattern is used by one synchronous exec at a time, so sharing it (and its lastIndex) is safe. */
const memberPatterns = new Map<string, RegExp>();
/** Bounded: keys come from the user's values; past this many, new keys are compiled each time. */
const MEMBER_PATTERNS_KEPT = 1024;

/** The pattern of `key` as a JSON member (quoted or not, then `:` and its value), compiled now. */
export function compileMemberPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(["']?)${escaped}\\1\\s*:\\s*[^,}\\]\\n]*`, 'g');
}

function memberPattern(key: string): RegExp {
  let re = memberPatterns.get(key);
  if (!re) {
    re = compileMemberPattern(key);
    if (memberPatterns.size < MEMBER_PATTERNS_KEPT) memberPatterns.set(ownCopy(key), re);
  }
  return re;
}

/**
 * Where `needle` (a JSON key, quoted or not, followed by `:`) sits in the value as written, searching from
 * `from` (an offset into `entry.rawValue`); the range covers the key and its value up to `,`, `}` or the line end.
 */
export function findJsonMember(entry: CfgEntry, key: string, from = 0): { range: Range; end: number } | undefined {
  const re = memberPattern(key);
  re.lastIndex = from;
  const m = re.exec(entry.rawValue);
  if (!m) return undefined;
  const text = m[0].replace(/\s+$/, '');
  return { range: valueSpanToRange(entry, m.index, m.index + text.length), end: m.index + m[0].length };
}

/** True for JSON objects (not arrays, not null). */
export function isObject(value: Json | undefined): value is { readonly [key: string]: Json } {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Offsets (in `rawValue`) where each item of a top-level JSON list starts, brackets inside strings ignored:
 * lets a check search an item's members from the item's own start.
 */
export function listItemOffsets(rawValue: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < rawValue.length; i++) {
    const ch = rawValue[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (depth === 1) offsets.push(i);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return offsets;
}
