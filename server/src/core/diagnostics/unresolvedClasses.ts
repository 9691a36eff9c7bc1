// A `_type`/`_from` that does not resolve to a class the core models. dbnd resolves classes lazily, only for
// the objects it builds (docs/dbnd-rules.md §1.7, §1.9): an enabled environment or an engine it uses fails with
// dbnd's error, so that is an error. Elsewhere the name is usually a class from a plugin or the user's own code
// (`dbnd_gcp.env.GcpEnvConfig`, `FooConfig`) — information that the section's keys are not checked — unless it
// looks like a typo of a known name, which is a warning with the suggestion.
import type { ConfigLayer } from '../config/configLayers';
import type { CfgEntry, CfgSection } from '../reader';
import type { BuildError } from '../resolve/buildError';
import { ALL_CONFIG_CLASSES, knownUnmodelledSection } from '../schema';
import { closestName } from './didYouMean';
import type { EnabledObjects } from './enabledObjects';
import type { CoreDiagnostic, ReplaceValueFixData } from './types';

/** Section names dbnd could resolve a bare name through: modelled families and every section in the layer. */
export function knownSectionNames(layer: ConfigLayer): string[] {
  return [
    ...new Set([
      ...ALL_CONFIG_CLASSES.filter((c) => c.registered).map((c) => c.family),
      ...layer.merged.sectionNames(),
    ]),
  ];
}

const isFamily = (name: string): boolean => ALL_CONFIG_CLASSES.some((c) => c.registered && c.family === name);

export function unresolvedClassDiagnostic(
  path: string,
  section: CfgSection,
  pragma: CfgEntry,
  error: BuildError,
  layer: ConfigLayer,
  enabled: EnabledObjects,
): CoreDiagnostic {
  const name = section.name;
  const target = pragma.rawValue.trim();
  const base = { path, range: pragma.valueRange };
  const lower = target.toLowerCase();
  const defined = layer.merged.section(lower) !== undefined || knownUnmodelledSection(lower) !== undefined;
  const suggest = () =>
    closestName(
      lower,
      knownSectionNames(layer).filter((s) => s !== name.toLowerCase()),
    );
  if (enabled.built.has(name.toLowerCase())) {
    // dbnd's exception names the object it was building ([name]), not the name it could not find, so the
    // message says which name is missing first: that is the one to fix.
    const missing = !target.includes('.') && !defined && !isFamily(lower);
    const suggestion = missing ? suggest() : undefined;
    return {
      ...base,
      severity: 'error',
      code: 'unknown-type',
      message:
        (missing
          ? `There is no section [${target}] and no dbnd class '${target}'` +
            (suggestion ? ` (did you mean '${suggestion}'?)` : '') +
            `, so [${name}] ${pragma.key} = ${target} resolves to no class`
          : `[${name}] ${pragma.key} = ${target} does not name a dbnd config class or a section that does`) +
        `, and dbnd builds [${name}] (an enabled environment or an engine one uses): ` +
        `${error.type}: ${error.message.split('\n')[0]}`,
      data: suggestion ? ({ replaceWith: suggestion } satisfies ReplaceValueFixData) : undefined,
    };
  }
  if (target.includes('.') || defined || (pragma.key === '_type' && !closestName(lower, knownSectionNames(layer)))) {
    return {
      ...base,
      severity: 'information',
      code: 'unmodelled-class',
      message:
        `[${name}] builds a class this tool does not model (${target}: a plugin's or your own), so its keys are not ` +
        `checked. If that class is not installed, dbnd fails with TaskClassNotFoundException when it builds [${name}].`,
    };
  }
  const suggestion = suggest();
  return {
    ...base,
    severity: 'warning',
    code: 'unknown-type',
    message:
      `[${name}] ${pragma.key} = ${target} names no section and no dbnd class` +
      (suggestion ? `; did you mean '${suggestion}'?` : '.') +
      ` dbnd fails with TaskClassNotFoundException when it builds [${name}].`,
    data: suggestion ? ({ replaceWith: suggestion } satisfies ReplaceValueFixData) : undefined,
  };
}
