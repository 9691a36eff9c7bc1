// "Databand: Restart Language Server": a fresh server process, e.g. after it failed to start.
import { RESTART_SERVER_COMMAND } from '../commandIds';
import type { DatabandCommand } from './command';

export const restartServer: DatabandCommand = {
  id: RESTART_SERVER_COMMAND,
  run: ({ server }) => server.restart(),
};
