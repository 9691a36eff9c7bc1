// The checks of dbnd's pitfalls (docs/dbnd-rules.md §3.10, §8) over the entries of one file, in one walk:
// JSON values and Python literals, the pod fields dbnd stringifies or passes unconverted, pod failure reasons,
// Kubernetes quantities and metadata keys, quoted scalars, registry ports, secrets, engine references and
// legacy keys. Each check lives in its own file; this is the list.
import type { ConfigLayer } from '../config/configLayers';
import type { Environment } from '../environment';
import type { CheckedEntry, EntryFacts } from './checkedEntries';
import type { EnabledObjects } from './enabledObjects';
import { engineReferenceApplies, engineReferenceDiagnostics } from './engineReferences';
import { jsonValueDiagnostics } from './jsonValues';
import { quantityDiagnostics } from './kubernetesQuantities';
import { labelAndAnnotationKeyDiagnostics } from './labelAndAnnotationKeys';
import { legacyKeyApplies, legacyKeyDiagnostics } from './legacyKeys';
import { podErrorRetryDiagnostics } from './podErrorRetries';
import { quotedScalarDiagnostics } from './quotedScalars';
import { registryPortDiagnostics } from './registryPort';
import { secretItemDiagnostics } from './secretItems';
import { stringifiedPodFieldDiagnostics } from './stringifiedPodFields';
import { NO_DIAGNOSTICS, type CoreDiagnostic } from './types';
import { unquotedPodValueDiagnostics } from './unquotedPodValues';

export interface PitfallContext {
  readonly layer: ConfigLayer;
  readonly env: Environment;
  readonly enabled: EnabledObjects;
}

/** Checks that read only the entry's facts (EntryFacts) and the environment. */
const ENTRY_CHECKS: readonly ((checked: EntryFacts, env: Environment) => CoreDiagnostic[])[] = [
  jsonValueDiagnostics,
  stringifiedPodFieldDiagnostics,
  unquotedPodValueDiagnostics,
  podErrorRetryDiagnostics,
  quantityDiagnostics,
  labelAndAnnotationKeyDiagnostics,
  quotedScalarDiagnostics,
  registryPortDiagnostics,
  secretItemDiagnostics,
];

/** Checks that also read the rest of the project: which sections exist, which objects a run builds. Each says
 *  which entries it can report on from their facts alone, so a lint runs them on those entries only. */
const PROJECT_CHECKS: readonly {
  readonly applies: (facts: EntryFacts) => boolean;
  readonly check: (checked: CheckedEntry, ctx: PitfallContext) => CoreDiagnostic[];
}[] = [
  {
    applies: engineReferenceApplies,
    check: (c, { layer, enabled, env }) => engineReferenceDiagnostics(c, layer, enabled, env),
  },
  { applies: legacyKeyApplies, check: (c, { enabled, env }) => legacyKeyDiagnostics(c, enabled, env) },
];

/** The pitfalls of one entry that depend on nothing outside it (the language server remembers them per entry). */
export function entryPitfallDiagnostics(checked: EntryFacts, env: Environment): readonly CoreDiagnostic[] {
  // A loop rather than flatMap: this runs for every entry of a project, and most checks find nothing.
  // Indexed loops: a cold process runs this for every entry before V8 optimises it, when `for...of` allocates
  // an iterator result per step.
  let out: CoreDiagnostic[] | undefined;
  for (let c = 0; c < ENTRY_CHECKS.length; c++) {
    const found = ENTRY_CHECKS[c](checked, env);
    for (let d = 0; d < found.length; d++) (out ??= []).push(found[d]);
  }
  return out ?? NO_DIAGNOSTICS;
}

/** Whether a project check can report on the entry (decided by its facts): projectPitfallDiagnostics is empty
 *  for the others. */
export function projectChecksApply(facts: EntryFacts): boolean {
  return PROJECT_CHECKS.some((c) => c.applies(facts));
}

/** The pitfalls of one entry that depend on the rest of the project. */
export function projectPitfallDiagnostics(checked: CheckedEntry, ctx: PitfallContext): CoreDiagnostic[] {
  return PROJECT_CHECKS.flatMap(({ applies, check }) => (applies(checked) ? check(checked, ctx) : []));
}

/**
 * A precise finding replaces the generic one for the same value: a JSON error pointed at its position (or at
 * the Python literal that causes it) supersedes the `invalid-value` error over the whole value.
 */
export function withoutSuperseded(diagnostics: readonly CoreDiagnostic[]): CoreDiagnostic[] {
  const precise = diagnostics.filter(
    (d) => d.severity === 'error' && (d.code === 'invalid-json' || d.code === 'python-literal-in-json'),
  );
  if (precise.length === 0) return [...diagnostics];
  const within = (d: CoreDiagnostic, p: CoreDiagnostic) =>
    d.path === p.path && d.range.start.line <= p.range.start.line && p.range.end.line <= d.range.end.line;
  return diagnostics.filter((d) => d.code !== 'invalid-value' || !precise.some((p) => within(d, p)));
}
