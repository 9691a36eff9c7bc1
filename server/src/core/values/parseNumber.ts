// Python's int() and float() on a string, which is all dbnd does for int/float parameters: surrounding
// whitespace is allowed, `_` between digits is allowed, leading zeros are allowed (`007`), any Unicode decimal
// digit counts (docs/dbnd-rules.md §1.2), an inline `# comment` is not.
import { type DbndResult, fail, ok } from '../result';
import { pyIntFromString, pyNumericText, pyRepr } from '../python';

const FLOAT_PATTERN =
  /^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.?[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

export function parseInt10(text: string): DbndResult<number> {
  return pyIntFromString(text);
}

export function parseFloat64(text: string): DbndResult<number> {
  const s = pyNumericText(text);
  if (FLOAT_SPECIAL.test(s)) {
    const negative = s.startsWith('-');
    return ok(/nan/i.test(s) ? NaN : negative ? -Infinity : Infinity);
  }
  if (!FLOAT_PATTERN.test(s)) return fail('ValueError', `could not convert string to float: ${pyRepr(text)}`);
  return ok(Number(s.replace(/_/g, '')));
}
