// hjson as dbnd's json_utils.loads uses it, made cheap for the language server, which reads the same JSON values
// on every keystroke: a value that is plain JSON is parsed by the native JSON.parse (hjson is a superset of JSON
// and agrees with it there, except for the two cases below), and each text's result is remembered, frozen, so
// an unchanged value is never parsed twice. hjson-js, which the core follows, is kept for everything else.
import Hjson from 'hjson';
import type { Json } from '../json';
import { type DbndResult, fail, ok } from '../result';
import { ownCopy } from '../reader/ownCopy';

/**
 * Python's hjson decoder calls itself twice per `[`/`{` level, so Python's default recursion limit (1000) is
 * used up at about 500 levels (earlier by the frames dbnd itself has on the stack): dbnd fails with
 * RecursionError there. Deeper values stop here with the same error, before the JS parser's own recursion.
 */
export const MAX_HJSON_NESTING = 500;

/**
 * Results kept, the oldest dropped first. A lint reads each JSON value several times in a row (its type check
 * and each pitfall check), and an edit changes a few: a few thousand cover both without keeping every value of
 * a 100k-line project alive (the entry memo already answers for unchanged entries).
 */
const REMEMBERED = 4096;
/** Longer texts are parsed each time (they are rare, and keeping them would cost memory). */
const REMEMBERED_MAX_LENGTH = 64 * 1024;

const remembered = new Map<string, DbndResult<Json>>();

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

/**
 * Freezes a parsed value in place (a remembered result is shared by every caller) and tells whether all its
 * numbers are finite: hjson-js reads a number that overflows (`1e999`) as the start of a quoteless string,
 * where JSON.parse gives Infinity.
 */
function freezeFinite(value: Json): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  let finite = true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) finite = freezeFinite(item) && finite;
  Object.freeze(value);
  return finite;
}

/** The value when `text` is plain JSON on which hjson-js and JSON.parse agree; undefined otherwise. */
function parsePlainJson(text: string): Json | undefined {
  // hjson-js assigns a `__proto__` key (it sets the prototype); JSON.parse makes it an own key.
  if (text.includes('__proto__')) return undefined;
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  return freezeFinite(value) ? value : undefined;
}

function parseUncached(text: string): DbndResult<Json> {
  // A text can nest no deeper than it has characters: shorter ones (nearly all) skip the scan.
  if (text.length > MAX_HJSON_NESTING && bracketNesting(text) > MAX_HJSON_NESTING) {
    return fail(
      'RecursionError',
      `maximum recursion depth exceeded while decoding a JSON value nested more than ${MAX_HJSON_NESTING} levels deep`,
    );
  }
  const plain = parsePlainJson(text);
  if (plain !== undefined) return ok(plain);
  try {
    const value = Hjson.parse(text) as Json;
    freezeFinite(value);
    return ok(value);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return fail('HjsonDecodeError', message);
  }
}

/** hjson as dbnd's json_utils.loads uses it; errors come back as HjsonDecodeError. The value is frozen. */
export function parseHjson(text: string): DbndResult<Json> {
  const known = remembered.get(text);
  if (known) return known;
  const result = parseUncached(text);
  if (text.length <= REMEMBERED_MAX_LENGTH) {
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    // A copy as the key: `text` is often a slice of a whole document, which the key would otherwise keep alive.
    remembered.set(ownCopy(text), result);
  }
  return result;
}
