// One value in dbnd's layered config (dbnd's ConfigValue): the raw value (a string from a file, env var or
// --set; an object from task_config), where it came from, its priority, and whether it extends the value
// below it instead of replacing it.
import type { Range } from '../text/range';
import type { Json } from '../json';

export const Priority = { FALLBACK: 10, NORMAL: 50, OVERRIDE: 100 } as const;

/** Where a value was written, for "go to definition", hovers and diagnostics at the right line. */
export type ValueOrigin =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly keyRange: Range;
      readonly valueRange: Range;
      readonly sectionName: string;
    }
  | { readonly kind: 'environ'; readonly variable: string }
  | { readonly kind: 'cli'; readonly flag: string }
  | { readonly kind: 'task_config' }
  | { readonly kind: 'computed' };

export interface ConfigValue {
  readonly value: Json;
  /** dbnd's own source string: `config[databand-system.cfg]`, `environ[NAMESPACE]`, `--set`, ... */
  readonly source: string;
  readonly priority: number;
  readonly extend: boolean;
  readonly origin: ValueOrigin;
}

export function configValue(
  value: Json,
  source: string,
  origin: ValueOrigin,
  options: { priority?: number; extend?: boolean } = {},
): ConfigValue {
  return { value, source, origin, priority: options.priority ?? Priority.NORMAL, extend: options.extend ?? false };
}
