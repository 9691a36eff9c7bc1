// One workspace folder's dbnd project, as `dbnd run` started in that folder sees it: DBND_HOME discovered from
// the folder (docs/dbnd-rules.md §1.5), dbnd's config files in its order, then the `databand.extraConfigFiles`,
// on top of the packaged defaults, with the server's environment plus `databand.environmentVariables`.
// Open documents win over the disk. The file list and the analysis are cached until `invalidate`.
import type { Environment } from '../../core/environment';
import type { Analysis } from '../../ide/analysis';
import { EntryDiagnosticsMemo } from '../../core/diagnostics/entryDiagnosticsMemo';
import {
  type FolderProject,
  type ProjectFileSource,
  analyseProject,
  discoverFolderProject,
} from '../../ide/projectAnalysis';
import { type DatabandSettings, sameSettings } from './settings';

/** What a project needs from the model around it: file texts (open documents first) and parse results. */
export interface ProjectSources extends Required<ProjectFileSource> {
  readonly baseEnv: Environment;
}

export class DbndProject {
  private discovered: FolderProject | undefined;
  private projectAnalysis: Analysis | undefined;
  /** Analyses of open documents inside the folder that dbnd does not load: the project plus that file. */
  private readonly outsiders = new Map<string, Analysis>();
  /** Entry diagnostics carried from one analysis to the next, so an edit re-checks only what it changed. */
  private readonly lintMemo = new EntryDiagnosticsMemo();

  constructor(
    readonly folderPath: string,
    readonly folderUri: string,
    private settings: DatabandSettings,
    private readonly sources: ProjectSources,
  ) {}

  get currentSettings(): DatabandSettings {
    return this.settings;
  }

  /** Takes the folder's settings; false (and nothing recomputed) when they say what the current ones say. */
  setSettings(settings: DatabandSettings): boolean {
    if (sameSettings(settings, this.settings)) return false;
    this.settings = settings;
    this.invalidate();
    return true;
  }

  /** The files, environment and dbnd environment of a run started in the folder (ide/projectAnalysis). */
  private project(): FolderProject {
    this.discovered ??= discoverFolderProject(this.folderPath, this.sources.baseEnv, this.settings, {
      isFile: (p) => this.sources.file(p) !== undefined,
      readFile: (p) => this.sources.file(p)?.text,
    });
    return this.discovered;
  }

  /** The config file paths dbnd reads for this folder, in load order (extra files last). */
  filePaths(): readonly string[] {
    return this.project().paths;
  }

  /** True when dbnd reads at least one config file here; otherwise files in the folder are checked alone. */
  get isProject(): boolean {
    return this.filePaths().length > 0;
  }

  includes(path: string): boolean {
    return this.filePaths().includes(path);
  }

  /** The analysis of the project's own files. */
  analysis(): Analysis {
    this.projectAnalysis ??= analyseProject(this.project(), this.sources, undefined, this.lintMemo);
    return this.projectAnalysis;
  }

  /** The analysis for an open document in this folder: the project's, or the project plus that file. */
  analysisFor(path: string): Analysis {
    if (this.includes(path)) return this.analysis();
    let analysis = this.outsiders.get(path);
    if (!analysis) {
      analysis = analyseProject(this.project(), this.sources, [...this.filePaths(), path], this.lintMemo);
      this.outsiders.set(path, analysis);
    }
    return analysis;
  }

  /** A file of the project changed (text, existence) or a setting did: everything is recomputed on demand. */
  invalidate(): void {
    this.discovered = undefined;
    this.projectAnalysis = undefined;
    this.outsiders.clear();
  }

  /** Only the outside document at `path` changed: the project's own analysis stays. */
  invalidateOutsider(path: string): void {
    this.outsiders.delete(path);
  }
}
