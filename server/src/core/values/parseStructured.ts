// dbnd's Dict and List value types (targets/values/structure.py). A value whose stripped text starts with
// `{`, `[` or `@` is parsed with hjson (not Python literals); otherwise Dict takes `k=v k2="v 2"` words and
// List a plain comma split with no trimming. The hjson path does no shape check: `labels = [1, 2]` parses.
import Hjson from 'hjson';
import { type DbndResult, fail, ok } from '../result';
import type { Json } from '../json';
import { pyStr, pyStrip } from '../python';
import { splitArgs } from './splitArgs';

export type StructureKind = 'Dict' | 'List';

const HJSON_PREFIXES = '@{[';

/**
 * Python's hjson decoder calls itself twice per `[`/`{` level, so Python's default recursion limit (1000) is
 * used up at about 500 levels (earlier by the frames dbnd itself has on the stack): dbnd fails with
 * RecursionError there. Deeper values stop here with the same error, before the JS parser's own recursion.
 */
export const MAX_HJSON_NESTING = 500;

/** The deepest `[`/`{` nesting outside quoted strings (a linear scan, no recursion). */
function bracketNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ']' || ch === '}') depth--;
  }
  return max;
}

/** hjson as dbnd's json_utils.loads uses it; errors come back as HjsonDecodeError. */
export function parseHjson(text: string): DbndResult<Json> {
  if (bracketNesting(text) > MAX_HJSON_NESTING) {
    return fail(
      'RecursionError',
      `maximum recursion depth exceeded while decoding a JSON value nested more than ${MAX_HJSON_NESTING} levels deep`,
    );
  }
  try {
    return ok(Hjson.parse(text) as Json);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return fail('HjsonDecodeError', message);
  }
}

/** dbnd's `unquote`: drops the first and last character when the text starts and ends with the same quote. */
function unquote(text: string): string {
  if (text.length > 0 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    return text.slice(1, -1);
  }
  return text;
}

function parseKeyValueWords(text: string): DbndResult<Json> {
  const words = splitArgs(text);
  if (!words.ok) return words;
  const result: Record<string, Json> = {};
  for (const word of words.value) {
    const eq = word.indexOf('=');
    if (eq < 0) return fail('ValueError', `Failed to parse '${word}', expected format is KEY=VALUE`);
    result[pyStrip(word.slice(0, eq))] = unquote(pyStrip(word.slice(eq + 1)));
  }
  return ok(result);
}

/** `_StructureValueType.parse_from_str` before the sub-type conversion. */
export function parseStructureText(text: string, kind: StructureKind): DbndResult<Json> {
  const empty = kind === 'Dict' ? {} : [];
  const stripped = pyStrip(text);
  if (!stripped) return ok(empty);
  if (HJSON_PREFIXES.includes(stripped[0])) return parseHjson(stripped);
  return kind === 'Dict' ? parseKeyValueWords(stripped) : ok(stripped.split(','));
}

/** True when the parsed JSON has the container shape the declared type promises (dbnd never checks). */
export function hasStructureShape(value: Json, kind: StructureKind): boolean {
  if (kind === 'List') return Array.isArray(value);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `List[str]`/`Dict[str,str]`: every leaf goes through `str()`, containers are walked. None stays None for a
 * leaf's own sub-type parse; the final normalize of a value read from text (`noneAsString`) makes it 'None'.
 * dbnd declares `volumes`, `volume_mounts` and `security_context` this way, which is why `readOnly: true`
 * reaches the pod as the string 'True'.
 */
export function stringifyLeaves(value: Json, options: { readonly noneAsString?: boolean } = {}): Json {
  if (Array.isArray(value)) return value.map((v) => stringifyLeaves(v, options));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stringifyLeaves(v, options);
    return out;
  }
  return value === null && !options.noneAsString ? null : pyStr(value);
}
