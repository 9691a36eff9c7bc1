// `textDocument/rename`: a section renamed in every project file, open or not, from ide/rename.
import { ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { rename as renameSection } from '../../ide/rename';
import type { ServerState } from '../serverState';
import { toWorkspaceEdit } from '../toWorkspaceEdit';

const REQUEST_FAILED = -32803;

export function rename(state: ServerState, params: RenameParams): WorkspaceEdit {
  const uri = params.textDocument.uri;
  const result = renameSection(state.projects.analysisFor(uri), uri, params.position, params.newName);
  if (!result.ok) throw new ResponseError(REQUEST_FAILED, result.reason);
  return toWorkspaceEdit(result.edit);
}
