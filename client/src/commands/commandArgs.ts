// Arguments a command accepts from a CodeLens, a link or a test (plain JSON, as LSP commands carry them).
// Every field is optional: what is missing is asked for, or taken from the selection.
import type { JsonValue } from '../../../protocol/customRequests';

export interface ProjectArgs {
  /** A document or folder of the project; default: the active one. */
  readonly uri?: string;
  /** The dbnd environment; default: the one selected for the project's folder. */
  readonly env?: string;
  /** An engine section to build instead of the environment's. */
  readonly engine?: string;
}

export interface PodSpecArgs extends ProjectArgs {
  readonly mode?: 'driver' | 'task';
  readonly taskName?: string;
  readonly taskConfig?: { readonly [section: string]: { readonly [key: string]: JsonValue } };
}

/** The first argument when it is an object (the palette passes none; an editor/title button passes a URI). */
export function argsOf<T extends object>(args: readonly unknown[]): T {
  const first = args[0];
  return (first && typeof first === 'object' && !('scheme' in first) ? first : {}) as T;
}
