// `DatabandSystemConfig` (dbnd/_core/settings/core.py), family `databand`: the `dbnd` command-line switches as
// config. Order and defaults follow the dbnd source and docs/dbnd-rules.md §2.4 (the corpus does not report this
// object).
import { validateNoExtraParams, withDefault } from './paramBuilders';
import type { ConfigClassSchema } from './types';

const CMDLINE_FALSE_NOTE =
  ' `dbnd run` always writes this switch into its command-line layer (False when absent), so a file value never ' +
  'wins.';

export const DATABAND_SYSTEM_CONFIG: ConfigClassSchema = {
  className: 'DatabandSystemConfig',
  classPath: 'dbnd._core.settings.core.DatabandSystemConfig',
  family: 'databand',
  shortFamily: 'd._.s.c.DatabandSystemConfig',
  kind: 'settings',
  docs:
    'Command-line level settings (`[databand]`): the environment to run in and extra configuration files. In ' +
    '`setup.cfg`/`tox.ini` a `[databand]` section with `dbnd_home`/`dbnd_system`/`dbnd_config` only serves to ' +
    'find the project folder; those are not keys of this class.',
  params: [
    validateNoExtraParams('disabled'),
    withDefault('verbose', 'bool', false, 'More verbose logging.' + CMDLINE_FALSE_NOTE, { cliFlag: '--verbose' }),
    withDefault('describe', 'bool', false, 'Describe the run instead of executing it.' + CMDLINE_FALSE_NOTE, {
      cliFlag: '--describe',
    }),
    withDefault(
      'env',
      'str',
      'local',
      'Name of the environment section the run uses. It must be listed in `[run] environments`.',
      { cliFlag: '--env', examples: ['local', 'k8s_env'] },
    ),
    withDefault(
      'conf_file',
      'List[str]',
      null,
      'Extra configuration files (comma-separated). They are loaded as a layer **above** the command line, so ' +
        "their values beat `--set`. The docs' `DBND__CONF__FILE` does not exist; use `DBND__DATABAND__CONF_FILE` " +
        'or `DBND_CONFIG` (a single file read with the system files).',
      { cliFlag: '--conf-file', examples: ['conf/prod.cfg,conf/k8s.cfg'] },
    ),
    withDefault(
      'conf',
      'Dict[str,str]',
      null,
      'Configuration values as a nested dict `{"section": {"key": "value"}}`, loaded in the same layer as ' +
        '`conf_file`. Not a file list, whatever the docs say.',
      { cliFlag: '--conf', examples: ['{"kubernetes": {"namespace": "prod"}}'] },
    ),
  ],
  packageDefaultKeys: [],
  legacyKeys: [
    { name: 'module', movedTo: '[run] module', docs: 'Module imported before user classes are resolved.' },
    { name: 'print_task_band', docs: 'Printed the task band in the log; removed.' },
  ],
  registered: true,
};
