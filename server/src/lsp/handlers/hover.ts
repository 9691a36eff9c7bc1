// textDocument/hover → ide/hover.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover as hoverAt } from '../../ide/hover';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

export function hover(state: ServerState, params: HoverParams): Hover | null {
  const uri = params.textDocument.uri;
  const result = hoverAt(state.projects.analysisFor(uri), uri, params.position);
  return result && { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(result.range) };
}
