// `workspace/symbol`: the sections of every project's files matching the query, from ide/workspaceSymbols.
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../../ide/workspaceSymbols';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

export function workspaceSymbol(state: ServerState, params: WorkspaceSymbolParams): SymbolInformation[] {
  return workspaceSymbols(state.projects.workspaceAnalyses(), params.query).map((s) => ({
    name: s.name,
    kind: SymbolKind.Namespace,
    location: { uri: s.uri, range: toRange(s.range) },
    containerName: s.containerName,
  }));
}
