// configparser's BasicInterpolation (CPython 3.11), as `parser.get(section, option)` applies it when dbnd
// reads every value at load time: `%%` → `%`, `%(name)s` from the same section or [DEFAULT] (name lower-cased),
// nested up to MAX_INTERPOLATION_DEPTH. Errors carry Python's messages plus the range of the offending text.
import type { Range } from '../text/range';
import type { CfgEntry, CfgInterpolationError, PythonSection } from './model';
import { valueSpanToRange } from './valuePositions';
import { pyLower, pyRepr } from '../python';

export const MAX_INTERPOLATION_DEPTH = 10;

/** Beyond this many characters an expansion is cut short: JS strings have a hard limit and must not throw. */
const MAX_EXPANDED_LENGTH = 1 << 25;

type Lookup = (name: string) => CfgEntry | undefined;

class InterpolationFailure {
  constructor(readonly error: Omit<CfgInterpolationError, 'entry' | 'section' | 'option'>) {}
}
class ExpansionTooLarge {}

interface Context {
  readonly section: string;
  readonly option: string;
  /** Raw value of the option being read (`parser.get(..., raw=True)`), quoted in missing/depth messages. */
  readonly rawval: string;
  readonly topEntry: CfgEntry;
  readonly lookup: Lookup;
  accum: string[];
  length: number;
}

function append(ctx: Context, s: string): void {
  ctx.length += s.length;
  if (ctx.length > MAX_EXPANDED_LENGTH) throw new ExpansionTooLarge();
  ctx.accum.push(s);
}

/** `_interpolate_some`, walking `src` from an index instead of re-slicing `rest`. */
function interpolateSome(ctx: Context, src: string, owner: CfgEntry, depth: number): void {
  if (depth > MAX_INTERPOLATION_DEPTH) {
    const message =
      `Recursion limit exceeded in value substitution: option ${pyRepr(ctx.option)} in section ` +
      `${pyRepr(ctx.section)} contains an interpolation key which cannot be substituted in ` +
      `${MAX_INTERPOLATION_DEPTH} steps. Raw value: ${pyRepr(ctx.rawval)}`;
    throw new InterpolationFailure({
      code: 'interpolation-depth',
      pythonType: 'InterpolationDepthError',
      line: null,
      range: ctx.topEntry.valueRange,
      message,
    });
  }
  let pos = 0;
  const n = src.length;
  while (pos < n) {
    const p = src.indexOf('%', pos);
    if (p < 0) {
      append(ctx, pos === 0 ? src : src.slice(pos));
      return;
    }
    if (p > pos) append(ctx, src.slice(pos, p));
    pos = p;
    const c = src.charCodeAt(pos + 1);
    if (c === 0x25 /* % */) {
      append(ctx, '%');
      pos += 2;
    } else if (c === 0x28 /* ( */) {
      // _KEYCRE `%\(([^)]+)\)s`: the name runs to the first `)`, which must be followed by `s`.
      const close = src.indexOf(')', pos + 2);
      if (close < 0 || close === pos + 2 || src.charCodeAt(close + 1) !== 0x73 /* s */) {
        const lineEnd = src.indexOf('\n', pos);
        throw new InterpolationFailure({
          code: 'interpolation-syntax',
          pythonType: 'InterpolationSyntaxError',
          line: null,
          range: valueSpanToRange(owner, pos, lineEnd < 0 ? n : lineEnd),
          message: `bad interpolation variable reference ${pyRepr(src.slice(pos))}`,
        });
      }
      const name = pyLower(src.slice(pos + 2, close));
      const refRange: Range = valueSpanToRange(owner, pos, close + 2);
      pos = close + 2;
      const target = ctx.lookup(name);
      if (!target) {
        const message =
          `Bad value substitution: option ${pyRepr(ctx.option)} in section ${pyRepr(ctx.section)} ` +
          `contains an interpolation key ${pyRepr(name)} which is not a valid option name. ` +
          `Raw value: ${pyRepr(ctx.rawval)}`;
        throw new InterpolationFailure({
          code: 'interpolation-missing-option',
          pythonType: 'InterpolationMissingOptionError',
          line: null,
          range: refRange,
          message,
          reference: name,
        });
      }
      const v = target.rawValue;
      if (v.includes('%')) interpolateSome(ctx, v, target, depth + 1);
      else append(ctx, v);
    } else {
      throw new InterpolationFailure({
        code: 'interpolation-syntax',
        pythonType: 'InterpolationSyntaxError',
        line: null,
        range: valueSpanToRange(owner, pos, Math.min(pos + 2, n)),
        message: `'%' must be followed by '%' or '(', found: ${pyRepr(src.slice(pos))}`,
      });
    }
  }
}

export interface InterpolationResult {
  readonly value: string | null;
  readonly error: CfgInterpolationError | null;
}

/** `parser.get(section, option)` for one option whose raw value comes from `entry`. */
export function interpolateValue(
  section: string,
  option: string,
  entry: CfgEntry,
  lookup: Lookup,
): InterpolationResult {
  const raw = entry.rawValue;
  if (!raw.includes('%')) return { value: raw, error: null };
  const ctx: Context = { section, option, rawval: raw, topEntry: entry, lookup, accum: [], length: 0 };
  try {
    interpolateSome(ctx, raw, entry, 1);
    return { value: ctx.accum.length === 1 ? ctx.accum[0] : ctx.accum.join(''), error: null };
  } catch (e) {
    if (e instanceof InterpolationFailure) return { value: null, error: { ...e.error, section, option, entry } };
    if (e instanceof ExpansionTooLarge) return { value: ctx.accum.join(''), error: null };
    throw e;
  }
}

/** A section's own keys' entries by key (a Map, or a scan of a small section's entries). */
export interface OwnEntries {
  get(key: string): CfgEntry | undefined;
}

interface WritableOption {
  readonly key: string;
  /** The node holding `entry` (a `[DEFAULT]` node for an inherited key). */
  readonly section: { readonly isDefault: boolean };
  readonly entry: Omit<CfgEntry, 'interpolated'> & { interpolated: string | undefined };
  value: string | null;
}

/**
 * Reads every option of every section in configparser's order (`sections()` × `options(section)`), filling in
 * the values and returning the errors in the order `get()` would raise them (the first is the one Python
 * raises). A [DEFAULT] entry that fails in several sections, or text that fails for several options, is
 * reported once, at its first failure, so the editor shows one problem per cause.
 */
export function interpolateAll(
  sections: readonly PythonSection[],
  defaults: ReadonlyMap<string, { readonly entry: CfgEntry }>,
  /** Per section (by index), its own keys' entries (the later duplicate winning): `get()`'s lookup before
   *  [DEFAULT], one map per section instead of one per step. Asked for only when a value needs it (a `%`). */
  ownEntries: (section: number) => OwnEntries,
  /** Sections whose values are known already (set on their options) and raise nothing: an edit's assembly
   *  reused them with the same [DEFAULT] and none of their values failed. Only their entries' `interpolated`
   *  is set again, and their [DEFAULT] options read again (a [DEFAULT] entry's `interpolated` is the value the
   *  last section reading it got). */
  known?: (section: number) => boolean,
): CfgInterpolationError[] {
  const errors: CfgInterpolationError[] = [];
  const reportedDefaults = new Set<CfgEntry>();
  // Several options can fail on the same text (a bad DEFAULT value read through a reference and on its own).
  const reportedAt = new Set<string>();
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    let ownMap: OwnEntries | undefined;
    const own = () => (ownMap ??= ownEntries(s));
    const lookup: Lookup = (name) => own().get(name) ?? defaults.get(name)?.entry;
    const options = section.options as readonly WritableOption[];
    const valuesKnown = known?.(s) ?? false;
    for (let k = 0; k < options.length; k++) {
      const option = options[k];
      if (valuesKnown && !option.section.isDefault) {
        option.entry.interpolated = option.value as string;
        continue;
      }
      const raw = option.entry.rawValue;
      if (!raw.includes('%')) {
        option.value = raw;
        option.entry.interpolated = raw;
        continue;
      }
      const result = interpolateValue(section.name, option.key, option.entry, lookup);
      option.value = result.value;
      if (result.value !== null) option.entry.interpolated = result.value;
      if (!result.error) continue;
      // An option not among the section's own entries is a [DEFAULT] one, reported at its first failure.
      if (own().get(option.key) !== option.entry) {
        if (reportedDefaults.has(option.entry)) continue;
        reportedDefaults.add(option.entry);
      }
      const r = result.error.range;
      const at = `${result.error.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      if (reportedAt.has(at)) continue;
      reportedAt.add(at);
      errors.push(result.error);
    }
  }
  return errors;
}
