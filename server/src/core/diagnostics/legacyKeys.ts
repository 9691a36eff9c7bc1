// Keys older dbnd read and dbnd 1.0.28 ignores (with an unknown-key warning): they name their new home instead
// of a "did you mean" guess. `[core] environments` gets more: the list moved to `[run] environments`
// (docs/dbnd-rules.md §1.8), so the environments listed only in `[core]` are not enabled and `dbnd run --env`
// with one of them fails — even though dbnd's message sends the user back to `[core]environments`.
import { legacyKeyOf } from '../schema';
import type { LegacyKeySchema } from '../schema/types';
import type { Environment } from '../environment';
import { parseParameterValue } from '../values/parseValue';
import type { CheckedEntry, EntryFacts } from './checkedEntries';
import type { EnabledObjects } from './enabledObjects';
import type { CoreDiagnostic, LegacyKeyFixData } from './types';

function newHome(legacy: LegacyKeySchema): LegacyKeyFixData['moveTo'] | undefined {
  const m = /^\[([^\]]+)\]\s*(\S+)$/.exec(legacy.movedTo ?? '');
  return m ? { section: m[1], key: m[2] } : undefined;
}

function coreEnvironments(
  checked: CheckedEntry,
  home: LegacyKeyFixData['moveTo'],
  enabled: EnabledObjects,
  env: Environment,
): CoreDiagnostic {
  const parsed =
    checked.value === undefined ? undefined : parseParameterValue(checked.value, { type: 'List[str]' }, { env });
  if (!parsed?.ok || !Array.isArray(parsed.value)) return unparsedCoreEnvironments(checked, enabled, parsed);
  const listed = parsed.value.map(String);
  const notEnabled = listed.filter((name) => !enabled.environments.includes(name));
  const selectedBroken = notEnabled.includes(enabled.selectedEnv);
  const names = notEnabled.map((n) => `'${n}'`).join(', ');
  const consequence =
    notEnabled.length === 0
      ? `Every environment listed here is also in [run] environments, so nothing is lost; remove or move this key.`
      : `So ${names} ${notEnabled.length === 1 ? 'is' : 'are'} not enabled: \`dbnd run --env ${notEnabled[0]}\` fails with ` +
        `"Unknown env name '${notEnabled[0]}' ... please enable it at '[core]environments'" (dbnd's message still names the ` +
        `old place).` +
        (selectedBroken
          ? ` The selected environment '${enabled.selectedEnv}' is one of them, so every run fails.`
          : '') +
        ` Move this key to [run].`;
  return {
    path: checked.path,
    range: checked.entry.keyRange,
    severity: selectedBroken ? 'error' : 'warning',
    code: 'legacy-key',
    message:
      `'environments' moved from [core] to [run] in dbnd 1.0.15; dbnd reads [run] environments ` +
      `(now ${JSON.stringify(enabled.environments)}) and ignores this key with an unknown-key warning. ${consequence}`,
    tags: ['deprecated'],
    data: { moveTo: home } satisfies LegacyKeyFixData,
  };
}

/** A `[core] environments` that is not a list dbnd could read: nothing in it is enabled, and moving it as it is
 *  would make `[run] environments` fail to parse (every run fails), so it has no move fix. */
function unparsedCoreEnvironments(
  checked: CheckedEntry,
  enabled: EnabledObjects,
  parsed: ReturnType<typeof parseParameterValue> | undefined,
): CoreDiagnostic {
  const why = parsed && !parsed.ok ? ` (${parsed.error.message})` : '';
  return {
    path: checked.path,
    range: checked.entry.keyRange,
    severity: 'warning',
    code: 'legacy-key',
    message:
      `'environments' moved from [core] to [run] in dbnd 1.0.15; dbnd reads [run] environments ` +
      `(now ${JSON.stringify(enabled.environments)}) and ignores this key with an unknown-key warning. ` +
      `This value is not a list dbnd can parse${why}, so none of the names written here is enabled, and moved to ` +
      `[run] as it is it would fail every run. Write it as a list (e.g. ['local', 'k8s']) before moving it, or remove it.`,
    tags: ['deprecated'],
  };
}

/** Whether the check can say anything of the entry: it reads the rest of the project only for these. */
export function legacyKeyApplies({ cls, param, entry }: EntryFacts): boolean {
  return cls !== undefined && param === undefined && legacyKeyOf(cls, entry.key) !== undefined;
}

export function legacyKeyDiagnostics(
  checked: CheckedEntry,
  enabled: EnabledObjects,
  env: Environment,
): CoreDiagnostic[] {
  const { cls, entry } = checked;
  if (!cls || checked.param) return [];
  const legacy = legacyKeyOf(cls, entry.key);
  if (!legacy) return [];
  const home = newHome(legacy);
  if (cls.family === 'core' && entry.key === 'environments' && home)
    return [coreEnvironments(checked, home, enabled, env)];
  const where = legacy.movedTo ? `it is now ${legacy.movedTo}` : 'nothing replaces it';
  return [
    {
      path: checked.path,
      range: entry.keyRange,
      severity: 'warning',
      code: 'legacy-key',
      message: `'${entry.key}' was a key of [${checked.section.name}] in older dbnd; ${where}. dbnd ignores it here (with an unknown-key warning). ${legacy.docs}`,
      tags: ['deprecated'],
      data: home ? ({ moveTo: home } satisfies LegacyKeyFixData) : undefined,
    },
  ];
}
