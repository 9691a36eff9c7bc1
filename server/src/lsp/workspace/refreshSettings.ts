// Reads the `databand.*` settings of every workspace folder with `workspace/configuration` (when the client
// supports it) and re-checks the documents of folders whose settings changed.
import type { ServerState } from '../serverState';
import { SETTINGS_SECTION, normaliseSettings } from './settings';

export async function refreshSettings(state: ServerState): Promise<void> {
  if (!state.clientCapabilities.workspace?.configuration) return;
  const folders = state.projects.folderUris;
  if (folders.length === 0) return;
  const answers: unknown[] = await state.connection.workspace.getConfiguration(
    folders.map((scopeUri) => ({ scopeUri, section: SETTINGS_SECTION })),
  );
  folders.forEach((folder, i) => state.recheck(state.projects.setSettings(folder, normaliseSettings(answers[i]))));
}
