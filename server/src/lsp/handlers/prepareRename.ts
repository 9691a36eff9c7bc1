// `textDocument/prepareRename`: the section name under the cursor, or why it cannot be renamed (shown by the
// editor as an error), from ide/rename.
import { ResponseError, type PrepareRenameParams, type Range } from 'vscode-languageserver/node';
import { prepareRename as prepare } from '../../ide/rename';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

/** LSP's RequestFailed: the request was valid but cannot be answered (here: a name dbnd reserves). */
const REQUEST_FAILED = -32803;

export function prepareRename(
  state: ServerState,
  params: PrepareRenameParams,
): { range: Range; placeholder: string } | null {
  const uri = params.textDocument.uri;
  const result = prepare(state.projects.analysisFor(uri), uri, params.position);
  if (!result) return null;
  if (!result.ok) throw new ResponseError(REQUEST_FAILED, result.reason);
  return { range: toRange(result.range), placeholder: result.placeholder };
}
