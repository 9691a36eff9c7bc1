// textDocument/didOpen and didChange (TextDocuments reports both as a content change): the document and every
// open document of its project are re-checked.
import type { TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../serverState';

export function didChangeContent(state: ServerState, { document }: TextDocumentChangeEvent<TextDocument>): void {
  state.recheck(state.projects.documentChanged(document.uri));
}
