// `workspace/didChangeWorkspaceFolders`: a folder was added or removed (multi-root); each folder is one project.
import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { refreshSettings } from '../workspace/refreshSettings';
import type { ServerState } from '../serverState';

export async function didChangeWorkspaceFolders(state: ServerState, event: WorkspaceFoldersChangeEvent): Promise<void> {
  for (const folder of event.removed) state.projects.removeFolder(folder.uri);
  for (const folder of event.added) state.projects.addFolder(folder);
  state.recheck(state.documents.all().map((d) => d.uri));
  await refreshSettings(state);
}
