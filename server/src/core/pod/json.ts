// The JSON form of parsed dbnd values (FORMAT.md §5.2) and of the pod request body.

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's truth value of a JSON-shaped value: None, False, 0, '', [] and {} are false. */
export function pyTruthy(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** A deep copy, so later steps never alias a value of the engine or of the template (Python deep-copies too). */
export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** A JSON object from a Python-ordered dict. Integer-like keys move to the front in JS; order is not compared. */
export function mapToObject(map: ReadonlyMap<string, Json>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of map) out[k] = v;
  return out;
}
