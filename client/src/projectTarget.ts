// Which dbnd project a command is about: the active dbnd-cfg document's, the one a read-only Databand document
// shows, else the first workspace folder's. The server finds the project from the URI; the folder keys what
// the extension remembers per workspace folder (the selected environment).
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './languageClient';

export interface ProjectTarget {
  /** Sent to the server, which finds DBND_HOME and the config files from it. */
  readonly uri: vscode.Uri;
  /** The workspace folder's URI (or the file's, outside any folder): the key of remembered state. */
  readonly key: string;
}

export function projectOf(uri: vscode.Uri): ProjectTarget {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return { uri, key: (folder?.uri ?? uri).toString() };
}

/** `projectOfView` maps a read-only Databand document back to the project it shows. */
export function activeProject(projectOfView: (uri: vscode.Uri) => vscode.Uri | undefined): ProjectTarget | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === LANGUAGE_ID) return projectOf(doc.uri);
  const shown = doc && projectOfView(doc.uri);
  if (shown) return projectOf(shown);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? projectOf(folder.uri) : undefined;
}
