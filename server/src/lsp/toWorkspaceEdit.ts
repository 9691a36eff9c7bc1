// ide/ edits (per file URI) → an LSP WorkspaceEdit, as plain `changes` (every client supports them).
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { WorkspaceEdit as IdeWorkspaceEdit } from '../ide/edits';
import { toRange } from './toProtocol';

export function toWorkspaceEdit(edit: IdeWorkspaceEdit): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of edit) changes[uri] = edits.map((e) => ({ range: toRange(e.range), newText: e.newText }));
  return { changes };
}
