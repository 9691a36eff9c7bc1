// Keys every engine inherits: `EngineConfig` (dbnd_run/run_settings/engine.py) and its container subclass
// `ContainerEngineConfig` (dbnd_docker/container_engine_config.py), shared by the Kubernetes and Docker engines.
// A subclass that overrides a parameter keeps the parent's position, so the order here is dbnd's order.
import { withDefault, withoutDefault } from './paramBuilders';
import { SYS_EXECUTABLE_PLACEHOLDER } from './placeholders';
import type { ParamSchema } from './types';

const DBND_LOCAL_ROOT_ON_ENGINE = withDefault(
  'dbnd_local_root',
  'Target',
  null,
  "Meant as the dbnd home folder inside the engine's machine. Nothing reads it on an engine; the environment's " +
    '`dbnd_local_root` is the one that counts.',
  { unused: 'No engine code reads `dbnd_local_root`; set it on the environment section instead.' },
);

/** Plain `EngineConfig` keys, as `LocalMachineEngineConfig` has them. */
export const ENGINE_CONFIG_PARAMS: readonly ParamSchema[] = [
  withDefault(
    'require_submit',
    'bool',
    false,
    'Wrap every task in a "submit" task that runs it on this engine. dbnd turns it off itself for the engine ' +
      'it already runs on.',
  ),
  DBND_LOCAL_ROOT_ON_ENGINE,
  withDefault(
    'dbnd_executable',
    'List[str]',
    [SYS_EXECUTABLE_PLACEHOLDER, '-m', 'dbnd'],
    'Command prefix used to start dbnd on this engine. The code default is the running Python interpreter ' +
      '(`sys.executable`, shown as `' +
      SYS_EXECUTABLE_PLACEHOLDER +
      '`) followed by `-m dbnd`.',
    { examples: ['["python", "-m", "dbnd"]', 'dbnd'] },
  ),
];

/** `EngineConfig` keys as `ContainerEngineConfig` redefines them, then its own keys. */
export const CONTAINER_ENGINE_CONFIG_PARAMS: readonly ParamSchema[] = [
  withDefault(
    'require_submit',
    'bool',
    true,
    'Wrap every task in a "submit" task that runs it on this engine. Container engines default to True ' +
      '(plain `EngineConfig` says False). dbnd sets it to False on the engine it already runs on, and on the ' +
      'remote engine when tasks are not submitted or the Airflow Kubernetes executor handles them.',
  ),
  DBND_LOCAL_ROOT_ON_ENGINE,
  withDefault(
    'dbnd_executable',
    'List[str]',
    ['dbnd'],
    'Command prefix for the dbnd commands run in the container: the driver command is this list followed by ' +
      '`run ...`, a task submit is this list followed by `execute ...`. Written as a comma list (`python,-m,dbnd`) ' +
      'or a JSON list.',
    { examples: ['["python", "-m", "dbnd"]', '["/venv/bin/dbnd"]'] },
  ),
  withoutDefault(
    'container_repository',
    'str',
    'Image repository of the containers; the image is `<container_repository>:<container_tag>`. Required: there ' +
      'is no default, and an empty value fails validation ("Failed to validate value=\'\'"). A repository with a ' +
      'registry port (`localhost:5000/app`) breaks the driver submission, which splits the image on `:`. Quotes ' +
      'are kept as part of the value.',
    { validator: 'NonEmptyString', examples: ['gcr.io/my-project/my-app', 'databand_examples'] },
  ),
  withDefault(
    'container_tag',
    'VersionStr',
    null,
    'Image tag of the containers; when set, no image is built and this tag is used. The aliases `now` (UTC `%Y%m%d_%H%M%S`), ' +
      "`context_uid` and `git` (the project's git commit) are expanded. Left empty with `docker_build = False`, " +
      "dbnd fails with \"'docker_build=False', however, 'container_tag' is not defined\". When dbnd builds the " +
      'image it writes the built tag into `[kubernetes] container_tag` with override priority, so that tag wins ' +
      'everywhere in the run.',
    { examples: ['v1.2.3', 'now', 'git'] },
  ),
  withDefault('container_tag_gpu', 'VersionStr', null, 'Meant as the image tag for GPU tasks. Nothing reads it.', {
    unused: 'No code in dbnd 1.0.28 reads `container_tag_gpu`.',
  }),
  withDefault(
    'docker_build_tag_base',
    'str',
    'dbnd_build',
    'Prefix of the automatic image tag: `<docker_build_tag_base>_<UTC start time %Y%m%d_%H%M%S>`, used when dbnd ' +
      'builds the image and `docker_build_tag` is not set.',
  ),
  withDefault(
    'docker_build_tag',
    'str',
    null,
    'Exact tag for the image dbnd builds, instead of the automatic `<docker_build_tag_base>_<time>`. The CLI ' +
      'switch writes `[kubernetes] docker_build_tag`.',
    { cliFlag: '--docker-build-tag' },
  ),
  withDefault(
    'docker_build',
    'bool',
    true,
    'Build the image (`docker build -t repo:tag -f $DBND_HOME/Dockerfile .`) before submitting when ' +
      '`container_tag` is empty. The help text also says the repository is taken from the build settings when ' +
      'unset; it is not, `container_repository` is still required.',
  ),
  withDefault(
    'docker_build_push',
    'bool',
    true,
    'Push the image dbnd built. If False, dbnd also forces `image_pull_policy = Never` (override priority) so the ' +
      'cluster uses the local image.',
  ),
];
