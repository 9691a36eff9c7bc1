// One open document → its LSP diagnostics, through the core's lintFiles. For now the document is linted on
// its own; the other layers of the workspace (project.cfg beside databand-system.cfg, ...) come later.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintFiles } from '../core/diagnostics/lintFiles';
import type { Environment } from '../core/values/expandVars';
import { pathToUri, uriToPath } from './documentPaths';
import { toDiagnostic } from './toProtocol';

export function lintDocument(document: TextDocument, env: Environment): Diagnostic[] {
  const path = uriToPath(document.uri);
  const target = { uri: document.uri, path };
  return (
    lintFiles([{ path, text: document.getText() }], { env })
      // A diagnostic of another file would need its own publish; with one input there is none.
      .filter((d) => d.path === path)
      .map((d) => toDiagnostic(d, (p) => pathToUri(p, target)))
  );
}
