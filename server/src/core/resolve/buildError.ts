// An exception dbnd would raise while building config objects, as data: the Python class name, dbnd's message,
// the nested exception, and (our addition) where in the user's files the offending value was written.
import type { ValueOrigin } from '../config/configValue';
import type { PythonError } from '../result';

/** The error of a build step (`DbndResult<T, BuildError>`): a `PythonError` that knows where it came from. */
export interface BuildError extends PythonError {
  /** The exceptions dbnd chains under this one (`nested_exceptions`), e.g. the parser's ValueError. */
  readonly nested?: readonly PythonError[];
  /** The parameter whose value failed, when there is one. */
  readonly param?: string;
  /** Where the failing value (or the `_from`/`_type` that caused the error) was written. */
  readonly origin?: ValueOrigin;
  /** For dbnd's RecursionError on a `_type`/`_from` cycle: the sections of the cycle, from the one built (dbnd's
   *  message does not name them; the lint's does). */
  readonly cycle?: readonly string[];
}

/** dbnd's `safe_string(value, 100)` for messages: long values are cut. */
export function safeString(value: string, maxLength = 100): string {
  return value.length > maxLength ? `${value.slice(0, maxLength)}... (${value.length - maxLength} more)` : value;
}
