// `textDocument/documentSymbol`: the outline (sections with their keys), from ide/symbols.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols, type DocumentSymbol as IdeSymbol } from '../../ide/symbols';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

function toSymbol(symbol: IdeSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Property,
    range: toRange(symbol.range),
    selectionRange: toRange(symbol.selectionRange),
    children: symbol.children.map(toSymbol),
  };
}

export function documentSymbol(state: ServerState, params: DocumentSymbolParams): DocumentSymbol[] {
  const uri = params.textDocument.uri;
  return documentSymbols(state.projects.analysisFor(uri), uri).map(toSymbol);
}
