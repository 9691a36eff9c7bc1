// The dbnd run of an analysed project, shared by the editor's run views (environments, effective config, Pod
// spec): the request fields every run of the snapshot shares, the run itself (remembered per snapshot and
// environment/engine, so the environment picker and the effective-config view of the same snapshot run dbnd
// once), and dbnd's failure in editor terms — the exception, and the file and range of the line that causes it.
import type { ValueOrigin } from '../core/config/configValue';
import { type RunFailure, type RunRequest, type RunResult, type RunStage, runDbnd } from '../core/run';
import type { Range } from '../core/text/range';
import { type Analysis, runFileOf } from './analysis';

/** A range in a file the core names by path; the LSP layer turns the path into the editor's URI. */
export interface PathRange {
  readonly path: string;
  readonly range: Range;
}

/** The exception `dbnd run` would raise, and the line in the user's files that causes it. */
export interface DbndFailure {
  readonly stage: RunStage;
  /** The Python exception class, e.g. `DatabandBuildError`. */
  readonly type: string;
  readonly message: string;
  /** The exceptions behind it, outermost first. */
  readonly nested: readonly { readonly type: string; readonly message: string }[];
  readonly location?: PathRange;
}

/** The request fields every run of this snapshot shares: its files (parsed already), environment, file reader. */
export function runBase(analysis: Analysis): Pick<RunRequest, 'files' | 'environment' | 'readFile'> {
  const { snapshot } = analysis;
  return {
    files: analysis.files.map(runFileOf),
    environment: snapshot.env,
    readFile: snapshot.readFile,
  };
}

/**
 * `dbnd run --env envName` (with `engine` built instead of the environment's) on this snapshot, without a pod.
 * The snapshot never changes, so the same environment and engine give the same result: it is run once.
 */
export function projectRun(analysis: Analysis, envName: string | undefined, engine?: string): RunResult {
  return analysis.memo(`run:${JSON.stringify([envName ?? null, engine ?? null])}`, () =>
    runDbnd({ ...runBase(analysis), envName, engine }),
  );
}

/** Where a value was written, from its key to the end of its value; nothing for values that are not in a file. */
export function originRange(origin: ValueOrigin | undefined): PathRange | undefined {
  if (origin?.kind !== 'file') return undefined;
  return { path: origin.path, range: { start: origin.keyRange.start, end: origin.valueRange.end } };
}

/** A load failure names the file and the 1-based line configparser stopped at (null for interpolation errors). */
function loadRange(error: RunFailure['error']): PathRange | undefined {
  const file = (error as { file?: { path: string } }).file;
  const line = (error.nested?.[0] as { line?: number | null } | undefined)?.line;
  if (!file || typeof line !== 'number') return undefined;
  const start = { line: line - 1, character: 0 };
  return { path: file.path, range: { start, end: start } };
}

export function dbndFailure({ stage, error }: RunFailure): DbndFailure {
  const location = stage === 'load' ? loadRange(error) : originRange(error.origin);
  return {
    stage,
    type: error.type,
    message: error.message,
    nested: (error.nested ?? []).map((n) => ({ type: n.type, message: n.message })),
    ...(location ? { location } : {}),
  };
}
