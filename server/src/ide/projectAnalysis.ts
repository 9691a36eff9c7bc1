// Feature: the analysis of a folder's dbnd project — the one place that turns a folder, its settings and the
// files as the caller has them into an `Analysis`. The language server calls it per workspace folder (open
// documents' text first, then the disk) and `dbnd-cfg lint` without files for the current folder (the disk),
// so both see the same files, environment and selected dbnd environment, and report the same diagnostics.
import { type DiscoveredProject, type FileSystemView, discoverProject, resolveIn } from '../core/config/discovery';
import type { CoreDiagnostic } from '../core/diagnostics/types';
import { type Verdict, type VerdictRequest, projectVerdict, withVerdict } from '../core/run/verdict';
import type { Environment } from '../core/environment';
import { type CfgDocument, parseCfg } from '../core/reader';
import { Analysis, type ProjectFile, runFileOf } from './analysis';
import type { EntryDiagnosticsMemo } from '../core/diagnostics/entryDiagnosticsMemo';
import type { FileReadProblem } from '../core/diagnostics/fileReadProblems';

/** What the user can change about a project (the editor's `databand.*` settings, `dbnd-cfg lint --env`). */
export interface ProjectSettings {
  /** Config files read after dbnd's own files, in order (as `DBND_CONFIG` or `--conf` would add them);
   *  relative paths are relative to the folder. */
  readonly extraConfigFiles: readonly string[];
  /** Variables added to the process environment for `$VAR` expansion and `DBND__SECTION__KEY` values. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** The dbnd environment to resolve (`dbnd run --env`); empty means dbnd's `[databand] env`. */
  readonly defaultEnvironment: string;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  extraConfigFiles: [],
  environmentVariables: {},
  defaultEnvironment: '',
};

/** The project a run started in a folder sees, and the dbnd environment it selects. */
export interface FolderProject extends DiscoveredProject {
  /** The folder a run starts in: `[databand] conf_file` paths are relative to it. */
  readonly folder?: string;
  /** undefined: dbnd's own choice, `[databand] env`. */
  readonly environmentName: string | undefined;
}

/** The files of a project as the caller has them. */
export interface ProjectFileSource {
  /** A config file of the project: its URI, its text and whether that is an open editor document's text;
   *  undefined when it cannot be read as text (the file is then left out). */
  file(
    path: string,
  ):
    | { readonly uri: string; readonly text: string; readonly open: boolean; readonly problem?: FileReadProblem }
    | undefined;
  /** Parses a file's text (the server keeps parse results per file); `parseCfg` when not given. */
  parse?(path: string, text: string): CfgDocument;
  /** Any other file dbnd reads (`@/path` values, kubeconfigs), read as it is now; undefined when missing. */
  readCurrent(path: string): string | undefined;
}

/** DBND_HOME found from `folder`, dbnd's files in its order, then the extra files (docs/dbnd-rules.md §1.5). */
export function discoverFolderProject(
  folder: string,
  processEnv: Environment,
  settings: ProjectSettings,
  fs: FileSystemView,
): FolderProject {
  const env: Environment = { ...processEnv, ...settings.environmentVariables };
  return {
    ...discoverProject(folder, env, fs, settings.extraConfigFiles),
    folder,
    environmentName: settings.defaultEnvironment || undefined,
  };
}

/** The analysis of `paths` (default: the project's own files) with the project's environment; `lintMemo`
 *  carries entry diagnostics over from the previous analysis of the same project. */
export function analyseProject(
  project: FolderProject,
  source: ProjectFileSource,
  paths: readonly string[] = project.paths,
  lintMemo?: EntryDiagnosticsMemo,
): Analysis {
  const files: ProjectFile[] = [];
  for (const path of paths) {
    const file = source.file(path);
    if (!file) continue;
    const doc = source.parse ? source.parse(path, file.text) : parseCfg(file.text);
    files.push({ path, uri: file.uri, text: file.text, open: file.open, doc, problem: file.problem });
  }
  const folder = project.folder ?? project.dbndHome;
  return new Analysis({
    files,
    env: project.env,
    environmentName: project.environmentName,
    readFile: (p) => source.readCurrent(p),
    isProject: project.paths.length > 0,
    lintMemo,
    run: {
      // dbnd opens conf_file entries relative to the folder the run starts in.
      readConfFile: (p) => {
        const text = source.readCurrent(resolveIn(folder, p));
        return text === undefined ? undefined : { path: p, text };
      },
      misplacedSystemFile: project.misplacedSystemFile
        ? { path: project.misplacedSystemFile, systemDir: project.env.DBND_SYSTEM ?? `${project.dbndHome}/.dbnd` }
        : undefined,
    },
  });
}

function verdictRequest(analysis: Analysis): VerdictRequest {
  const snapshot = analysis.snapshot;
  return {
    files: snapshot.files.map(runFileOf),
    environment: snapshot.env,
    envName: snapshot.environmentName,
    readFile: snapshot.readFile,
    ...snapshot.run,
  };
}

/** What `dbnd run` of the project's selected environment does and where it fails (core/run/verdict.ts). */
export function analysisVerdict(analysis: Analysis): Verdict {
  return analysis.memo('verdict', () => projectVerdict(verdictRequest(analysis)));
}

/** The run of the tolerant model: every file with the lines dbnd rejects set aside (ide/analysis.ts). */
function tolerantVerdict(analysis: Analysis): Verdict {
  return analysis.memo('verdict:tolerant', () => {
    const request = verdictRequest(analysis);
    const files = analysis.files.map((f) => ({ ...runFileOf(f), doc: analysis.tolerant(f).doc }));
    return projectVerdict({ ...request, files });
  });
}

/** The project's diagnostics made to agree with its verdict: a run fails exactly when an error says so. While a
 *  file does not load, the other lines' severities follow the tolerant run, so they do not flip as a line is typed. */
export function withProjectVerdict(analysis: Analysis, diagnostics: readonly CoreDiagnostic[]): CoreDiagnostic[] {
  const verdict = analysisVerdict(analysis);
  if (verdict.failure?.stage !== 'load') return withVerdict(diagnostics, verdict, verdictRequest(analysis));
  // dbnd's read errors (a broken line, a BOM) stay errors: they are what fails the run now.
  const isReadError = (d: CoreDiagnostic) => {
    const file = analysis.fileByPath(d.path);
    if (!file) return false;
    const line = d.range.start.line;
    return (
      analysis.isSetAside(file, line) || file.doc.errors.some((e) => e.code === d.code && e.range.start.line === line)
    );
  };
  return withVerdict(diagnostics, verdict, verdictRequest(analysis), {
    verdict: tolerantVerdict(analysis),
    keepsError: isReadError,
  });
}
