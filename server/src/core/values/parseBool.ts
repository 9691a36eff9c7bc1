// dbnd's parse_bool (dbnd/_core/utils/basics/helpers.py): case-insensitive t/true/yes/1 and f/false/no/0,
// and everything after a `#` is ignored (the only type where an inline comment is harmless).
import { type DbndResult, fail, ok } from '../result';
import { pyStrip } from '../python';

const TRUE_WORDS = new Set(['t', 'true', 'yes', '1']);
const FALSE_WORDS = new Set(['f', 'false', 'no', '0']);

export function parseBool(text: string): DbndResult<boolean> {
  let val = pyStrip(text.toLowerCase());
  const hash = val.indexOf('#');
  if (hash >= 0) val = pyStrip(val.slice(0, hash));
  if (TRUE_WORDS.has(val)) return ok(true);
  if (FALSE_WORDS.has(val)) return ok(false);
  return fail('ValueError', `Can't parse '${text}' as boolean`);
}
