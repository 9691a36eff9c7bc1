// The checks of dbnd's pitfalls (docs/dbnd-rules.md §3.10, §8) over the entries of one file, in one walk:
// JSON values and Python literals, the pod fields dbnd stringifies or passes unconverted, pod failure reasons,
// Kubernetes quantities and metadata keys, quoted scalars, registry ports, secrets, engine references and
// legacy keys. Each check lives in its own file; this is the list.
import type { ConfigLayer } from '../config/configLayers';
import type { CfgDocument } from '../reader';
import type { ConfigClassSchema } from '../schema/types';
import type { Environment } from '../environment';
import { type CheckedEntry, checkedEntries } from './checkedEntries';
import type { EnabledObjects } from './enabledObjects';
import { engineReferenceDiagnostics } from './engineReferences';
import { jsonValueDiagnostics } from './jsonValues';
import { quantityDiagnostics } from './kubernetesQuantities';
import { labelAndAnnotationKeyDiagnostics } from './labelAndAnnotationKeys';
import { legacyKeyDiagnostics } from './legacyKeys';
import { podErrorRetryDiagnostics } from './podErrorRetries';
import { quotedScalarDiagnostics } from './quotedScalars';
import { registryPortDiagnostics } from './registryPort';
import { secretItemDiagnostics } from './secretItems';
import { stringifiedPodFieldDiagnostics } from './stringifiedPodFields';
import type { CoreDiagnostic } from './types';
import { unquotedPodValueDiagnostics } from './unquotedPodValues';

export interface PitfallContext {
  readonly layer: ConfigLayer;
  readonly env: Environment;
  readonly enabled: EnabledObjects;
}

type EntryCheck = (checked: CheckedEntry, ctx: PitfallContext) => CoreDiagnostic[];

const ENTRY_CHECKS: readonly EntryCheck[] = [
  (c, { env }) => jsonValueDiagnostics(c, env),
  (c, { env }) => stringifiedPodFieldDiagnostics(c, env),
  (c, { env }) => unquotedPodValueDiagnostics(c, env),
  (c, { env }) => podErrorRetryDiagnostics(c, env),
  (c, { env }) => quantityDiagnostics(c, env),
  (c, { env }) => labelAndAnnotationKeyDiagnostics(c, env),
  (c) => quotedScalarDiagnostics(c),
  (c) => registryPortDiagnostics(c),
  (c, { env }) => secretItemDiagnostics(c, env),
  (c, { layer, enabled, env }) => engineReferenceDiagnostics(c, layer, enabled, env),
  (c, { enabled, env }) => legacyKeyDiagnostics(c, enabled, env),
];

export function pitfallDiagnostics(
  doc: CfgDocument,
  path: string,
  classOf: (sectionName: string) => ConfigClassSchema | undefined,
  ctx: PitfallContext,
): CoreDiagnostic[] {
  return checkedEntries(doc, path, classOf).flatMap((checked) => ENTRY_CHECKS.flatMap((check) => check(checked, ctx)));
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
