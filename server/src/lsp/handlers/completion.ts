// textDocument/completion → ide/completion.
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completions } from '../../ide/completion';
import type { ServerState } from '../serverState';
import { toCompletionItem } from '../toProtocol';

export function completion(state: ServerState, params: CompletionParams): CompletionItem[] {
  const uri = params.textDocument.uri;
  return completions(state.projects.analysisFor(uri), uri, params.position).map(toCompletionItem);
}
