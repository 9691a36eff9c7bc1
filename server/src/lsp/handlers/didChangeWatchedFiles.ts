// `workspace/didChangeWatchedFiles`: files changed on disk; re-check every open document whose project reads
// one of them (or whose DBND_HOME discovery they may change).
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { uriToPath } from '../documentPaths';
import type { ServerState } from '../serverState';

export function didChangeWatchedFiles(state: ServerState, params: DidChangeWatchedFilesParams): void {
  state.recheck(state.projects.diskChanged(params.changes.map((c) => uriToPath(c.uri))));
}
