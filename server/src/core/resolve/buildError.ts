// An exception dbnd would raise while building config objects, as data: the Python class name, dbnd's message,
// the nested exception, and (our addition) where in the user's files the offending value was written.
import type { ValueOrigin } from '../config/configValue';

export interface NestedError {
  readonly type: string;
  readonly message: string;
}

export interface BuildError {
  readonly type: string;
  readonly message: string;
  readonly nested?: readonly NestedError[];
  /** The parameter whose value failed, when there is one. */
  readonly param?: string;
  /** Where the failing value (or the `_from`/`_type` that caused the error) was written. */
  readonly origin?: ValueOrigin;
}

/** Result of a build step: a value, or the error that stops dbnd. */
export type Built<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BuildError };

export function built<T>(value: T): Built<T> {
  return { ok: true, value };
}

export function buildFailure(error: BuildError): Built<never> {
  return { ok: false, error };
}

/** dbnd's `safe_string(value, 100)` for messages: long values are cut. */
export function safeString(value: string, maxLength = 100): string {
  return value.length > maxLength ? `${value.slice(0, maxLength)}... (${value.length - maxLength} more)` : value;
}
