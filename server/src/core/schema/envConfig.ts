// The environment classes (dbnd_run/run_settings/env.py): `EnvConfig` (family `env`) and its subclass
// `LocalEnvConfig` (family `local`), which adds no keys. Cloud env classes (`[gcp]`, `[aws]`, `[azure]`) come from
// plugins that are not modelled. Order, types and code defaults are checked against the conformance cases.
import { validateNoExtraParams, withDefault, withoutDefault } from './paramBuilders';
import type { ConfigClassSchema, ParamSchema } from './types';

const ENV_PARAMS: readonly ParamSchema[] = [
  validateNoExtraParams('disabled'),
  withDefault('env_label', 'str', 'dev', 'Label of the environment, used in output paths as `{env_label}`.', {
    examples: ['dev', 'prod'],
  }),
  withDefault(
    'production',
    'bool',
    false,
    'Marks a production environment: production output paths are used and tasks disabled in production do not ' +
      'run.',
  ),
  withDefault('conn_id', 'str', null, 'Airflow connection id of the cloud this environment uses.', {
    examples: ['google_cloud_default'],
  }),
  withoutDefault(
    'root',
    'Target',
    'Root folder (or bucket URL) of all task outputs of this environment. Required; the shipped `[local]` sets ' +
      '`${DBND_HOME}/data`, so environments derived from `local` inherit it.',
    { examples: ['${DBND_HOME}/data', 'gs://my-bucket/dbnd'] },
  ),
  withDefault('dbnd_root', 'Target', null, "Folder for dbnd's own outputs: run folders, logs, `run.pickle`.", {
    derived: 'When unset, dbnd uses `<root>/dbnd`.',
  }),
  // An output parameter without a default in dbnd: unset means "no value" (source ''), not MissingParameterError.
  withoutDefault(
    'dbnd_local_root',
    'Target',
    "Local folder for dbnd's own files. The shipped `[local]`, `[gcp]`, `[aws]` and `[azure]` set " +
      '`${DBND_HOME}/data/dbnd`.',
    {
      derived:
        'When unset, dbnd uses `dbnd_root` if that is a local folder, and otherwise fails with "environment ' +
        'doesn\'t have dbnd_local_root defined".',
    },
  ),
  withoutDefault('dbnd_data_sync_root', 'Target', 'Folder where local files are synced for remote engines.', {
    derived: 'When unset, dbnd uses `<dbnd_root>/sync`.',
  }),
  withDefault(
    'local_engine',
    'str',
    'local_machine_engine',
    'Name of the engine section used to run locally (and when `remote_engine` is not set).',
  ),
  withDefault(
    'remote_engine',
    'str',
    null,
    'Name of the engine section the driver and tasks are submitted to, e.g. your Kubernetes engine section. ' +
      'When unset, everything runs on `local_engine`.',
    { examples: ['my_kubernetes_engine'] },
  ),
  withDefault(
    'submit_driver',
    'bool',
    null,
    'Run the driver on `remote_engine` (a driver pod for Kubernetes). `[run] submit_driver` ' +
      '(`--submit-driver`/`--local-driver`) overrides it.',
    { derived: 'When unset, dbnd uses `bool(remote_engine)`.' },
  ),
  withDefault(
    'submit_tasks',
    'bool',
    null,
    'Submit every task to `remote_engine` (a pod per task for Kubernetes); otherwise tasks run inside the driver. ' +
      '`[run] submit_tasks` (`--submit-tasks`/`--no-submit-tasks`) overrides it.',
    { derived: 'When unset, dbnd uses `bool(remote_engine)`.' },
  ),
  withDefault('spark_config', 'str', 'spark', 'Name of the Spark configuration section.'),
  withDefault(
    'spark_engine',
    'str',
    'spark_local',
    'Name of the Spark engine section (shipped: `spark_local` for local, `dataproc` for gcp, `emr` for aws).',
  ),
  withDefault('hdfs', 'str', 'hdfs_knox', 'Name of the HDFS configuration section.'),
  withDefault('beam_config', 'str', 'beam', 'Name of the Apache Beam configuration section.'),
  withDefault('beam_engine', 'str', 'local', 'Name of the Apache Beam engine.'),
  withDefault(
    'docker_engine',
    'str',
    'docker',
    'Engine section used by `DockerRunTask` user tasks (shipped `aws_batch` for aws).',
  ),
];

const ENV_DOCS_TAIL =
  'Which environment a run uses is `[databand] env` (`--env`, default `local`); it must be listed in ' +
  '`[run] environments`. Its `remote_engine`/`local_engine` pick the engine.';

export const ENV_CONFIG: ConfigClassSchema = {
  className: 'EnvConfig',
  classPath: 'dbnd_run.run_settings.env.EnvConfig',
  family: 'env',
  shortFamily: 'd.r.e.EnvConfig',
  kind: 'env',
  docs: 'Base environment class: where outputs go and which engines run the driver and tasks. ' + ENV_DOCS_TAIL,
  params: ENV_PARAMS,
  packageDefaultKeys: [],
  legacyKeys: [],
  registered: true,
};

export const LOCAL_ENV_CONFIG: ConfigClassSchema = {
  className: 'LocalEnvConfig',
  classPath: 'dbnd_run.run_settings.env.LocalEnvConfig',
  family: 'local',
  shortFamily: 'd.r.e.LocalEnvConfig',
  kind: 'env',
  docs:
    'The local environment (`[local]`), and the class of every env section with `_from = local`. Such sections ' +
    'read `[local]` (not `[env]`) as their family section. ' +
    ENV_DOCS_TAIL,
  params: ENV_PARAMS,
  packageDefaultKeys: ['root', 'dbnd_local_root', 'spark_engine'],
  legacyKeys: [],
  registered: true,
};
