// `workspace/didChangeConfiguration`: settings changed; read them again per folder (the pushed value is not
// per folder, so it is only a signal).
import { refreshSettings } from '../workspace/refreshSettings';
import type { ServerState } from '../serverState';

export function didChangeConfiguration(state: ServerState): Promise<void> {
  return refreshSettings(state);
}
