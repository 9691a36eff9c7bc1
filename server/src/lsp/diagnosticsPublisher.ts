// When diagnostics are computed and published: at once for a change after a quiet spell, a short debounce for
// the changes that follow it (typing produces a burst of versions), a version check so a result for an outdated
// text is dropped, and an empty publish on close so the Problems panel forgets the file.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from './describeError';

export const LINT_DEBOUNCE_MS = 100;

export type Linter = (document: TextDocument) => Diagnostic[];

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document's last lint ended (performance.now()): a quiet spell is counted from there. */
  private readonly lastLint = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly lint: Linter,
    private readonly debounceMs = LINT_DEBOUNCE_MS,
  ) {}

  /**
   * Lints the document once no newer change has arrived for `debounceMs` — or right away (on a zero timer, so
   * changes already received with this one are applied first) when nothing was pending and the last lint is
   * older than `debounceMs`: a single edit then gets its diagnostics without waiting out the debounce (the
   * benchmark's edit→diagnostics), while a burst of typing is still coalesced after its first change.
   */
  schedule(uri: string): void {
    const quiet = !this.timers.has(uri) && performance.now() - (this.lastLint.get(uri) ?? -Infinity) >= this.debounceMs;
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          this.publish(uri);
          this.lastLint.set(uri, performance.now());
        },
        quiet ? 0 : this.debounceMs,
      ),
    );
  }

  /** The document was closed: forget pending work and its diagnostics. */
  clear(uri: string): void {
    this.cancel(uri);
    this.lastLint.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private publish(uri: string): void {
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
}
