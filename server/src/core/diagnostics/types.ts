// The core's diagnostic, in editor terms but with no editor dependency. The server maps it 1:1 to an LSP
// Diagnostic; the CLI prints it as `file:line:col: severity code message`.
import type { Range } from '../text/range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface CoreDiagnostic {
  /** File the diagnostic belongs to (absolute path, or the name given by the caller). */
  readonly path: string;
  readonly range: Range;
  readonly severity: Severity;
  /** Stable, documented identifier, e.g. `duplicate-section`; never reworded. */
  readonly code: string;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** `unnecessary` greys the text out (keys dbnd never reads); `deprecated` strikes it through. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  /** Machine-readable payload for quick fixes (e.g. the replacement a "did you mean" fix would apply). */
  readonly data?: unknown;
}
