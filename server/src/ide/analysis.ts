// Feature: the analysis of one dbnd project snapshot, shared by every editor feature.
//
// A snapshot is the project's files as `dbnd run` would read them (in dbnd's load order, open documents with
// their editor text), the process environment and the environment name to resolve. Everything derived from it
// (the config layers, diagnostics, class resolution, anything a feature wants to keep) is computed on first use
// and cached on the `Analysis`; when a file or a setting changes the project model makes a new snapshot, so a
// cache never needs invalidating. Plain data in, plain data out: no LSP types, no file system.
//
// Two questions are kept apart. What dbnd would do with the files as they are (one load error at its line) is
// the strict verdict: `strictLoad()`, the syntax diagnostics, the Pod spec and effective-config views. What the
// user is editing is the tolerant model: `load()` layers every file's tolerant reading (core/reader
// tolerantDocument: the lines dbnd rejects set aside, every other line where it is), so completion, hover,
// CodeLens and the checks of the other lines keep working while one line is half-typed.
import type { ConfigLayer } from '../core/config/configLayers';
import { type LoadError, PACKAGE_DEFAULT_FILES, loadConfig } from '../core/config/loadConfig';
import type { Environment } from '../core/environment';
import { type CfgDocument, type TolerantDocument, tolerantDocument } from '../core/reader';
import type { DbndResult } from '../core/result';
import type { EntryDiagnosticsMemo } from '../core/diagnostics/entryDiagnosticsMemo';

/** One config file of the project, parsed. */
export interface ProjectFile {
  /** The URI the editor knows the file by (the client's exact URI for an open document). */
  readonly uri: string;
  /** The file system path dbnd would read (dbnd names files by path in sources and messages). */
  readonly path: string;
  readonly text: string;
  readonly doc: CfgDocument;
  /** True when the text comes from an open editor document rather than the disk. */
  readonly open: boolean;
}

export interface ProjectSnapshot {
  /** The config files in dbnd's load order (after the packaged defaults, which are always loaded first). */
  readonly files: readonly ProjectFile[];
  /** The environment of the run: `$VAR` expansion and `DBND__S__K` values come from here. */
  readonly env: Environment;
  /** The dbnd environment to resolve (`dbnd run --env`); undefined means dbnd's own choice (`[databand] env`). */
  readonly environmentName?: string;
  /** Reads a file for `@/path` values and kubeconfig files; undefined when the file does not exist. */
  readonly readFile: (path: string) => string | undefined;
  /** True when the files form a discovered dbnd project; false for a file checked on its own. */
  readonly isProject: boolean;
  /** Entry diagnostics kept from the previous snapshot's lint (the language server's; none for one-off lints). */
  readonly lintMemo?: EntryDiagnosticsMemo;
}

export class Analysis {
  private readonly cache = new Map<string, unknown>();
  private readonly byUri = new Map<string, ProjectFile>();
  private readonly byPath = new Map<string, ProjectFile>();

  constructor(readonly snapshot: ProjectSnapshot) {
    for (const file of snapshot.files) {
      this.byUri.set(file.uri, file);
      this.byPath.set(file.path, file);
    }
  }

  /** The project's files in dbnd's load order. */
  get files(): readonly ProjectFile[] {
    return this.snapshot.files;
  }

  get env(): Environment {
    return this.snapshot.env;
  }

  fileByUri(uri: string): ProjectFile | undefined {
    return this.byUri.get(uri);
  }

  fileByPath(path: string): ProjectFile | undefined {
    return this.byPath.get(path);
  }

  /**
   * A value computed once per snapshot. `key` names the computation (e.g. `'symbols:' + uri`); keep it unique
   * per feature. This is the cache other features and custom requests share.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  /** The file's tolerant reading: its document with the lines dbnd rejects set aside (itself when it loads). */
  tolerant(file: ProjectFile): TolerantDocument {
    return tolerantDocument(file.doc);
  }

  /**
   * The tolerant model: the packaged defaults plus every project file's tolerant reading, layered as dbnd
   * layers them. What editor features read; it fails only if a packaged default did.
   */
  load(): DbndResult<ConfigLayer, LoadError> {
    return this.memo('load', () =>
      loadConfig(
        [
          ...PACKAGE_DEFAULT_FILES,
          ...this.files.map((f) => ({ path: f.path, text: f.text, doc: this.tolerant(f).doc })),
        ],
        this.env,
        {},
      ),
    );
  }

  /** dbnd's strict verdict on the files as they are: the layers, or the first file dbnd fails to read. */
  strictLoad(): DbndResult<ConfigLayer, LoadError> {
    return this.memo('strictLoad', () => loadConfig([...PACKAGE_DEFAULT_FILES, ...this.files], this.env, {}));
  }

  /** True when `line` of `file` is set aside in the tolerant model (dbnd rejects it, or it is a later duplicate). */
  isSetAside(file: ProjectFile, line: number): boolean {
    const lines = this.tolerant(file).setAsideLines;
    return lines.length > 0 && lines.includes(line);
  }
}
