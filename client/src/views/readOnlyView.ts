// A family of read-only documents under one URI scheme whose text the language server computes: the query of
// the URI says what to show, the document re-renders when any file of its project changes, and ranges of the
// text link to the line in the user's files they talk about.
import * as vscode from 'vscode';

export interface ViewLink {
  readonly range: vscode.Range;
  readonly target: vscode.Location;
}

export interface RenderedView {
  readonly text: string;
  readonly links: readonly ViewLink[];
  /** The project's config files: a change to any of them re-renders the document. */
  readonly files: readonly string[];
}

/** A file URI that opens at the location's line and column (VS Code's `#L<line>,<column>` fragment, 1-based). */
export function linkTarget(location: vscode.Location): vscode.Uri {
  const { line, character } = location.range.start;
  return location.uri.with({ fragment: `L${line + 1},${character + 1}` });
}

export class ReadOnlyView<Query extends { readonly uri: string }>
  implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider
{
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly rendered = new Map<string, RenderedView>();

  constructor(
    readonly scheme: string,
    private readonly render: (query: Query) => Promise<RenderedView>,
  ) {}

  register(): vscode.Disposable[] {
    return [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(this.scheme, this),
      vscode.languages.registerDocumentLinkProvider({ scheme: this.scheme }, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.rendered.delete(doc.uri.toString())),
    ];
  }

  /** `path` is what the tab shows; its extension picks the language. */
  uri(path: string, query: Query): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path, query: JSON.stringify(query) });
  }

  query(uri: vscode.Uri): Query | undefined {
    if (uri.scheme !== this.scheme) return undefined;
    try {
      return JSON.parse(uri.query) as Query;
    } catch {
      return undefined;
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = this.query(uri);
    if (!query) return `# Not a document this extension can show: ${uri.toString()}\n`;
    try {
      const view = await this.render(query);
      this.rendered.set(uri.toString(), view);
      return view.text;
    } catch (err) {
      // Shown instead of a stale document; the next change of the project tries again.
      this.rendered.set(uri.toString(), { text: '', links: [], files: [] });
      return `# Databand could not compute this document: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const view = this.rendered.get(doc.uri.toString());
    return (view?.links ?? []).map((l) => {
      const link = new vscode.DocumentLink(l.range, linkTarget(l.target));
      link.tooltip = 'Open the line that causes it';
      return link;
    });
  }

  /** Whether an open document of this scheme was computed from `uri` (one of its project's config files). */
  dependsOn(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return [...this.rendered.values()].some((view) => view.files.includes(key));
  }

  /** Re-renders every open document of this scheme. */
  refresh(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === this.scheme) this.changed.fire(doc.uri);
    }
  }
}
