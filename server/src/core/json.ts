// The one JSON type of the core: parsed dbnd values (hjson output, `List[str]` leaves already str()-ed),
// engine values handed to the pod renderer, and the pod request body.

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A JSON object under construction (the pod body, a merged template): its keys may be assigned. */
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
