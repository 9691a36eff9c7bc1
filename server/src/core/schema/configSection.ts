// `[config]`: the lowest-priority section of every config object (engines, envs, `[run]`, `[core]`, ...). Its
// only own key is the unknown-key policy; any other key set here is read by (and unknown to) every object.
import { validateNoExtraParams } from './paramBuilders';
import type { ConfigClassSchema } from './types';

export const CONFIG_SECTION: ConfigClassSchema = {
  className: 'Config',
  classPath: 'dbnd._core.task.config.Config',
  family: 'config',
  shortFamily: 'd._.t.c.Config',
  kind: 'section',
  docs:
    'Defaults for every config object. Only `validate_no_extra_params` belongs here; another key in `[config]` ' +
    'reaches every object and produces an unknown-key warning for each of them.',
  params: [validateNoExtraParams('disabled')],
  packageDefaultKeys: ['validate_no_extra_params'],
  legacyKeys: [],
  registered: false,
};
