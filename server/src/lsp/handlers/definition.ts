// `textDocument/definition`: a section name used in a value → its `[headers]` in the project, from ide/definition.
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { definition as findDefinition } from '../../ide/definition';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

export function definition(state: ServerState, params: DefinitionParams): Location[] {
  const uri = params.textDocument.uri;
  return findDefinition(state.projects.analysisFor(uri), uri, params.position).map((r) => ({
    uri: r.uri,
    range: toRange(r.range),
  }));
}
