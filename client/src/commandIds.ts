// Command ids, as declared in package.json `contributes.commands`.
export const RESTART_SERVER_COMMAND = 'databand.restartServer';
