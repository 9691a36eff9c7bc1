// dbnd's parse_bool (dbnd/_core/utils/basics/helpers.py): case-insensitive t/true/yes/1 and f/false/no/0,
// and everything after a `#` is ignored (the only type where an inline comment is harmless).
import { type DbndResult, fail, ok } from '../result';
import { pyStrip } from '../python';

const TRUE_WORDS = new Set(['t', 'true', 'yes', '1']);
const FALSE_WORDS = new Set(['f', 'false', 'no', '0']);

const TRUE: DbndResult<boolean> = Object.freeze(ok(true));
const FALSE: DbndResult<boolean> = Object.freeze(ok(false));

/**
 * The spellings nearly every boolean value has, answered without lower-casing and stripping a copy (a big project
 * has tens of thousands of them). Each gives what the full parse gives (the test checks every one against it).
 */
export const COMMON_BOOL_SPELLINGS: ReadonlyMap<string, DbndResult<boolean>> = new Map(
  [...TRUE_WORDS, ...FALSE_WORDS].flatMap((word) => {
    const answer = TRUE_WORDS.has(word) ? TRUE : FALSE;
    const capitalised = word[0].toUpperCase() + word.slice(1);
    return [word, capitalised, word.toUpperCase()].map((spelling) => [spelling, answer] as const);
  }),
);

export function parseBool(text: string): DbndResult<boolean> {
  return COMMON_BOOL_SPELLINGS.get(text) ?? parseBoolInFull(text);
}

/** parse_bool step by step (the reference COMMON_BOOL_SPELLINGS is checked against). */
export function parseBoolInFull(text: string): DbndResult<boolean> {
  let val = pyStrip(text.toLowerCase());
  const hash = val.indexOf('#');
  if (hash >= 0) val = pyStrip(val.slice(0, hash));
  if (TRUE_WORDS.has(val)) return ok(true);
  if (FALSE_WORDS.has(val)) return ok(false);
  return fail('ValueError', `Can't parse '${text}' as boolean`);
}
