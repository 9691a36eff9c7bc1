// `textDocument/foldingRange`: sections, multi-line values and comment runs, from ide/folding.
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { foldingRanges } from '../../ide/folding';
import type { ServerState } from '../serverState';

const KINDS = { comment: FoldingRangeKind.Comment, region: FoldingRangeKind.Region } as const;

export function foldingRange(state: ServerState, params: FoldingRangeParams): FoldingRange[] {
  const uri = params.textDocument.uri;
  return foldingRanges(state.projects.analysisFor(uri), uri).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    ...(r.kind ? { kind: KINDS[r.kind] } : {}),
  }));
}
