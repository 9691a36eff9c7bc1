// `textDocument/references`: every use of a section name in the project's files, from ide/references.
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { references as findReferences } from '../../ide/references';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

export function references(state: ServerState, params: ReferenceParams): Location[] {
  const uri = params.textDocument.uri;
  return findReferences(state.projects.analysisFor(uri), uri, params.position, params.context.includeDeclaration).map(
    (r) => ({
      uri: r.uri,
      range: toRange(r.range),
    }),
  );
}
