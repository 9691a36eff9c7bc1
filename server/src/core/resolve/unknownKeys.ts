// dbnd's validate_no_extra_params: every key found in any section of the object's list (merged view of all
// layers) that is not a parameter of the class, except `_type`, `_from` and `*__target`.
import type { ConfigLayer } from '../config/configLayers';
import type { ValueOrigin } from '../config/configValue';
import { isExemptFromUnknownKeyCheck, paramOf } from '../schema';
import type { ConfigClassSchema } from '../schema/types';

export interface UnknownKeyWarning {
  /** The object's name (its section as the user wrote it). */
  readonly object: string;
  readonly kind: ConfigClassSchema['kind'];
  readonly className: string;
  readonly level: string;
  /** The section of the object's list where the key was found. */
  readonly section: string;
  readonly key: string;
  readonly source: string;
  readonly origin: ValueOrigin;
  readonly message: string;
}

export function findUnknownKeys(
  objectName: string,
  cls: ConfigClassSchema,
  sections: readonly string[],
  layer: ConfigLayer,
  level: string,
): UnknownKeyWarning[] {
  if (level === 'disabled') return [];
  const warnings: UnknownKeyWarning[] = [];
  for (const section of sections) {
    const entries = layer.merged.section(section);
    if (!entries) continue;
    for (const [key, cv] of entries) {
      if (isExemptFromUnknownKeyCheck(key) || paramOf(cls, key)) continue;
      warnings.push({
        object: objectName,
        kind: cls.kind,
        className: cls.className,
        level,
        section,
        key,
        source: cv.source,
        origin: cv.origin,
        message: `Unknown parameter '${key}' (source: ${cv.source}) in config for section [${objectName}]`,
      });
    }
  }
  return warnings;
}
