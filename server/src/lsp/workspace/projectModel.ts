// The project model: every workspace folder's dbnd project, the open documents and the files on disk. This is
// the one place that decides which text a path has (an open document always wins over the disk) and which
// analysis answers a request for a document.
//
// API for features and custom requests (see also ide/analysis.ts):
//   - `analysisFor(uri)`: the `Analysis` a request about that document works on. `analysis.files` lists the
//     project's parsed files ({uri, path, text, doc, open}) in dbnd's load order, unopened ones included;
//     `analysis.load()` gives dbnd's config layers; `analysis.memo(key, compute)` caches anything per snapshot.
//   - `documentChanged(uri)` / `documentClosed(uri)` / `diskChanged(paths)` / `setSettings(...)`: tell the model
//     what changed; each returns the URIs of the open documents whose results may have changed.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname, sep } from 'node:path';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Environment } from '../../core/environment';
import type { FileReadProblem } from '../../core/diagnostics/fileReadProblems';
import { Analysis } from '../../ide/analysis';
import { EntryDiagnosticsMemo } from '../../core/diagnostics/entryDiagnosticsMemo';
import { uriToPath } from '../documentPaths';
import { DbndProject, type ProjectSources } from './dbndProject';
import { DiskFiles } from './diskFiles';
import { ParsedFiles } from './parsedFiles';
import { savedRunFiles } from './savedRunFiles';
import type { RunRequest } from '../../core/run';
import { DEFAULT_SETTINGS, type DatabandSettings } from './settings';

export interface WorkspaceFolderRef {
  readonly uri: string;
}

/** File names whose appearance or change can move DBND_HOME or change the list of files dbnd reads. */
const DISCOVERY_FILES = new Set([
  'databand.cfg',
  'project.cfg',
  'databand-system.cfg',
  'databand-test.cfg',
  'tox.ini',
  'setup.cfg',
]);

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

export class ProjectModel {
  private readonly disk = new DiskFiles();
  private readonly parsed = new ParsedFiles();
  private projects: DbndProject[] = [];
  /** Analyses of documents outside every workspace folder (checked alone), per URI. */
  private readonly alone = new Map<string, Analysis>();
  /** Entry diagnostics carried from one analysis of a file checked alone to the next, per URI. */
  private readonly aloneMemos = new Map<string, EntryDiagnosticsMemo>();
  private readonly sources: ProjectSources;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    baseEnv: Environment,
  ) {
    this.sources = {
      baseEnv,
      file: (path) => this.fileText(path),
      parse: (path, text) => this.parsed.parse(path, text),
      readCurrent: (path) => this.openText(path)?.text ?? this.disk.readFresh(path),
    };
  }

  /** The workspace folders (multi-root: one project each). Settings start at their defaults. */
  setFolders(folders: readonly WorkspaceFolderRef[]): void {
    this.projects = folders.map((f) => new DbndProject(uriToPath(f.uri), f.uri, DEFAULT_SETTINGS, this.sources));
    this.alone.clear();
  }

  addFolder(folder: WorkspaceFolderRef): void {
    this.removeFolder(folder.uri);
    this.projects.push(new DbndProject(uriToPath(folder.uri), folder.uri, DEFAULT_SETTINGS, this.sources));
    this.alone.clear();
  }

  removeFolder(uri: string): void {
    this.projects = this.projects.filter((p) => p.folderUri !== uri);
    this.alone.clear();
  }

  get folderUris(): readonly string[] {
    return this.projects.map((p) => p.folderUri);
  }

  /** New settings for one folder; returns the open documents to re-check. */
  setSettings(folderUri: string, settings: DatabandSettings): string[] {
    const project = this.projects.find((p) => p.folderUri === folderUri);
    if (!project) return [];
    // The first answer usually repeats the defaults the folder started with: its documents stay as they are
    // (re-checking them would push their first diagnostics back by the debounce).
    return project.setSettings(settings) ? this.openUrisOf(project) : [];
  }

  /** The analysis that answers requests about the document `uri` (open or not). */
  analysisFor(uri: string): Analysis {
    const path = uriToPath(uri);
    const project = this.projectOf(path);
    if (project?.isProject) return project.analysisFor(path);
    let analysis = this.alone.get(uri);
    if (!analysis) {
      const found = this.fileText(path);
      const text = found?.text ?? '';
      const open = this.documents.get(uri) !== undefined;
      const file = { uri, path, text, open, doc: this.parsed.parse(path, text), problem: found?.problem };
      analysis = new Analysis({
        files: [file],
        env: this.sources.baseEnv,
        readFile: this.sources.readCurrent,
        isProject: false,
        lintMemo: this.aloneMemo(uri),
      });
      this.alone.set(uri, analysis);
    }
    return analysis;
  }

  /**
   * The project a run started at `uri` reads (a folder: there; a document: its workspace folder, else its own
   * folder), from the disk only, with the folder's settings.
   */
  savedRunFiles(uri: string): Pick<RunRequest, 'files' | 'environment' | 'readFile'> {
    const path = uriToPath(uri);
    const project = this.projectOf(path);
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // a document that is not on disk: its folder
    }
    const folder = isFolder ? path : (project?.folderPath ?? dirname(path));
    const settings = project?.currentSettings ?? DEFAULT_SETTINGS;
    return savedRunFiles(folder, this.sources.baseEnv, settings, (p) => this.disk.readFresh(p));
  }

  /** The analysis of every workspace folder that is a dbnd project (its own files, open or not). */
  projectAnalyses(): Analysis[] {
    return this.projects.filter((p) => p.isProject).map((p) => p.analysis());
  }

  /** Every workspace folder's project and every open document's analysis: what workspace-wide features search. */
  workspaceAnalyses(): Analysis[] {
    const out = new Set(this.projects.filter((p) => p.isProject).map((p) => p.analysis()));
    for (const d of this.documents.all()) out.add(this.analysisFor(d.uri));
    return [...out];
  }

  /** An open document's text changed (or it was opened): returns the open documents to re-check. */
  documentChanged(uri: string): string[] {
    return this.textChanged(uri, uriToPath(uri));
  }

  /** An open document was closed: its path falls back to the disk. Returns the other documents to re-check. */
  documentClosed(uri: string): string[] {
    const path = uriToPath(uri);
    this.alone.delete(uri);
    this.aloneMemos.delete(uri);
    return this.textChanged(uri, path).filter((u) => u !== uri);
  }

  /** Files changed on disk (`workspace/didChangeWatchedFiles`): returns the open documents to re-check. */
  diskChanged(paths: readonly string[]): string[] {
    const affected = new Set<string>();
    for (const path of paths) {
      this.disk.forget(path);
      this.parsed.forget(path);
      for (const uri of this.textChanged(pathToFileURL(path).href, path, DISCOVERY_FILES.has(baseName(path))))
        affected.add(uri);
    }
    return [...affected];
  }

  /** The project whose folder contains `path` (the innermost, for nested folders). */
  projectOf(path: string): DbndProject | undefined {
    let best: DbndProject | undefined;
    for (const p of this.projects) {
      if (isInside(path, p.folderPath) && (!best || p.folderPath.length > best.folderPath.length)) best = p;
    }
    return best;
  }

  private textChanged(uri: string, path: string, mayMoveHome = false): string[] {
    this.alone.delete(uri);
    const affected = new Set<string>(this.documents.get(uri) ? [uri] : []);
    for (const project of this.projects) {
      if (mayMoveHome || project.includes(path)) {
        project.invalidate();
        for (const u of this.openUrisOf(project)) affected.add(u);
      } else {
        project.invalidateOutsider(path);
      }
    }
    // A config file outside every folder (an open scratch file) only affects itself.
    return [...affected];
  }

  private aloneMemo(uri: string): EntryDiagnosticsMemo {
    let memo = this.aloneMemos.get(uri);
    if (!memo) this.aloneMemos.set(uri, (memo = new EntryDiagnosticsMemo()));
    return memo;
  }

  private openUrisOf(project: DbndProject): string[] {
    return this.documents
      .all()
      .map((d) => d.uri)
      .filter((u) => this.projectOf(uriToPath(u)) === project || project.includes(uriToPath(u)));
  }

  /** The open document at `path`, whatever URI spelling the client used. */
  private openText(path: string): { uri: string; text: string; open: true } | undefined {
    for (const d of this.documents.all()) {
      if (uriToPath(d.uri) === path) return { uri: d.uri, text: d.getText(), open: true };
    }
    return undefined;
  }

  /** The text at `path`: an open document's, else the disk's (cached until a watched-file event). A file on
   *  disk that is not read as text has an empty text and its problem (reported like lint reports it). */
  private fileText(path: string): { uri: string; text: string; open: boolean; problem?: FileReadProblem } | undefined {
    const open = this.openText(path);
    if (open) return open;
    const file = this.disk.read(path);
    if (!file) return undefined;
    const uri = pathToFileURL(path).href;
    return 'text' in file
      ? { uri, text: file.text, open: false }
      : { uri, text: '', open: false, problem: file.problem };
  }
}
