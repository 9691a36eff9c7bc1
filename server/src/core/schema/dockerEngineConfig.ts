// `DockerEngineConfig` (dbnd_docker/docker/docker_engine_config.py), family `docker`: runs tasks in local Docker
// containers. A sibling of the Kubernetes engine: both inherit ContainerEngineConfig, neither has the other's keys.
import { CONTAINER_ENGINE_CONFIG_PARAMS } from './engineBaseParams';
import { validateNoExtraParams, withDefault, withoutDefault } from './paramBuilders';
import type { ConfigClassSchema, ParamSchema } from './types';

const TLS_NOTE = 'TLS setting of the connection to the Docker daemon:';

const DOCKER_OWN_PARAMS: readonly ParamSchema[] = [
  withDefault(
    'network',
    'str',
    null,
    'Docker network the container joins. The shipped `[docker]` sets it to the empty string.',
  ),
  withoutDefault(
    'api_version',
    'str',
    'Docker remote API version, or `auto` to ask the daemon. Required: there is no default, so building the ' +
      '`docker` engine without it fails with MissingParameterError.',
    { examples: ['auto', '1.41'] },
  ),
  withDefault('docker_url', 'str', 'unix://var/run/docker.sock', 'URL of the Docker daemon.', {
    examples: ['unix://var/run/docker.sock', 'tcp://docker-host:2375'],
  }),
  withDefault('auto_remove', 'bool', false, 'Let the daemon remove the container when its process exits.'),
  withDefault('force_pull', 'bool', false, 'Pull the image on every run.'),
  withDefault('cpus', 'float', 1.0, 'Number of CPUs for the container; multiplied by 1024 into a CPU share.'),
  withDefault('environment', 'Dict[str,str]', {}, 'Environment variables of the container.', {
    examples: ['{"MY_FLAG": "1"}'],
  }),
  withDefault('mem_limit', 'str', null, 'Memory limit of the container, in bytes or with a unit (`128m`, `1g`).', {
    examples: ['512m', '1g'],
  }),
  withDefault('network_mode', 'str', null, 'Docker network mode of the container (e.g. `host`, `bridge`).'),
  withDefault('tls_ca_cert', 'str', null, `${TLS_NOTE} path of a PEM CA certificate.`),
  withDefault('tls_client_cert', 'str', null, `${TLS_NOTE} path of the PEM client certificate.`),
  withDefault('tls_client_key', 'str', null, `${TLS_NOTE} path of the PEM client key.`),
  withDefault('tls_hostname', 'str', null, `${TLS_NOTE} host name to match against the server certificate.`),
  withDefault('tls_ssl_version', 'str', null, `${TLS_NOTE} SSL version to use.`),
  withDefault(
    'volumes',
    'List[str]',
    [],
    'Bind mounts as `host_path:container_path[:ro]` strings (unlike the Kubernetes key of the same name).',
    { examples: ['/data:/data:ro'] },
  ),
  withDefault('working_dir', 'str', null, 'Working directory inside the container (`docker run -w`).'),
  withDefault(
    'tmp_dir',
    'str',
    '/tmp/airflow',
    'Mount point of a host temporary folder inside the container, also exposed as `AIRFLOW_TMP_DIR`.',
  ),
  withDefault('docker_conn_id', 'str', null, 'Airflow connection id with the registry credentials.'),
  withDefault('user', 'str', null, 'User the container runs as.'),
  withDefault('shm_size', 'int', null, 'Size of `/dev/shm` in bytes; must be greater than 0.'),
  withDefault('dns', 'List[str]', [], 'Custom DNS servers of the container.'),
  withDefault('dns_search', 'List[str]', [], 'Custom DNS search domains of the container.'),
];

export const DOCKER_ENGINE_CONFIG: ConfigClassSchema = {
  className: 'DockerEngineConfig',
  classPath: 'dbnd_docker.docker.docker_engine_config.DockerEngineConfig',
  family: 'docker',
  shortFamily: 'd.d.d.DockerEngineConfig',
  kind: 'engine',
  docs:
    'Runs tasks in local Docker containers (plugin `dbnd-docker`). `api_version` and `container_repository` ' +
    'must be set. The shipped `[docker]` also sets `sql_alchemy_conn`, which is not a key of this class and ' +
    'always yields an unknown-key warning.',
  params: [validateNoExtraParams('disabled'), ...CONTAINER_ENGINE_CONFIG_PARAMS, ...DOCKER_OWN_PARAMS],
  packageDefaultKeys: ['_type', 'network', 'sql_alchemy_conn'],
  legacyKeys: [],
  registered: true,
};
