// textDocument/completion → ide/completion. The trigger character of the request's context (typing `=`, `[`, `"`)
// goes along: a list opens on it only where that character starts something to complete.
import { CompletionTriggerKind, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completionList } from '../../ide/completion';
import type { ServerState } from '../serverState';
import { toCompletionItem } from '../toProtocol';

export function completion(state: ServerState, params: CompletionParams): CompletionList {
  const uri = params.textDocument.uri;
  const trigger =
    params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter
      ? params.context.triggerCharacter
      : undefined;
  const list = completionList(state.projects.analysisFor(uri), uri, params.position, trigger);
  return { isIncomplete: list.isIncomplete, items: list.entries.map(toCompletionItem) };
}
