// One open document → its LSP diagnostics, from the analysis of the project it belongs to.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileDiagnostics } from '../ide/diagnostics';
import { pathToUri, uriToPath } from './documentPaths';
import { toDiagnostic } from './toProtocol';
import type { ProjectModel } from './workspace/projectModel';

export function lintDocument(projects: ProjectModel, document: TextDocument): Diagnostic[] {
  const analysis = projects.analysisFor(document.uri);
  const path = uriToPath(document.uri);
  const uriOf = (p: string) => analysis.fileByPath(p)?.uri ?? pathToUri(p, { uri: document.uri, path });
  return fileDiagnostics(analysis, path).map((d) => toDiagnostic(d, uriOf));
}
