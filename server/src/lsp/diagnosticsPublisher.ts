// When diagnostics are computed and published: at once for a change when nothing is pending (an edit gets its
// diagnostics as soon as the lint has run), a short debounce while changes keep arriving before that lint starts
// (a burst of versions, or keystrokes queued behind a long lint, end in one lint of the last version), a version
// check so a result for an outdated text is dropped, and an empty publish on close so the Problems panel forgets
// the file. The project's verdict, not a file's: the files of every project that are not open get their
// diagnostics too (the same analysis, read from disk), republished after every change and cleared when a file
// stops being an unopened project file (it left the project; an open one is published as a document).
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from './describeError';

export const LINT_DEBOUNCE_MS = 100;

export type Linter = (document: TextDocument) => Diagnostic[];
/** The diagnostics of every project file that is not open, per URI (an empty list for a clean file). */
export type UnopenedLinter = () => ReadonlyMap<string, Diagnostic[]>;

export class DiagnosticsPublisher {
  /** Per URI, how to cancel its pending lint (a debounce timer or the immediates of an at-once lint). */
  private readonly timers = new Map<string, () => void>();
  /** URIs of unopened files whose diagnostics were published last time (to clear them when they leave). */
  private unopenedPublished = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly lint: Linter,
    private readonly debounceMs = LINT_DEBOUNCE_MS,
    private readonly lintUnopened: UnopenedLinter = () => new Map(),
  ) {}

  /** Publish the unopened project files' diagnostics, after the changes already received (same debounce). */
  scheduleUnopened(): void {
    this.schedule(UNOPENED);
  }

  /**
   * Lints the document at once when no lint of it is pending; a change that finds one pending pushes it back by
   * `debounceMs`, so a burst is linted once, after its last change. Time since the last lint does not matter: an
   * edit made right after the previous diagnostics arrived is not part of a burst and is linted at once.
   * "At once" is two `setImmediate`s away, behind the changes already received: the connection handles one queued
   * message per `setImmediate` and queues the next one after the current handler returns, so a change queued
   * behind this one is handled first, finds this lint pending and joins the debounce (a zero timer would fire
   * between two queued messages whenever handling one takes a millisecond).
   */
  schedule(uri: string): void {
    const pending = this.timers.has(uri);
    this.cancel(uri);
    const run = () => {
      this.timers.delete(uri);
      this.publish(uri);
    };
    if (pending) {
      const timer = setTimeout(run, this.debounceMs);
      this.timers.set(uri, () => clearTimeout(timer));
      return;
    }
    const first = setImmediate(() => {
      const second = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(second));
    });
    this.timers.set(uri, () => clearImmediate(first));
  }

  /** The document was closed: forget pending work and its diagnostics. */
  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  private publish(uri: string): void {
    if (uri === UNOPENED) return this.publishUnopened();
    const document = this.documents.get(uri);
    if (!document) return; // closed while waiting
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.lint(document);
    } catch (err) {
      // A core bug must not take the server down; the user keeps the last good diagnostics.
      this.connection.console.error(`Linting ${uri} (version ${version}) failed: ${describeError(err)}`);
      return;
    }
    // Stale if the text changed (or the document closed) while linting ran.
    if (this.documents.get(uri)?.version !== version) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private publishUnopened(): void {
    let found: ReadonlyMap<string, Diagnostic[]>;
    try {
      found = this.lintUnopened();
    } catch (err) {
      this.connection.console.error(`Linting the unopened project files failed: ${describeError(err)}`);
      return;
    }
    const published = new Set<string>();
    for (const [uri, diagnostics] of found) {
      if (this.documents.get(uri)) continue; // opened meanwhile: its own publish (with a version) answers
      published.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.unopenedPublished) {
      if (!published.has(uri) && !this.documents.get(uri))
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.unopenedPublished = published;
  }
}

/** The timer key of the unopened files' publish (no document URI looks like this). */
const UNOPENED = '\0unopened project files';
