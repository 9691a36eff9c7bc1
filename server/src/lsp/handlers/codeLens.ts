// `textDocument/codeLens` → ide/codeLenses: "Show Pod spec" and "Show effective config" above each environment
// and engine section; each lens runs the extension's command for its view with `{ uri, ...target }`.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { SHOW_EFFECTIVE_CONFIG_COMMAND, SHOW_POD_SPEC_COMMAND } from '../../../../protocol/commandIds';
import { type LensView, codeLenses } from '../../ide/codeLenses';
import type { ServerState } from '../serverState';
import { toRange } from '../toProtocol';

const COMMANDS: Record<LensView, string> = {
  podSpec: SHOW_POD_SPEC_COMMAND,
  effectiveConfig: SHOW_EFFECTIVE_CONFIG_COMMAND,
};

export function codeLens(state: ServerState, params: CodeLensParams): CodeLens[] {
  const uri = params.textDocument.uri;
  // The document's analysis: its project with the document in it, as the editor's other features see it.
  return codeLenses(state.projects.analysisFor(uri), uri).map((lens) => ({
    range: toRange(lens.range),
    command: { title: lens.title, command: COMMANDS[lens.view], arguments: [{ uri, ...lens.target }] },
  }));
}
