// `textDocument/codeAction`: the quick fixes of the diagnostics in the requested range, each with its edits,
// from ide/codeActions.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { codeActions } from '../../ide/codeActions';
import { pathToUri, uriToPath } from '../documentPaths';
import type { ServerState } from '../serverState';
import { toDiagnostic } from '../toProtocol';
import { toWorkspaceEdit } from '../toWorkspaceEdit';

export function codeAction(state: ServerState, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const uri = params.textDocument.uri;
  const analysis = state.projects.analysisFor(uri);
  const document = { uri, path: uriToPath(uri) };
  const uriOf = (p: string) => analysis.fileByPath(p)?.uri ?? pathToUri(p, document);
  const snippets = state.clientCapabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  return codeActions(analysis, uri, params.range).map((action) => ({
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(action.diagnostic, uriOf)],
    isPreferred: action.isPreferred,
    edit: toWorkspaceEdit(action.edit, snippets),
  }));
}
