// Checks of each key written in a section of a known class: unknown keys (as dbnd's validate_no_extra_params
// warns), obsolete keys, keys nothing reads, and values that do not parse as the key's type (dbnd fails the
// build with DatabandBuildError when such a value wins).
import type { CfgEntry } from '../reader';
import type { EntryFacts } from './checkedEntries';
import { isExemptFromUnknownKeyCheck, legacyKeyOf, obsoleteKey } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import { type ValueParseContext, parseParameterValue } from '../values/parseValue';
import { closestName } from './didYouMean';
import { nearMissValue } from './nearMissValues';
import { NO_DIAGNOSTICS, type CoreDiagnostic } from './types';
import type { Environment } from '../environment';
import { HOME_FILE_KEYS } from '../config/discovery';

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

/**
 * `[databand] dbnd_home/dbnd_system/dbnd_config` of a tox.ini or setup.cfg: dbnd's bootstrap reads them to find
 * DBND_HOME, DBND_SYSTEM and DBND_CONFIG (docs/dbnd-rules.md §1.5); they are not config keys, and not unknown.
 */
function isHomeFileKey(path: string, section: string, key: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (
    (base === 'setup.cfg' || base === 'tox.ini') &&
    section === 'databand' &&
    (HOME_FILE_KEYS as readonly string[]).includes(key.toLowerCase())
  );
}

/** The parse context of each environment: the same for every entry, so made once rather than per entry. A lint
 *  reads no files: an `@/path` value reads as an empty file. */
const contexts = new WeakMap<Environment, ValueParseContext>();
const noFile = () => '';

function parseContextOf(env: Environment): ValueParseContext {
  let context = contexts.get(env);
  if (!context) contexts.set(env, (context = { env, readFile: noFile }));
  return context;
}

/** Diagnostics for one entry of a section whose class is known (none for a section of unknown class). */
export function entryValueDiagnostics(checked: EntryFacts, env: Environment): readonly CoreDiagnostic[] {
  const { path, entry, cls, param } = checked;
  if (!cls || isExemptFromUnknownKeyCheck(entry.key)) return NO_DIAGNOSTICS;
  if (!param) {
    if (isHomeFileKey(path, checked.section.name, entry.key)) return NO_DIAGNOSTICS;
    // A legacy key names its new home instead (legacyKeys.ts).
    return legacyKeyOf(cls, entry.key) ? NO_DIAGNOSTICS : [unknownKey(path, entry, checked.section.name, cls)];
  }
  const out: CoreDiagnostic[] = [];
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
  // The value dbnd parses is configparser's interpolated one (`%(x)s`, `%%`), which the reader already computed.
  const text = checked.value;
  if (text === undefined) return out; // an interpolation error, reported with the syntax errors
  const parsed = parseParameterValue(text, param, parseContextOf(env));
  if (!parsed.ok) {
    const suggestion = nearMissValue(text, param);
    out.push({
      path,
      range: entry.valueRange,
      severity: 'error',
      code: 'invalid-value',
      message:
        `'${entry.key}' expects ${param.type}: ${parsed.error.message} (dbnd fails the build with DatabandBuildError)` +
        (suggestion ? `. Did you mean '${suggestion}'?` : ''),
      data: suggestion ? { replaceWith: suggestion } : undefined,
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
  return out;
}
