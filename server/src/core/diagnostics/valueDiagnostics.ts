// Checks of each key written in a section of a known class: unknown keys (as dbnd's validate_no_extra_params
// warns), obsolete keys, keys nothing reads, and values that do not parse as the key's type (dbnd fails the
// build with DatabandBuildError when such a value wins).
import type { CfgDocument, CfgEntry } from '../reader';
import { isExemptFromUnknownKeyCheck, legacyKeyOf, obsoleteKey, paramOf } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import { parseParameterValue } from '../values/parseValue';
import { closestName } from './didYouMean';
import type { CoreDiagnostic } from './types';
import type { Environment } from '../environment';

function unknownKey(path: string, entry: CfgEntry, section: string, cls: ConfigClassSchema): CoreDiagnostic {
  // Obsolete only for the class it belonged to: `[docker] pod_retry_delay` was never a docker key.
  const obsolete = obsoleteKey(cls.family, entry.key);
  if (obsolete) {
    return {
      path,
      range: entry.keyRange,
      severity: 'warning',
      code: 'obsolete-key',
      message: `'${entry.key}' is not a key of ${cls.className} any more, dbnd ignores it (with a warning). ${obsolete.docs}`,
      tags: ['deprecated'],
      data: obsolete.replacement ? { replaceKeyWith: obsolete.replacement } : undefined,
    };
  }
  const suggestion = closestName(
    entry.key,
    cls.params.map((p) => p.name),
  );
  return {
    path,
    range: entry.keyRange,
    severity: 'warning',
    code: 'unknown-key',
    message:
      `Unknown key '${entry.key}' in [${section}] (${cls.className}); dbnd warns and ignores it.` +
      (suggestion ? ` Did you mean '${suggestion}'?` : ''),
    data: suggestion ? { replaceKeyWith: suggestion } : undefined,
  };
}

/** Diagnostics for every entry of the sections of `doc` whose class is known. */
export function valueDiagnostics(
  doc: CfgDocument,
  path: string,
  classOf: (sectionName: string) => ConfigClassSchema | undefined,
  env: Environment,
): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  // The value dbnd parses is configparser's interpolated one (`%(x)s`, `%%`), which the reader already computed.
  const interpolated = new Map<CfgEntry, string>();
  for (const ps of doc.parser.sections)
    for (const o of ps.options) if (o.value !== null) interpolated.set(o.entry, o.value);
  for (const section of doc.sections) {
    if (section.isDefault) continue;
    const cls = classOf(section.name);
    if (!cls) continue;
    for (const entry of section.entries) {
      if (isExemptFromUnknownKeyCheck(entry.key)) continue;
      const param = paramOf(cls, entry.key);
      if (!param) {
        // A legacy key names its new home instead (legacyKeys.ts).
        if (!legacyKeyOf(cls, entry.key)) out.push(unknownKey(path, entry, section.name, cls));
        continue;
      }
      if (param.unused) {
        out.push({
          path,
          range: entry.keyRange,
          severity: 'hint',
          code: 'unused-key',
          message: `dbnd never reads '${entry.key}': ${param.unused}`,
          tags: ['unnecessary'],
        });
      }
      if (param.deprecated) {
        out.push({
          path,
          range: entry.keyRange,
          severity: 'warning',
          code: 'deprecated-key',
          message: param.deprecated,
          tags: ['deprecated'],
        });
      }
      const text = interpolated.get(entry);
      if (text === undefined) continue; // an interpolation error, reported with the syntax errors
      const parsed = parseParameterValue(text, param, { env, readFile: () => '' });
      if (!parsed.ok) {
        out.push({
          path,
          range: entry.valueRange,
          severity: 'error',
          code: 'invalid-value',
          message: `'${entry.key}' expects ${param.type}: ${parsed.error.message} (dbnd fails the build with DatabandBuildError)`,
        });
      } else if (param.validator === 'NonEmptyString' && parsed.value === '') {
        out.push({
          path,
          range: entry.valueRange,
          severity: 'error',
          code: 'empty-value',
          message: `'${entry.key}' must not be empty (dbnd: "has empty string value")`,
        });
      }
    }
  }
  return out;
}
