// The result of parsing one value: the parsed value, or the exception dbnd would raise (its Python type name
// and message), never a thrown error.

export interface ParseFailure {
  readonly ok: false;
  /** Python exception class dbnd raises, e.g. `ValueError`, `HjsonDecodeError`, `ParameterError`. */
  readonly type: string;
  readonly message: string;
}

export interface ParseSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

export type ParseOutcome<T> = ParseSuccess<T> | ParseFailure;

export function success<T>(value: T): ParseSuccess<T> {
  return { ok: true, value };
}

export function failure(type: string, message: string): ParseFailure {
  return { ok: false, type, message };
}
