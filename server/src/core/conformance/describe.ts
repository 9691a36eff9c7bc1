// The conformance report's shapes (FORMAT.md §5): config objects, warnings and errors as JSON.
import type { ValueOrigin } from '../config/configValue';
import type { BuildError } from '../resolve/buildError';
import type { ConfigObject } from '../resolve/buildConfigObject';
import type { UnknownKeyWarning } from '../resolve/unknownKeys';
import type { Json } from '../json';

/** Where a value was written, for people: `path:line` for files, the variable for DBND__ env vars. */
function originText(origin: ValueOrigin): string | undefined {
  if (origin.kind === 'file') return `${origin.path}:${origin.keyRange.start.line + 1}`;
  if (origin.kind === 'environ') return `$${origin.variable}`;
  return undefined;
}

/** `withProvenance` adds `defined_at` (file:line or $VARIABLE of each contributing value); off for conformance. */
export function describeObject(obj: ConfigObject, withProvenance = false): Json {
  const params: Record<string, Json> = {};
  for (const [name, p] of obj.params) {
    const definedAt = withProvenance ? p.origins.map(originText).filter((t): t is string => t !== undefined) : [];
    params[name] = {
      type: p.type,
      value: p.value,
      source: p.source,
      ...(p.system ? { system: true } : {}),
      ...(definedAt.length > 0 ? { defined_at: definedAt } : {}),
    };
  }
  return {
    name: obj.name,
    class: obj.cls.className,
    class_path: obj.cls.classPath,
    task_family: obj.cls.family,
    sections: [...obj.sections],
    params,
  };
}

export function describeWarning(w: UnknownKeyWarning): Json {
  return { object: w.object, kind: w.kind, class: w.className, level: w.level, section: w.section, key: w.key, source: w.source, message: w.message };
}

/** Unknown-key warnings de-duplicated by (object, section, key, level), first occurrence kept. */
export function uniqueWarnings(warnings: readonly UnknownKeyWarning[]): UnknownKeyWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const id = JSON.stringify([w.object, w.section, w.key, w.level]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function describeError(stage: string, error: BuildError): Json {
  return {
    stage,
    type: error.type,
    message: error.message,
    ...(error.nested ? { nested: error.nested.map((n) => ({ type: n.type, message: n.message })) } : {}),
  };
}
