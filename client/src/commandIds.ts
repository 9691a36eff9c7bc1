// Command ids, as declared in package.json `contributes.commands` (tests and CodeLenses name them too).
export const RESTART_SERVER_COMMAND = 'databand.restartServer';
export const SELECT_ENVIRONMENT_COMMAND = 'databand.selectEnvironment';
export const SHOW_POD_SPEC_COMMAND = 'databand.showPodSpec';
export const SHOW_EFFECTIVE_CONFIG_COMMAND = 'databand.showEffectiveConfig';
