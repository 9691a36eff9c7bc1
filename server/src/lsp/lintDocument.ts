// One open document → its LSP diagnostics, from the analysis of the project it belongs to; and the files of
// every project that are not open → theirs, from the same analysis (the Problems panel shows the project's verdict).
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

/** Every unopened file of every workspace project → its diagnostics (an empty list when it is clean). */
export function lintUnopenedFiles(projects: ProjectModel): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const analysis of projects.projectAnalyses()) {
    const uriOf = (p: string) => analysis.fileByPath(p)?.uri ?? pathToUri(p, { uri: '', path: p });
    for (const file of analysis.files) {
      if (file.open) continue;
      out.set(
        file.uri,
        fileDiagnostics(analysis, file.path).map((d) => toDiagnostic(d, uriOf)),
      );
    }
  }
  return out;
}
