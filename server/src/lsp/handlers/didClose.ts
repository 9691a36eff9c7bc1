// textDocument/didClose: the Problems panel forgets the document; its path falls back to the disk text, so the
// other open documents of its project are re-checked.
import type { TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../serverState';

export function didClose(state: ServerState, { document }: TextDocumentChangeEvent<TextDocument>): void {
  state.diagnostics.clear(document.uri);
  state.recheck(state.projects.documentClosed(document.uri));
}
