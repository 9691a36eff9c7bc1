// The one result type of the core: a value, or the Python exception dbnd would raise at that point. Every
// step that can fail the way dbnd fails (reading a value, building a config object, loading the files,
// rendering the pod, shlex.split, int()) returns it instead of throwing, so callers decide how to report.

/** An exception as dbnd would raise it: the Python class name (`ValueError`, `DatabandConfigError`) and message. */
export interface PythonError {
  readonly type: string;
  readonly message: string;
}

/**
 * A value, or dbnd's error. `E` narrows the error for steps that know more about it (the resolver's
 * `BuildError` adds the failing parameter and where it was written); it is always a `PythonError`.
 */
export type DbndResult<T, E extends PythonError = PythonError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failure carrying `error` as is (for errors richer than a type and a message). */
export function failWith<E extends PythonError>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** dbnd raises `type(message)`. */
export function fail(type: string, message: string): { readonly ok: false; readonly error: PythonError } {
  return { ok: false, error: { type, message } };
}
