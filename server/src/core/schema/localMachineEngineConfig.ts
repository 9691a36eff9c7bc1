// `LocalMachineEngineConfig` (dbnd_run/run_settings/engine.py), family `local_machine`: the default
// `local_engine`. It has the plain EngineConfig keys only. The shipped section `[local_machine_engine]` points to it
// with `_type` (LEGACY: `_type = dbnd._core.settings.engine.LocalMachineEngineConfig`).
import { ENGINE_CONFIG_PARAMS } from './engineBaseParams';
import { validateNoExtraParams } from './paramBuilders';
import type { ConfigClassSchema } from './types';

export const LOCAL_MACHINE_ENGINE_CONFIG: ConfigClassSchema = {
  className: 'LocalMachineEngineConfig',
  classPath: 'dbnd_run.run_settings.engine.LocalMachineEngineConfig',
  family: 'local_machine',
  shortFamily: 'd.r.e.LocalMachineEngineConfig',
  kind: 'engine',
  docs:
    'Runs tasks in processes on the machine dbnd runs on. It is the default `local_engine` of every environment ' +
    '(section `[local_machine_engine]`, whose `_type` names this class). It cannot accept a submitted driver.',
  params: [validateNoExtraParams('disabled'), ...ENGINE_CONFIG_PARAMS],
  packageDefaultKeys: [],
  legacyKeys: [],
  registered: true,
};
