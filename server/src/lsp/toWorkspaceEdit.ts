// ide/ edits (per file URI) → an LSP WorkspaceEdit, as plain `changes` (every client supports them). When the
// client supports snippet edits (LSP 3.18 `workspaceEdit.snippetEditSupport`) and an edit says where the cursor
// goes (a quick fix that inserts a key with an empty value), the edit is sent as `documentChanges` with a
// SnippetTextEdit, so the editor places the cursor there.
import type { SnippetTextEdit, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { WorkspaceEdit as IdeWorkspaceEdit } from '../ide/edits';
import { toRange } from './toProtocol';

export function toWorkspaceEdit(edit: IdeWorkspaceEdit, snippets = false): WorkspaceEdit {
  const hasSnippet = [...edit.values()].some((edits) => edits.some((e) => e.snippet !== undefined));
  if (snippets && hasSnippet) {
    const documentChanges: TextDocumentEdit[] = [...edit].map(([uri, edits]) => ({
      textDocument: { uri, version: null },
      edits: edits.map((e): TextEdit | SnippetTextEdit =>
        e.snippet === undefined
          ? { range: toRange(e.range), newText: e.newText }
          : { range: toRange(e.range), snippet: { kind: 'snippet', value: e.snippet } },
      ),
    }));
    return { documentChanges };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of edit) changes[uri] = edits.map((e) => ({ range: toRange(e.range), newText: e.newText }));
  return { changes };
}
