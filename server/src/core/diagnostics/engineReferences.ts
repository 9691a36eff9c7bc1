// `remote_engine` / `local_engine` of an environment name the engine section dbnd builds for a run
// (docs/dbnd-rules.md §1.8). A name that is neither a section nor an engine family makes dbnd fail with
// TaskClassNotFoundException when the environment runs — `render-pod` fails the same way — so it is an error
// for an enabled or selected environment and a warning for one that is not enabled (yet).
import type { ConfigLayer } from '../config/configLayers';
import { resolveConfigClass } from '../resolve/classResolution';
import type { Environment } from '../environment';
import { expandEnvVar } from '../values/expandVars';
import type { CheckedEntry, EntryFacts } from './checkedEntries';
import { closestName } from './didYouMean';
import type { EnabledObjects } from './enabledObjects';
import type { CoreDiagnostic, ReplaceValueFixData } from './types';
import { knownSectionNames } from './unresolvedClasses';

export const ENGINE_REFERENCE_KEYS = new Set(['remote_engine', 'local_engine']);

/** Whether the check can say anything of the entry: it reads the rest of the project only for these. */
export function engineReferenceApplies({ cls, entry, value }: EntryFacts): boolean {
  return cls?.kind === 'env' && ENGINE_REFERENCE_KEYS.has(entry.key) && value !== undefined;
}

/** The lower-cased names of the listed and the selected environments, made once per EnabledObjects: every
 *  environment's engine reference asks, and a project lists hundreds of environments (a copy and a lower-cased
 *  name per listed environment per ask was 55 MB of garbage in a lint of 1,076 environments). */
const enabledNames = new WeakMap<EnabledObjects, ReadonlySet<string>>();

export function enabledEnvironmentNames(enabled: EnabledObjects): ReadonlySet<string> {
  let names = enabledNames.get(enabled);
  if (!names) {
    names = new Set([...enabled.environments, enabled.selectedEnv].map((e) => e.toLowerCase()));
    enabledNames.set(enabled, names);
  }
  return names;
}

export function engineReferenceDiagnostics(
  checked: CheckedEntry,
  layer: ConfigLayer,
  enabled: EnabledObjects,
  env: Environment,
): CoreDiagnostic[] {
  const { entry, value } = checked;
  if (!engineReferenceApplies(checked) || value === undefined) return [];
  const name = expandEnvVar(value, env).value.trim();
  if (!name || name.startsWith('@')) return [];
  const resolved = resolveConfigClass(name, layer, env);
  const envName = checked.section.name;
  if (resolved.ok && resolved.value.kind === 'engine') return [];
  const isEnabled = enabledEnvironmentNames(enabled).has(envName.toLowerCase());
  if (resolved.ok) {
    return [
      {
        path: checked.path,
        range: entry.valueRange,
        severity: isEnabled ? 'error' : 'warning',
        code: 'not-an-engine',
        message: `'${entry.key}' names [${name}], which builds ${resolved.value.className}, not an engine: dbnd cannot run [${envName}]'s tasks on it.`,
      },
    ];
  }
  if (resolved.error.type !== 'TaskClassNotFoundException' || layer.merged.section(name) !== undefined) return [];
  const suggestion = closestName(name.toLowerCase(), knownSectionNames(layer));
  return [
    {
      path: checked.path,
      range: entry.valueRange,
      severity: isEnabled ? 'error' : 'warning',
      code: 'unknown-engine',
      message:
        `'${entry.key}' names [${name}], but no config file defines that section and it is not an engine family ` +
        `(kubernetes, docker, local_machine_engine...)` +
        (suggestion ? `; did you mean '${suggestion}'?` : '.') +
        ` dbnd fails with TaskClassNotFoundException ("Could not find the requested task/function '${name}'") when ` +
        `[${envName}] runs` +
        (isEnabled ? '.' : ` (it is not in [run] environments yet).`),
      data: suggestion ? ({ replaceWith: suggestion } satisfies ReplaceValueFixData) : undefined,
    },
  ];
}
