// A project's verdict for one environment: what `dbnd run --env E` of it does (the files it reads, the env and
// engine objects, the pod when the env submits one) and every failure it hits, located at its cause (a file
// line, a variable, a flag). `dbnd-cfg lint` and the editor's diagnostics read it so that they say a run fails
// exactly when `effective`/`render-pod` say so, at the line that causes it (docs/dbnd-rules.md §1.5–§3).
import type { ConfigValue } from '../config/configValue';
import { parseDbndVariable } from '../config/environmentValues';
import type { CoreDiagnostic } from '../diagnostics/types';
import type { Environment } from '../environment';
import type { ReadConfFile } from '../resolve/contextConf';
import { type Range, range } from '../text/range';
import { renderContext } from './renderDefaults';
import type { RunFile } from './request';
import type { RunFailure, RunResult } from './result';
import { runDbnd } from './runDbnd';

export interface VerdictRequest {
  /** The project's files in dbnd's load order (after the packaged defaults). */
  readonly files: readonly RunFile[];
  readonly environment: Environment;
  /** `dbnd run --env`; undefined keeps `[databand] env`. */
  readonly envName?: string;
  readonly readFile?: (path: string) => string | undefined;
  readonly readConfFile?: ReadConfFile;
  /** A `databand-system.cfg` at DBND_HOME that dbnd never reads (discovery.ts), and where dbnd looks instead. */
  readonly misplacedSystemFile?: { readonly path: string; readonly systemDir: string };
}

/** Where a failure comes from: a place in a file, or a flag (then `range` is the start). */
export interface FailureCause {
  /** A file path, or the command-line flag. */
  readonly path: string;
  readonly range: Range;
  /** The `DBND__SECTION__KEY` variable whose value fails: it has no line, so the cause is the header of the
   *  section it sets in the project's files (else the first file's start), and the message names it. */
  readonly variable?: string;
}

export interface Verdict {
  /** The run up to the engine (what `effective` shows). */
  readonly effective: RunResult;
  /** The driver pod `render-pod` builds, when the effective run passed and its engine is a Kubernetes one. */
  readonly pod: RunResult | null;
  /** The first failure of the run (effective's, else the pod's); null when the run passes. */
  readonly failure: RunFailure | null;
  readonly cause: FailureCause | null;
  /** What dbnd adds nothing about but the user needs to read after its message (a misplaced system file). */
  readonly hint: string | null;
}

const AT_START = range(0, 0, 0, 0);

/** The section header of `section` in the files, for a failure that has no value to point at. */
function sectionHeader(files: readonly RunFile[], section: string): FailureCause | null {
  for (const file of files) {
    const found = file.doc?.sections.find((s) => !s.isDefault && s.name.toLowerCase() === section.toLowerCase());
    if (found) return { path: file.path, range: found.headerRange };
  }
  return null;
}

/** A variable's failure, where an editor can show it: the section it sets, else the top of the first file. */
function variableCause(variable: string, files: readonly RunFile[]): FailureCause | null {
  const section = parseDbndVariable(variable)?.[0];
  const at =
    (section ? sectionHeader(files, section) : null) ?? (files[0] ? { path: files[0].path, range: AT_START } : null);
  return at && { ...at, variable };
}

function causeOf(failure: RunFailure, files: readonly RunFile[], result: RunResult): FailureCause | null {
  const error = failure.error as RunFailure['error'] & { file?: { path: string }; nested?: unknown };
  const origin = error.origin as ConfigValue['origin'] | undefined;
  if (origin?.kind === 'file') return { path: origin.path, range: origin.valueRange };
  if (origin?.kind === 'environ') return variableCause(origin.variable, files);
  if (origin?.kind === 'cli') return { path: origin.flag, range: AT_START };
  // A file dbnd cannot read (LoadError): the file, at the line configparser names.
  const loadFile = error.file?.path;
  if (loadFile) {
    const line = (error.nested as readonly { line?: number | null }[] | undefined)?.[0]?.line;
    if (typeof line === 'number') return { path: loadFile, range: range(line - 1, 0, line - 1, 0) };
    // Python names no line for an interpolation error; the reader knows the entry that raised it.
    const raised = files.find((f) => f.path === loadFile)?.doc?.raisedError;
    return { path: loadFile, range: raised ? raised.range : AT_START };
  }
  // A build failure without a value (a missing key): the header of the object's section.
  const name = failure.stage === 'env' ? result.settings?.envName : result.settings?.engineName;
  return (name ? sectionHeader(files, name) : null) ?? (files[0] ? { path: files[0].path, range: AT_START } : null);
}

/**
 * What to read after dbnd's message when a `databand-system.cfg` sits at DBND_HOME: dbnd never reads it, so the
 * environments it lists are not enabled ("Unknown env name") and nothing else in it applies either.
 */
export function misplacedSystemFileHint(
  misplaced: VerdictRequest['misplacedSystemFile'],
  failure: RunFailure | null,
): string | null {
  if (!misplaced) return null;
  const unknownEnv = failure?.error.message.startsWith('Unknown env name') ?? false;
  const where = `${misplaced.systemDir}/databand-system.cfg`;
  return (
    `${misplaced.path} is never read: dbnd reads databand-system.cfg only from $DBND_SYSTEM (${where}); ` +
    `move it there${unknownEnv ? ' to enable the environments it lists' : ''}.`
  );
}

/** What `dbnd run --env E` of the project does, and where it fails. Never throws. */
export function projectVerdict(request: VerdictRequest): Verdict {
  const base = {
    files: request.files,
    environment: request.environment,
    envName: request.envName,
    readFile: request.readFile,
    readConfFile: request.readConfFile,
  };
  const effective = runDbnd(base);
  let pod: RunResult | null = null;
  if (!effective.failure && effective.engine?.cls.family === 'kubernetes') {
    pod = runDbnd({ ...base, render: renderContext({ mode: 'driver' }, request.environment) });
  }
  const failure = effective.failure ?? pod?.failure ?? null;
  const failed = effective.failure ? effective : pod;
  return {
    effective,
    pod,
    failure,
    cause: failure && failed ? causeOf(failure, request.files, failed) : null,
    hint: misplacedSystemFileHint(request.misplacedSystemFile, failure),
  };
}

function overlaps(d: CoreDiagnostic, cause: FailureCause): boolean {
  return (
    d.path === cause.path && d.range.start.line <= cause.range.start.line && cause.range.start.line <= d.range.end.line
  );
}

/**
 * Which verdict decides whether an error stays one. Normally the run's own; while a file does not load, the run of
 * the files with the broken lines set aside (what dbnd decides once the line is finished), so the other lines'
 * findings keep their severity at every keystroke, and the broken line's own errors (`keepsError`) stay errors.
 */
export interface SeverityRule {
  readonly verdict: Verdict;
  readonly keepsError: (d: CoreDiagnostic) => boolean;
}

/**
 * The lint's diagnostics made to agree with the verdict: a failure of the run that no error reports at its
 * cause gets a `run-failure` error there; when the run passes, an error is a warning that says the run does not
 * fail on it (dbnd raises it only for objects this run does not build); a misplaced system file gets its warning.
 */
export function withVerdict(
  diagnostics: readonly CoreDiagnostic[],
  verdict: Verdict,
  request: VerdictRequest,
  severities: SeverityRule = { verdict, keepsError: () => false },
): CoreDiagnostic[] {
  const envName = severities.verdict.effective.settings?.envName ?? request.envName ?? '[databand] env';
  const out: CoreDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error' || severities.verdict.failure || severities.keepsError(d)) out.push(d);
    else
      out.push({
        ...d,
        severity: 'warning',
        message: `${d.message} A run of env '${envName}' does not fail on this: it builds no object that reads it.`,
      } as CoreDiagnostic);
  }
  const { failure, cause } = verdict;
  // A variable's failure is always reported: no error at the section's header can be about the variable.
  if (failure && cause && (cause.variable || !diagnostics.some((d) => d.severity === 'error' && overlaps(d, cause)))) {
    const run = request.envName ? `dbnd run --env ${request.envName}` : 'dbnd run';
    const from = cause.variable ? ` (the value comes from the variable $${cause.variable})` : '';
    out.push({
      path: cause.path,
      range: cause.range,
      severity: 'error',
      code: 'run-failure',
      message:
        `${run} fails at the ${failure.stage} stage: ${failure.error.type}: ${failure.error.message.trim()}${from}` +
        (verdict.hint ? ` ${verdict.hint}` : ''),
    });
  }
  const misplaced = request.misplacedSystemFile;
  if (misplaced) {
    out.push({
      path: misplaced.path,
      range: AT_START,
      severity: 'warning',
      code: 'misplaced-system-file',
      message:
        `dbnd never reads this file: it reads databand-system.cfg only from $DBND_SYSTEM ` +
        `(${misplaced.systemDir}/databand-system.cfg); here it only marks this folder as DBND_HOME. Move it to ` +
        `${misplaced.systemDir}/databand-system.cfg.`,
      data: { moveTo: `${misplaced.systemDir}/databand-system.cfg` },
    });
  }
  return out;
}
