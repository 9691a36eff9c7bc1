// Python's truth value, which dbnd's `if value:` tests apply to parameter values.
import { isJsonObject, type Json } from '../json';

/** `bool(value)`: None, False, 0, '', [] and {} are false; a missing value (`undefined`) is None. */
export function pyTruthy(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}
