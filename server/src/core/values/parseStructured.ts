// dbnd's Dict and List value types (targets/values/structure.py). A value whose stripped text starts with
// `{`, `[` or `@` is parsed with hjson (not Python literals); otherwise Dict takes `k=v k2="v 2"` words and
// List a plain comma split with no trimming. The hjson path does no shape check: `labels = [1, 2]` parses.
import { type DbndResult, fail, ok } from '../result';
import type { Json } from '../json';
import { pyStr, pyStrip } from '../python';
import { splitArgs } from './splitArgs';
import { parseHjson } from './hjson';

export type StructureKind = 'Dict' | 'List';

const HJSON_PREFIXES = '@{[';

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
