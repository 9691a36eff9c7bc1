// Python's int() and float() on a string, which is all dbnd does for int/float parameters: surrounding
// whitespace is allowed, `_` between digits is allowed, an inline `# comment` is not.
import { type ParseOutcome, failure, success } from './parseOutcome';
import { pyRepr, pyStrip } from '../python';

const INT_PATTERN = /^[+-]?(?:0(?:_?0)*|[1-9](?:_?[0-9])*)$/;
const FLOAT_PATTERN =
  /^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.?[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$/;
const FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

export function parseInt10(text: string): ParseOutcome<number> {
  const s = pyStrip(text);
  if (!INT_PATTERN.test(s)) {
    return failure('ValueError', `invalid literal for int() with base 10: ${pyRepr(text)}`);
  }
  return success(Number(s.replace(/_/g, '')));
}

export function parseFloat64(text: string): ParseOutcome<number> {
  const s = pyStrip(text);
  if (FLOAT_SPECIAL.test(s)) {
    const negative = s.startsWith('-');
    return success(/nan/i.test(s) ? NaN : negative ? -Infinity : Infinity);
  }
  if (!FLOAT_PATTERN.test(s)) return failure('ValueError', `could not convert string to float: ${pyRepr(text)}`);
  return success(Number(s.replace(/_/g, '')));
}
