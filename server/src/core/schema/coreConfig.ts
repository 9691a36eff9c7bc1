// `CoreConfig` (dbnd/_core/settings/core.py), family `core`: connection to the Databand service and tracking
// stores. Many orchestration keys lived here before dbnd 1.0.15 (LEGACY); they are unknown keys now and are listed
// as `legacyKeys`, not params, so the unknown-key warning stays what dbnd does (conformance case 28).
import { validateNoExtraParams, withDefault, withoutDefault } from './paramBuilders';
import type { ConfigClassSchema } from './types';

const MOVED_TO_RUN = (key: string): { name: string; movedTo: string; docs: string } => ({
  name: key,
  movedTo: `[run] ${key}`,
  docs: `Moved to \`[run] ${key}\` in dbnd 1.0.15; in \`[core]\` it is ignored with an unknown-key warning.`,
});

export const CORE_CONFIG: ConfigClassSchema = {
  className: 'CoreConfig',
  classPath: 'dbnd._core.settings.core.CoreConfig',
  family: 'core',
  shortFamily: 'd._.s.c.CoreConfig',
  kind: 'settings',
  docs:
    'Connection to the Databand service and the tracking stores (`[core]`). In Kubernetes setups ' +
    '`DBND__CORE__DATABAND_URL` usually reaches the pods through a secret. Before dbnd 1.0.15 `[core]` also held ' +
    '`environments` and the user-code hooks, which now live in `[run]`.',
  params: [
    validateNoExtraParams('disabled'),
    withDefault(
      'databand_url',
      'str',
      null,
      'URL of the Databand web server, used for tracking and for links in the log. A trailing `/` is removed. ' +
        'When empty, the `api` tracker is dropped from `tracker`.',
      { examples: ['https://databand.example.com'] },
    ),
    withDefault(
      'databand_access_token',
      'str',
      null,
      'Personal access token for the Databand web server; preferred over `dbnd_user`/`dbnd_password`.',
    ),
    withDefault('ignore_ssl_errors', 'bool', false, 'Accept a self-signed certificate of the Databand web server.'),
    withDefault(
      'extra_default_headers',
      'Dict[str,str]',
      null,
      'Extra HTTP headers sent with every request of the API client.',
    ),
    withoutDefault(
      'tracker',
      'List[str]',
      'Tracking stores to use (`console`, `api`, `file`, ...). No code default; `databand-core.cfg` ships ' +
        '`[\'api\']` and `dbnd-run.cfg` overrides it with `["console", "api"]`. `api` is dropped when ' +
        '`databand_url` is empty.',
      { examples: ['["console", "api"]'] },
    ),
    withDefault('tracker_api', 'str', 'web', 'Channel of the `api` tracking store.'),
    withoutDefault('tracker_version', 'str', 'Version of the tracking protocol. No code default; shipped `2`.'),
    withDefault(
      'debug_webserver',
      'bool',
      false,
      "Collect the web server's logs for every API call on the local machine (the server must allow it).",
    ),
    withDefault('tracker_raise_on_error', 'bool', true, 'Fail when tracking data fails.'),
    withDefault('remove_failed_store', 'bool', false, 'Drop a tracking store after it failed.'),
    withDefault('max_tracking_store_retries', 'int', 2, 'Retries of one tracking store call after a failure.'),
    withDefault('client_session_timeout', 'int', 5, 'Minutes after which the API client recreates its session.'),
    withDefault('client_max_retry', 'int', 2, 'Retries of the API client after a failed connection.'),
    withDefault('client_retry_sleep', 'float', 0.1, 'Seconds between two retries of the API client.'),
    withoutDefault('dbnd_user', 'str', 'User name for the Databand web server. Shipped `databand`.', {
      deprecated: 'Use `databand_access_token`.',
    }),
    withoutDefault('dbnd_password', 'str', 'Password for the Databand web server. Shipped `databand`.', {
      deprecated: 'Use `databand_access_token`.',
    }),
  ],
  packageDefaultKeys: ['tracker', 'tracker_api', 'tracker_version', 'databand_url', 'dbnd_user', 'dbnd_password'],
  legacyKeys: [
    {
      name: 'environments',
      movedTo: '[run] environments',
      docs:
        'The list of enabled environments lived here until dbnd 1.0.14. dbnd 1.0.28 reads `[run] environments` ' +
        'only; a `[core] environments` is ignored with an unknown-key warning, so the env it lists is "unknown".',
    },
    MOVED_TO_RUN('user_configs'),
    MOVED_TO_RUN('user_init'),
    MOVED_TO_RUN('user_driver_init'),
    MOVED_TO_RUN('user_code_on_fork'),
    MOVED_TO_RUN('plugins'),
    MOVED_TO_RUN('fix_env_on_osx'),
    {
      name: 'tracker_url',
      movedTo: '[core] databand_url',
      docs: 'Old name of `databand_url`; no longer read.',
    },
    { name: 'silence_tracking_mode', docs: 'Silenced the console in tracking mode; removed.' },
  ],
  registered: true,
};
