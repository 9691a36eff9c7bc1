// One workspace folder's dbnd project, as `dbnd run` started in that folder sees it: DBND_HOME discovered from
// the folder (docs/dbnd-rules.md §1.5), dbnd's config files in its order, then the `databand.extraConfigFiles`,
// on top of the packaged defaults, with the server's environment plus `databand.environmentVariables`.
// Open documents win over the disk. The file list and the analysis are cached until `invalidate`.
import { isAbsolute, resolve } from 'node:path';
import { configFilePaths, discoverDbndHome, type FileSystemView } from '../../core/config/discovery';
import type { Environment } from '../../core/environment';
import { Analysis, type ProjectFile } from '../../ide/analysis';
import type { DatabandSettings } from './settings';

/** What a project needs from the model around it: file texts (open documents first) and parse results. */
export interface ProjectSources {
  /** The file at `path`: the open document's URI and text, else the disk's; undefined when neither exists. */
  file(path: string): { readonly uri: string; readonly text: string; readonly open: boolean } | undefined;
  parse(file: { readonly path: string; readonly text: string }): ProjectFile['doc'];
  /** Any file's current text (an open document's, else read now, uncached): kubeconfigs, `@/path` values. */
  readCurrent(path: string): string | undefined;
  readonly baseEnv: Environment;
}

export class DbndProject {
  private paths: readonly string[] | undefined;
  private projectAnalysis: Analysis | undefined;
  /** Analyses of open documents inside the folder that dbnd does not load: the project plus that file. */
  private readonly outsiders = new Map<string, Analysis>();

  constructor(
    readonly folderPath: string,
    readonly folderUri: string,
    private settings: DatabandSettings,
    private readonly sources: ProjectSources,
  ) {}

  get env(): Environment {
    return { ...this.sources.baseEnv, ...this.settings.environmentVariables };
  }

  setSettings(settings: DatabandSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  /** The config file paths dbnd reads for this folder, in load order (extra files last). */
  filePaths(): readonly string[] {
    if (!this.paths) {
      const fs: FileSystemView = {
        isFile: (p) => this.sources.file(p) !== undefined,
        readFile: (p) => this.sources.file(p)?.text,
      };
      const env = this.env;
      const home = discoverDbndHome(this.folderPath, env, fs);
      const extra = this.settings.extraConfigFiles.map((f) => (isAbsolute(f) ? f : resolve(this.folderPath, f)));
      this.paths = [...new Set([...configFilePaths(home, env, fs), ...extra.filter((p) => fs.isFile(p))])];
    }
    return this.paths;
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
    this.projectAnalysis ??= this.analyse(this.filePaths());
    return this.projectAnalysis;
  }

  /** The analysis for an open document in this folder: the project's, or the project plus that file. */
  analysisFor(path: string): Analysis {
    if (this.includes(path)) return this.analysis();
    let analysis = this.outsiders.get(path);
    if (!analysis) {
      analysis = this.analyse([...this.filePaths(), path]);
      this.outsiders.set(path, analysis);
    }
    return analysis;
  }

  /** A file of the project changed (text, existence) or a setting did: everything is recomputed on demand. */
  invalidate(): void {
    this.paths = undefined;
    this.projectAnalysis = undefined;
    this.outsiders.clear();
  }

  /** Only the outside document at `path` changed: the project's own analysis stays. */
  invalidateOutsider(path: string): void {
    this.outsiders.delete(path);
  }

  private analyse(paths: readonly string[]): Analysis {
    const files: ProjectFile[] = [];
    for (const path of paths) {
      const source = this.sources.file(path);
      if (source)
        files.push({
          path,
          uri: source.uri,
          text: source.text,
          open: source.open,
          doc: this.sources.parse({ path, text: source.text }),
        });
    }
    const environmentName = this.settings.defaultEnvironment || undefined;
    return new Analysis({
      files,
      env: this.env,
      environmentName,
      readFile: (p) => this.sources.readCurrent(p),
      isProject: this.isProject,
    });
  }
}
