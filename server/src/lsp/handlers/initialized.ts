// `initialized`: ask the client to watch the files that make up dbnd projects (when it can register watchers)
// and read the `databand.*` settings of every folder.
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import { refreshSettings } from '../workspace/refreshSettings';
import type { ServerState } from '../serverState';

/** Config files by any name (extra files, DBND_CONFIG), and the two files a `[databand]` section can mark. */
export const WATCHED_GLOBS = ['**/*.cfg', '**/tox.ini'];

export async function initialized(state: ServerState): Promise<void> {
  if (state.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    await state.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
    });
  }
  await refreshSettings(state);
  // The project files nobody opened get their diagnostics too, from the start.
  state.recheck([]);
}
