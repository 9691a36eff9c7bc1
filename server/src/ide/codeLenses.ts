// Feature: CodeLenses — above each environment and engine section of a dbnd file, "Show Pod spec" (environments
// and Kubernetes engines) and "Show effective config" for that section. A section's kind is its class as dbnd
// resolves it through `_type`/`_from` across the project's files, so a section that only inherits its class
// gets its lenses too. Which editor command runs is the LSP layer's business: here a lens names its view.
//
//   [my_engine]            ← Show Pod spec { engine: 'my_engine', mode: 'driver' } · Show effective config
//   _type = kubernetes       { engine: 'my_engine' }
import type { Range } from '../core/text/range';
import type { Analysis } from './analysis';
import { resolveConfigClass } from '../core/resolve/classResolution';
import { layerOf } from './projectQueries';

/** The view a lens opens; its argument says for which section. */
export type LensView = 'podSpec' | 'effectiveConfig';

export interface LensTarget {
  /** The environment section to show (as `dbnd run --env`). */
  readonly env?: string;
  /** The engine section to build instead of the environment's. */
  readonly engine?: string;
  /** Pod spec lenses show the driver's pod. */
  readonly mode?: 'driver';
}

export interface SectionLens {
  /** The section's header. */
  readonly range: Range;
  readonly title: string;
  readonly view: LensView;
  readonly target: LensTarget;
}

/** The lenses of the file `uri` of the analysis (its document's project, as the other features see it). */
export function codeLenses(analysis: Analysis, uri: string): SectionLens[] {
  const file = analysis.fileByUri(uri);
  const layer = layerOf(analysis);
  if (!file || !layer) return [];
  return analysis.document(file).sections.flatMap((section): SectionLens[] => {
    // The name as written: the core resolves (and remembers) each spelling, as dbnd looks it up.
    const cls = resolveConfigClass(section.name, layer, analysis.env);
    if (!cls.ok || !cls.value) return [];
    const lens = (title: string, view: LensView, target: LensTarget): SectionLens => ({
      range: section.headerRange,
      title,
      view,
      target,
    });
    if (cls.value.kind === 'env') {
      return [
        lens('Show Pod spec', 'podSpec', { env: section.name, mode: 'driver' }),
        lens('Show effective config', 'effectiveConfig', { env: section.name }),
      ];
    }
    if (cls.value.kind !== 'engine') return [];
    const config = lens('Show effective config', 'effectiveConfig', { engine: section.name });
    return cls.value.family === 'kubernetes'
      ? [lens('Show Pod spec', 'podSpec', { engine: section.name, mode: 'driver' }), config]
      : [config];
  });
}
