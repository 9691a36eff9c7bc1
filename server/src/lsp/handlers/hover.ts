// textDocument/hover → ide/hover.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hover as hoverAt } from '../../ide/hover';
import { projectUriOf } from '../documentPaths';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

export function hover(state: ServerState, params: HoverParams): Hover | null {
  const uri = params.textDocument.uri;
  const analysis = state.projects.analysisFor(uri);
  const result = hoverAt(analysis, uri, params.position, projectUriOf(analysis));
  return result && { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(result.range) };
}
